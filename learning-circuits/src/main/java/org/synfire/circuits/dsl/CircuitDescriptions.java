package org.synfire.circuits.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads circuit templates from YAML and makes them concrete for parameter values; unknown fields and
 * missing required ones are errors.
 */
public final class CircuitDescriptions {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private CircuitDescriptions() {
    }

    /**
     * A circuit's text as written, before its parameters have values.
     */
    public static final class Template {

        private final ObjectNode tree;
        private final String source;

        private Template(ObjectNode tree, String source) {
            this.tree = tree;
            this.source = source;
        }

        /** Where the text came from. */
        public String source() {
            return source;
        }

        /** The circuit's name, as written. */
        public String name() {
            return tree.path("name").asText();
        }

        /** The names of the parameters it declares, in their order. */
        public java.util.Set<String> parameterNames() {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            tree.path("parameters").fieldNames().forEachRemaining(names::add);
            return java.util.Collections.unmodifiableSet(names);
        }

        /**
         * The defaults of the parameters it declares with one, by name (a parameter declared {@code ~} has none).
         */
        public Map<String, List<Integer>> parameterDefaults() {
            Map<String, List<Integer>> defaults = new java.util.LinkedHashMap<>();
            tree.path("parameters").properties().forEach(e -> {
                List<Integer> values = new java.util.ArrayList<>();
                if (e.getValue().isIntegralNumber() && e.getValue().canConvertToInt()) {
                    values.add(e.getValue().intValue());
                } else if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> values.add(v.isIntegralNumber() && v.canConvertToInt() ? v.intValue()
                            : null));
                }
                if (!values.isEmpty() && !values.contains(null)) {
                    defaults.put(e.getKey(), List.copyOf(values));
                }
            });
            return java.util.Collections.unmodifiableMap(defaults);
        }

        /**
         * The circuit for these parameter values; parameters it declares with a default may be left out,
         * parameters it does not declare are ignored.
         *
         * @throws IllegalArgumentException naming the source, the place and what is wrong
         */
        public CircuitDescription describe(Map<String, List<Long>> parameters) {
            try {
                ObjectNode concrete = CircuitTemplate.expand(tree, parameters, source);
                try {
                    return YAML.treeToValue(concrete, CircuitDescription.class);
                } catch (UnrecognizedPropertyException e) {
                    throw new IllegalArgumentException(source + ": unknown field '" + e.getPropertyName() + "' in "
                            + e.getReferringClass().getSimpleName() + "; known fields: " + e.getKnownPropertyIds(), e);
                } catch (ValueInstantiationException e) {
                    // a value the description's own checks refused: their message, at its place
                    String place = place(e);
                    throw new IllegalArgumentException(source + ": " + (place.isEmpty() ? "" : place + ": ")
                            + rootCause(e).getMessage(), e);
                } catch (JsonMappingException e) {
                    String place = place(e);
                    java.util.Optional<String> missing = missing(e);
                    if (missing.isPresent()) {
                        // the path ends with the key that is missing
                        place = place.substring(0, Math.max(0, place.lastIndexOf('/')));
                    }
                    throw new IllegalArgumentException(source + ": " + (place.isEmpty() ? "the description" : place)
                            + ": " + missing.orElseGet(() -> expected(e)), e);
                } catch (JacksonException e) {
                    throw new IllegalArgumentException(source + ": " + e.getOriginalMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ": " + rootCause(e).getMessage(), e);
                }
            } catch (IllegalArgumentException e) {
                throw new org.synfire.chip.api.circuit.CircuitDescriptionException(e.getMessage() + letHint(e.getMessage()),
                        e);
            }
        }

        /**
         * A hint where an expression names a {@code let} value: those are substituted as text ({@code $K}), while a
         * description's expressions (sizes, shapes) see its parameters only.
         */
        String letHint(String message) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([A-Za-z_][A-Za-z0-9_]*)' is not defined")
                    .matcher(String.valueOf(message));
            if (m.find() && tree.path("let").has(m.group(1))) {
                String name = m.group(1);
                return "; did you mean $" + name + "? ('" + name + "' is a let value, written $" + name + " or inside"
                        + " $(...); an expression here sees the parameters only)";
            }
            return "";
        }
    }

    /**
     * Parses a template.
     *
     * @param source where the text came from, for messages
     * @throws IllegalArgumentException naming the source, the line and what is wrong
     */
    public static Template template(String yaml, String source) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException(source + ": a circuit description is a map of sections (name, "
                        + "phases, populations, connections, ...)");
            }
            return new Template((ObjectNode) tree, source);
        } catch (StreamConstraintsException e) {
            // the parser's own limits: nesting deeper than 1000 maps and lists, or a number or text too long (its
            // message, which names the parser's settings, is not passed on as the cause)
            throw new IllegalArgumentException(source + (e.getLocation() != null ? " (line "
                    + e.getLocation().getLineNr() + ")" : "") + ": " + (e.getOriginalMessage().contains("nesting depth")
                    ? "maps and lists are nested more than " + YAML.getFactory().streamReadConstraints()
                            .getMaxNestingDepth() + " deep"
                    : "a value is longer than the reader takes (numbers of at most "
                            + YAML.getFactory().streamReadConstraints().getMaxNumberLength() + " digits, texts of at most "
                            + YAML.getFactory().streamReadConstraints().getMaxStringLength() + " characters)"));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
        }
    }

    /** Where a value of the concrete description is, as {@code /populations/h1/size} or {@code /connections[3]}. */
    private static String place(JsonMappingException e) {
        StringBuilder place = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                place.append('/').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                place.append('[').append(r.getIndex()).append(']');
            }
        }
        return place.toString();
    }

    /** A required key that is absent, in words. */
    private static java.util.Optional<String> missing(JsonMappingException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Missing required creator property '([^']*)'")
                .matcher(String.valueOf(e.getOriginalMessage()));
        return m.find() ? java.util.Optional.of("'" + m.group(1) + "' is required") : java.util.Optional.empty();
    }

    /** What the value there should have been, in the language's words (never a Java type). */
    private static String expected(JsonMappingException e) {
        Class<?> type = e instanceof MismatchedInputException m && m.getTargetType() != null ? m.getTargetType()
                : e.getCause() instanceof InputCoercionException c && c.getTargetType() != null ? c.getTargetType()
                : null;
        String found = e instanceof InvalidFormatException f && f.getValue() != null
                ? "'" + CircuitLimits.abbreviated(String.valueOf(f.getValue())) + "' is not " : "expected ";
        if (type == int.class || type == Integer.class) {
            return found + "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return found + "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == String.class) {
            return found + "a text";
        }
        if (type != null && java.util.Collection.class.isAssignableFrom(type)) {
            return found + "a list";
        }
        if (type != null && (Map.class.isAssignableFrom(type) || type.isRecord())) {
            return found + "a map";
        }
        return found + "a value of another kind";
    }

    /** Parses a template and makes it concrete for {@code parameters}. */
    public static CircuitDescription parse(String yaml, String source, Map<String, List<Long>> parameters) {
        return template(yaml, source).describe(parameters);
    }

    /**
     * Reads a template shipped as a resource beside {@code anchor}'s class, in this module or in a package open
     * to it. A circuit in a module of its own reads its resource itself, with {@link #read}.
     */
    public static Template resource(Class<?> anchor, String name) {
        InputStream in = anchor.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("circuit description " + name + " is missing beside " + anchor.getName()
                    + " (a circuit in another module reads it itself: CircuitDescriptions.read("
                    + anchor.getSimpleName() + ".class.getResourceAsStream(\"" + name + "\"), ...))");
        }
        return read(in, name);
    }

    /**
     * Reads a template from a stream (UTF-8) and closes it: e.g.
     * {@code read(MyProvider.class.getResourceAsStream("my-circuit.yaml"), "my-circuit.yaml")} in a plugin.
     *
     * @param in     the text, or null when a resource was not found
     * @param source where the text came from, for messages
     */
    public static Template read(InputStream in, String source) {
        if (in == null) {
            throw new IllegalStateException("circuit description " + source + " is missing");
        }
        try (in) {
            return template(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parameter values as the templates take them: whole numbers as lists of one. */
    public static Map<String, List<Long>> parameters(Map<String, ? extends List<Integer>> values) {
        Map<String, List<Long>> longs = new java.util.LinkedHashMap<>();
        values.forEach((name, list) -> longs.put(name, list.stream().map(Integer::longValue).toList()));
        return longs;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
