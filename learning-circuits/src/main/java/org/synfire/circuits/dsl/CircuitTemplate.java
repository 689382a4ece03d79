package org.synfire.circuits.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Makes a circuit template concrete for given parameter values, before it is read as a
 * {@link CircuitDescription}. A template is a description that may use:
 * <ul>
 *   <li>{@code parameters}: a map from each parameter's name to its default (a whole number, a list of them,
 *       or nothing: the value must be given); an older list of names means every one must be given;</li>
 *   <li>{@code let}: named values computed in order from the parameters and the values before them: an
 *       {@link Expression} ({@code depth: len(hidden)}) or a list whose elements are expressions or names
 *       of lists, which are spliced in ({@code layers: [inputs, hidden, outputs]});</li>
 *   <li>{@code $name} and {@code $(expression)} in any key or text: replaced by the value; a text that is
 *       nothing but one of them becomes a number;</li>
 *   <li>{@code for VAR in FROM..TO}: as a key of a map, its value (a map) is repeated for VAR = FROM .. TO
 *       and merged in; as the only key of a list element, its value (a list, or one element) is repeated
 *       and spliced into the list; no repetition when TO &lt; FROM; a label in parentheses may follow
 *       ({@code for l in 1..depth (memories)}), so that two loops in one map have different keys;</li>
 *   <li>{@code rename}: a map from names to names applied last: a key or text that equals a name, or
 *       starts with it followed by a character other than a letter, digit or '_', gets the new name in its
 *       place ({@code h2: o} turns {@code h2<} into {@code o<}, but not {@code h20} into {@code o0}).</li>
 * </ul>
 * The result holds the parameters' values as lists under {@code parameters}, and neither {@code let} nor
 * {@code rename}. The expansion is bounded before it grows ({@link CircuitLimits}): loop repetitions in all,
 * the values made, and the elements of the {@code let} values.
 */
final class CircuitTemplate {

    private static final Pattern FOR = Pattern.compile(
            "for\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+in\\s+(.+?)\\s*\\.\\.\\s*(.+?)(\\s+\\([^()]*\\))?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    /** Loop repetitions, values made and {@code let} elements so far, against their limits. */
    private long repetitions;
    private long values;
    private long letElements;

    private CircuitTemplate(String source) {
        this.source = source;
    }

    /**
     * Expands {@code template}.
     *
     * @param given  values of the parameters by name; parameters the template does not declare are ignored
     * @param source where the template came from, for messages
     * @throws IllegalArgumentException naming the source, the place and what is wrong
     */
    static ObjectNode expand(ObjectNode template, Map<String, List<Long>> given, String source) {
        return new CircuitTemplate(source).expand(template, given);
    }

    private ObjectNode expand(ObjectNode template, Map<String, List<Long>> given) {
        Map<String, List<Long>> scope = new LinkedHashMap<>();
        ObjectNode parameters = NODES.objectNode();
        JsonNode declared = template.path("parameters");
        if (declared.isArray()) {
            declared.forEach(name -> bind(scope, parameters, name.asText(), null, given));
        } else if (declared.isObject()) {
            declared.properties().forEach(e -> bind(scope, parameters, e.getKey(), e.getValue(), given));
        } else if (!declared.isMissingNode() && !declared.isNull()) {
            throw error("parameters", "expected a map from names to default values");
        }
        template.path("let").properties().forEach(e -> {
            String where = "let " + e.getKey();
            requireNewName(scope, e.getKey(), where);
            scope.put(e.getKey(), let(e.getValue(), scope, where));
        });
        ObjectNode body = template.deepCopy();
        body.remove(List.of("parameters", "let", "rename"));
        ObjectNode result = (ObjectNode) node(body, scope, "");
        result.set("parameters", parameters);
        JsonNode rename = template.path("rename");
        if (!rename.isMissingNode()) {
            Map<String, String> names = new LinkedHashMap<>();
            node(rename, scope, "rename").properties().forEach(e -> {
                if (!e.getValue().isValueNode() || e.getValue().asText().isEmpty()) {
                    throw error("rename/" + e.getKey(), "expected the new name, e.g. " + e.getKey() + ": o");
                }
                names.put(e.getKey(), e.getValue().asText());
            });
            return (ObjectNode) renamed(result, names);
        }
        return result;
    }

    private void bind(Map<String, List<Long>> scope, ObjectNode parameters, String name, JsonNode fallback,
            Map<String, List<Long>> given) {
        List<Long> value = given.get(name);
        if (value == null && fallback != null && !fallback.isNull()) {
            value = fallback.isArray() ? longs(fallback, "parameter " + name) : List.of(number(fallback, "parameter " + name));
        }
        if (value == null) {
            throw error("", "parameter " + name + " has no value and no default");
        }
        scope.put(name, List.copyOf(value));
        ArrayNode values = parameters.putArray(name);
        value.forEach(values::add);
    }

    private List<Long> let(JsonNode value, Map<String, List<Long>> scope, String where) {
        if (!value.isArray()) {
            countLet(1, where);
            return List.of(value.isNumber() ? number(value, where) : evaluate(value.asText(), scope, where));
        }
        List<Long> list = new ArrayList<>();
        for (JsonNode element : value) {
            String text = element.asText();
            if (element.isTextual() && NAME.matcher(text).matches() && scope.containsKey(text)) {
                countLet(scope.get(text).size(), where);
                list.addAll(scope.get(text));
            } else {
                countLet(1, where);
                list.add(element.isNumber() ? number(element, where) : evaluate(text, scope, where));
            }
        }
        return List.copyOf(list);
    }

    /** Counts {@code n} more elements of the {@code let} values, refusing them past the limit before they are made. */
    private void countLet(long n, String where) {
        letElements += n;
        if (letElements > CircuitLimits.MAX_LET_ELEMENTS) {
            throw error(where, "the let values would hold more than " + CircuitLimits.MAX_LET_ELEMENTS
                    + " elements in all; at most " + CircuitLimits.MAX_LET_ELEMENTS + " are allowed");
        }
    }

    private JsonNode node(JsonNode node, Map<String, List<Long>> scope, String where) {
        if (++values > CircuitLimits.MAX_VALUES) {
            throw error(where, "the description expands to more than " + CircuitLimits.MAX_VALUES
                    + " maps, lists and values; at most " + CircuitLimits.MAX_VALUES + " are allowed");
        }
        if (node.isObject()) {
            ObjectNode result = NODES.objectNode();
            node.properties().forEach(e -> {
                Matcher loop = FOR.matcher(e.getKey());
                if (loop.matches()) {
                    if (!e.getValue().isObject()) {
                        throw error(where + "/" + e.getKey(), "the body of a loop in a map must be a map");
                    }
                    repeat(loop, scope, where, s -> e.getValue().properties().forEach(inner -> put(result,
                            text(inner.getKey(), s, where), node(inner.getValue(), s, where + "/" + inner.getKey()),
                            where)));
                } else {
                    String key = text(e.getKey(), scope, where);
                    put(result, key, node(e.getValue(), scope, where + "/" + key), where);
                }
            });
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = NODES.arrayNode();
            int index = 0;
            for (JsonNode element : node) {
                String at = where + "[" + index++ + "]";
                Matcher loop = element.isObject() && element.size() == 1
                        ? FOR.matcher(element.fieldNames().next()) : null;
                if (loop != null && loop.matches()) {
                    JsonNode body = element.elements().next();
                    repeat(loop, scope, at, s -> {
                        if (body.isArray()) {
                            node(body, s, at).forEach(result::add);
                        } else {
                            result.add(node(body, s, at));
                        }
                    });
                } else {
                    result.add(node(element, scope, at));
                }
            }
            return result;
        }
        if (node.isTextual()) {
            return interpolate(node.asText(), scope, where);
        }
        return node;
    }

    private void repeat(Matcher loop, Map<String, List<Long>> scope, String where,
            java.util.function.Consumer<Map<String, List<Long>>> body) {
        String variable = loop.group(1);
        String at = where + " (" + CircuitLimits.abbreviated(loop.group()) + ")";
        requireNewName(scope, variable, at);
        long from = evaluate(loop.group(2), scope, at);
        long to = evaluate(loop.group(3), scope, at);
        if (to < from) {
            return;
        }
        // to - from + 1 in two steps, so that a range wider than a long is counted, not wrapped
        long left = CircuitLimits.MAX_REPETITIONS - repetitions;
        long span = to - from; // wraps to a negative value only when the range is wider than a long
        if (span < 0 || span >= left) {
            throw error(at, "repeats " + (span < 0 ? "more than " + Long.MAX_VALUE : Long.toString(span + 1))
                    + " times" + (repetitions > 0 ? " after " + repetitions + " repetitions of the loops around or"
                    + " before it" : "") + "; the loops of a description repeat at most "
                    + CircuitLimits.MAX_REPETITIONS + " times in all");
        }
        repetitions += span + 1;
        Map<String, List<Long>> inner = new LinkedHashMap<>(scope);
        // counted, not 'i <= to': a loop that ends at Long.MAX_VALUE must not wrap around
        for (long k = 0; k <= span; k++) {
            inner.put(variable, List.of(from + k));
            body.accept(inner);
        }
    }

    /** A text with its {@code $name} and {@code $(...)} replaced; a number if it is nothing but one of them. */
    private JsonNode interpolate(String text, Map<String, List<Long>> scope, String where) {
        if (text.indexOf('$') < 0) {
            return TextNode.valueOf(text);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int substitutions = 0;
        Long only = null;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            int end;
            String expression;
            if (i + 1 < text.length() && text.charAt(i + 1) == '(') {
                end = closing(text, i + 1, where);
                expression = text.substring(i + 2, end - 1);
            } else {
                Matcher name = NAME.matcher(text).region(i + 1, text.length());
                if (!name.lookingAt()) {
                    throw error(where, "'" + CircuitLimits.abbreviated(text)
                            + "': '$' must be followed by a name or by (expression)");
                }
                end = name.end();
                expression = name.group();
            }
            long value = evaluate(expression, scope, where + " ('" + CircuitLimits.abbreviated(text) + "')");
            out.append(value);
            substitutions++;
            only = i == 0 && end == text.length() ? value : null;
            i = end;
        }
        return substitutions == 1 && only != null ? NODES.numberNode(only) : TextNode.valueOf(out.toString());
    }

    private int closing(String text, int open, String where) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            depth += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i + 1;
            }
        }
        throw error(where, "'" + CircuitLimits.abbreviated(text) + "': a '$(' is not closed");
    }

    private String text(String key, Map<String, List<Long>> scope, String where) {
        return interpolate(key, scope, where).asText();
    }

    private void put(ObjectNode target, String key, JsonNode value, String where) {
        if (target.has(key)) {
            throw error(where.isEmpty() ? key : where, "'" + key + "' is defined twice");
        }
        target.set(key, value);
    }

    private long evaluate(String expression, Map<String, List<Long>> scope, String where) {
        try {
            return Expression.evaluate(expression, scope);
        } catch (IllegalArgumentException e) {
            throw error(where, e.getMessage());
        }
    }

    private List<Long> longs(JsonNode array, String where) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(number(v, where)));
        return values;
    }

    private long number(JsonNode value, String where) {
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw error(where, "'" + CircuitLimits.abbreviated(value.asText()) + "' is not a whole number from "
                    + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        return value.asLong();
    }

    private void requireNewName(Map<String, List<Long>> scope, String name, String where) {
        if (scope.containsKey(name)) {
            throw error(where, "'" + name + "' is already defined");
        }
    }

    private static JsonNode renamed(JsonNode node, Map<String, String> names) {
        if (node.isObject()) {
            ObjectNode result = NODES.objectNode();
            node.properties().forEach(e -> result.set(renamed(e.getKey(), names), renamed(e.getValue(), names)));
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = NODES.arrayNode();
            node.forEach(element -> result.add(renamed(element, names)));
            return result;
        }
        return node.isTextual() ? TextNode.valueOf(renamed(node.asText(), names)) : node;
    }

    private static String renamed(String text, Map<String, String> names) {
        for (Map.Entry<String, String> e : names.entrySet()) {
            String old = e.getKey();
            if (text.startsWith(old) && (text.length() == old.length() || !isNameCharacter(text.charAt(old.length())))) {
                return e.getValue() + text.substring(old.length());
            }
        }
        return text;
    }

    private static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private IllegalArgumentException error(String where, String what) {
        return new IllegalArgumentException(source + ": " + (where.isEmpty() ? "" : where + ": ") + what);
    }
}
