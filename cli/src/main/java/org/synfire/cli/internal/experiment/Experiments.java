package org.synfire.cli.internal.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Reads experiments from YAML: the packaged ones shipped in this jar, by name, and users' files, by
 * path. Unknown fields and values of the wrong type are errors that name the field and the value.
 */
public final class Experiments {

    /** The packaged experiments, in the order {@code synfire list} shows them. */
    public static final List<String> PACKAGED =
            List.of("quick", "paper-mnist20", "mnist28", "fashion-mnist28", "inference-mnist20");

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY) // parameters: {K: 40} as hidden: 400
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private Experiments() {
    }

    /**
     * The experiment a command line names: a YAML file if the argument is the path of one, else a
     * packaged experiment. Defaults applied and validated.
     */
    public static Experiment resolve(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            String fileName = file.getFileName().toString();
            return parse(readText(file), file.toString(), fileName.replaceFirst("\\.ya?ml$", ""));
        }
        if (!PACKAGED.contains(nameOrFile)) {
            throw new ConfigurationException("unknown experiment '" + nameOrFile + "': neither a packaged experiment ("
                    + String.join(", ", PACKAGED) + ") nor a YAML file");
        }
        return packaged(nameOrFile);
    }

    /** The longest experiment file read: an experiment is a dozen lines. */
    public static final long MAX_FILE_BYTES = 1L << 20;

    /**
     * An experiment file's text: at most {@link #MAX_FILE_BYTES}, and valid UTF-8, else an error naming
     * the file and where the first bad byte is.
     */
    public static String readText(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ConfigurationException(file + ": the file is " + size + " bytes; an experiment file may have"
                        + " at most " + MAX_FILE_BYTES + " bytes (1 MiB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the experiment file"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
        return decode(bytes, file.toString());
    }

    /** UTF-8 text, or an error naming the line and byte where it is not UTF-8. */
    static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ConfigurationException(String.format("%s (line %d): not valid UTF-8 (byte 0x%02x at offset %d);"
                    + " save the file as UTF-8", source, line, bytes[at] & 0xff, at));
        }
        out.flip();
        return out.toString();
    }

    /** A packaged experiment by name. */
    public static Experiment packaged(String name) {
        String resource = name + ".yaml";
        try (InputStream in = Experiments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("packaged experiment " + resource + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses one experiment.
     *
     * @param yaml        the text
     * @param source      where it came from, for messages
     * @param defaultName the name when the text gives none
     */
    public static Experiment parse(String yaml, String source, String defaultName) {
        Experiment read;
        try {
            read = YAML.readValue(yaml, Experiment.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ConfigurationException(source + lineOf(yaml, e.getPropertyName()) + ": unknown field '"
                    + e.getPropertyName() + "'; known fields: " + known, e);
        } catch (InvalidFormatException e) {
            throw new ConfigurationException(source + where(e.getLocation()) + ": field '" + field(e) + "' is '"
                    + Experiment.printable(String.valueOf(e.getValue())) + "'; expected "
                    + expected(e.getTargetType()), e);
        } catch (MismatchedInputException e) {
            String field = field(e);
            if (field.isEmpty()) {
                throw new ConfigurationException(source + where(e.getLocation()) + ": expected the experiment's fields"
                        + " (name: value, one a line), e.g. dataset: mnist20", e);
            }
            throw new ConfigurationException(source + where(e.getLocation()) + ": field '" + field
                    + "' has the wrong kind of value; expected " + expected(e.getTargetType()), e);
        } catch (JsonMappingException e) {
            String field = field(e);
            throw new ConfigurationException(source + where(e.getLocation()) + ": "
                    + (field.isEmpty() ? "" : "field '" + field + "': ") + oneLine(e.getOriginalMessage()), e);
        } catch (JacksonException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.contains("(TAB)") || message.contains("\t")) {
                throw new ConfigurationException(source + tabAt(yaml) + ": a tab character; YAML indents"
                        + " with spaces, not tabs", e);
            }
            throw new ConfigurationException(source + where(e.getLocation()) + ": not valid YAML: "
                    + oneLine(message), e);
        } catch (RuntimeException e) {
            // a parser's own limits (e.g. too many aliases, too deep) arrive as other exceptions
            throw new ConfigurationException(source + ": not a usable experiment file: "
                    + oneLine(e.getMessage()), e);
        }
        if (read == null) {
            throw new ConfigurationException(source + ": the experiment is empty");
        }
        if (read.name() == null) {
            read = read.withName(defaultName);
        }
        return read.withDefaults().validate(source);
    }

    /** The experiment as YAML, every field written out: the run directory's record of it. */
    public static String toYaml(Experiment experiment) {
        try {
            return YAML.writeValueAsString(experiment);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The fields {@link #withField} sets by name: an experiment's fields other than its name and description
     * (and seed, which a sweep sets on its own); a circuit's own settings are {@code circuit-option.NAME}, or
     * their bare name where the experiment already sets them (e.g. {@code init}).
     */
    public static final List<String> FIELDS = List.of("circuit", "model", "backend", "dataset", "epochs", "train-samples",
            "test-samples", "hidden", "checkpoint-every", "threads", "inference-circuit", "cost-table");

    /** The prefix of a circuit's own setting in {@link #withField}. */
    public static final String CIRCUIT_OPTION = "circuit-option.";

    /**
     * The experiment with one field set from text, checked as an experiment file's field would be.
     *
     * @param key    one of {@link #FIELDS}, {@code circuit-option.NAME}, or the name of a circuit option the
     *               experiment already sets
     * @param value  the value as text; a list (hidden) writes its items with '+', e.g. {@code 400+400}
     * @param source where the setting came from, for messages, e.g. {@code --set epochs=2}
     * @throws ConfigurationException for an unknown key or a value the field does not take
     */
    public static Experiment withField(Experiment experiment, String key, String value, String source) {
        Map<String, Object> fields = YAML.convertValue(experiment,
                new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
        String option = key.startsWith(CIRCUIT_OPTION) ? key.substring(CIRCUIT_OPTION.length())
                : experiment.options().containsKey(key) ? key : null;
        if (option != null) {
            if (option.isBlank()) {
                throw new ConfigurationException(source + ": no circuit option named after '" + CIRCUIT_OPTION + "'");
            }
            Map<String, String> options = new java.util.TreeMap<>(experiment.options());
            options.put(option, value);
            fields.put("circuit-options", options);
        } else if (key.equals("hidden")) {
            fields.put(key, List.of(value.split("\\+", -1)));
        } else if (FIELDS.contains(key)) {
            fields.put(key, value);
        } else if (key.equals("seed")) {
            throw new ConfigurationException(source + ": a sweep's seeds are given by --seeds, e.g. --seeds 1..5");
        } else {
            List<String> known = new java.util.ArrayList<>(FIELDS);
            experiment.options().keySet().forEach(known::add);
            throw new ConfigurationException(source + ": unknown key '" + Experiment.printable(key) + "'; known: "
                    + String.join(", ", known) + ", or " + CIRCUIT_OPTION + "NAME for a circuit's own setting");
        }
        String yaml;
        try {
            yaml = YAML.writeValueAsString(fields);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
        try {
            return parse(yaml, source, experiment.name());
        } catch (ConfigurationException e) {
            // the line is that of the text made here, not one the user wrote
            throw new ConfigurationException(e.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(source)
                    + " \\(line \\d+\\)", java.util.regex.Matcher.quoteReplacement(source)), e);
        }
    }

    /** Descriptions of the packaged experiments, by name. */
    public static Map<String, String> packagedDescriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        PACKAGED.forEach(name -> descriptions.put(name, packaged(name).description()));
        return descriptions;
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ")";
    }

    /**
     * A parser's message in one line: its lines joined, without SnakeYAML's places ({@code in 'reader',
     * line 2...}) and the excerpts of the text below them, and without Java type names.
     */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "the text cannot be read";
        }
        StringBuilder b = new StringBuilder();
        String[] lines = message.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.startsWith("at [")) {
                break;
            }
            if (t.startsWith("in '")) {
                // SnakeYAML's place, then the excerpt of the text and a caret under it
                if (i + 2 < lines.length && lines[i + 2].strip().startsWith("^")) {
                    i += 2;
                }
                continue;
            }
            if (!t.isEmpty() && !t.startsWith("^")) {
                b.append(b.length() == 0 ? "" : "; ").append(t);
            }
        }
        String text = b.toString().replaceAll("`?java\\.[a-z]+\\.([A-Z][A-Za-z]*)`?", "$1")
                .replaceAll("`?(com|org)\\.[a-z.]+\\.([A-Z][A-Za-z.$]*)`?", "$2");
        return Experiment.printable(text.isEmpty() ? "the text cannot be read" : text);
    }

    /** Where the first tab stands in the text. */
    private static String tabAt(String yaml) {
        int at = yaml.indexOf('\t');
        if (at < 0) {
            return "";
        }
        int line = 1;
        int start = 0;
        for (int i = 0; i < at; i++) {
            if (yaml.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        return " (line " + line + ", column " + (at - start + 1) + ")";
    }

    /** Where a top-level key stands in the text (the parser's own location is past it by then). */
    private static String lineOf(String yaml, String key) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*:.*")) {
                return " (line " + (i + 1) + ")";
            }
        }
        return "";
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type != null && java.util.Collection.class.isAssignableFrom(type)) {
            return "a list, e.g. [400, 400]";
        }
        if (type != null && Map.class.isAssignableFrom(type)) {
            return "names with values, e.g. init: spec";
        }
        return "a value of another kind";
    }
}
