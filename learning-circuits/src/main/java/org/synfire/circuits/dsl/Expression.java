package org.synfire.circuits.dsl;

import java.util.List;
import java.util.Map;

/**
 * Integer arithmetic over a circuit's parameters, its {@code let} values and loop variables, as written
 * in {@code $(...)} of a circuit template. Grammar:
 *
 * <pre>
 *   expr    = term (('+' | '-') term)*
 *   term    = unary (('*' | '/' | '%') unary)*
 *   unary   = '-' unary | primary
 *   primary = integer | name | name '[' expr ']' | 'len(' name ')' | ('min' | 'max') '(' expr ',' expr ')'
 *           | '(' expr ')'
 * </pre>
 *
 * A name holds a whole number or a list of them; {@code name[i]} is element i of a list (counted from 0)
 * and {@code len(name)} its length. {@code /} and {@code %} round toward minus infinity, so
 * {@code (p - 1) % phases} stays in 0 .. phases - 1. Values are {@code long}: every operation is exact, and
 * one whose result is outside the 64-bit range is an error naming it; so is nesting deeper than
 * {@link CircuitLimits#MAX_NESTING} (parentheses, minus signs, indices and arguments), which would otherwise
 * overflow the parser's stack.
 */
final class Expression {

    private final String text;
    private final Map<String, List<Long>> names;
    private int at;
    /** How deep the parser is in nested parentheses, minus signs, indices and arguments. */
    private int depth;

    private Expression(String text, Map<String, List<Long>> names) {
        this.text = text;
        this.names = names;
    }

    /**
     * Evaluates {@code text}.
     *
     * @param names the values in scope: a whole number is a list of one
     * @throws IllegalArgumentException naming the expression, the place and what is wrong
     */
    static long evaluate(String text, Map<String, List<Long>> names) {
        Expression e = new Expression(text, names);
        long value = e.sum();
        e.skipSpace();
        if (e.at != text.length()) {
            throw e.error("unexpected '" + CircuitLimits.abbreviated(text.substring(e.at)) + "'");
        }
        return value;
    }

    private long sum() {
        long value = product();
        while (true) {
            if (accept('+')) {
                long b = product();
                value = exact(value, '+', b);
            } else if (accept('-')) {
                long b = product();
                value = exact(value, '-', b);
            } else {
                return value;
            }
        }
    }

    private long product() {
        long value = unary();
        while (true) {
            if (accept('*')) {
                long b = unary();
                value = exact(value, '*', b);
            } else if (accept('/')) {
                long b = divisor();
                value = exact(value, '/', b);
            } else if (accept('%')) {
                value = Math.floorMod(value, divisor());
            } else {
                return value;
            }
        }
    }

    private long divisor() {
        long d = unary();
        if (d == 0) {
            throw error("division by zero");
        }
        return d;
    }

    /** {@code a op b}, exactly: a result outside the 64-bit range is an error that names the operation. */
    private long exact(long a, char op, long b) {
        try {
            return switch (op) {
                case '+' -> Math.addExact(a, b);
                case '-' -> Math.subtractExact(a, b);
                case '*' -> Math.multiplyExact(a, b);
                default -> Math.floorDivExact(a, b); // only Long.MIN_VALUE / -1 overflows
            };
        } catch (ArithmeticException overflow) {
            throw error(a + " " + op + " " + b + " is outside the 64-bit range " + Long.MIN_VALUE + " .. "
                    + Long.MAX_VALUE);
        }
    }

    private long unary() {
        if (++depth > CircuitLimits.MAX_NESTING) {
            throw error("nested more than " + CircuitLimits.MAX_NESTING + " deep (parentheses, minus signs, indices "
                    + "and arguments)");
        }
        try {
            if (!accept('-')) {
                return primary();
            }
            long value = unary();
            if (value == Long.MIN_VALUE) {
                throw error("-(" + value + ") is outside the 64-bit range " + Long.MIN_VALUE + " .. "
                        + Long.MAX_VALUE);
            }
            return -value;
        } finally {
            depth--;
        }
    }

    private long primary() {
        skipSpace();
        if (accept('(')) {
            long value = sum();
            expect(')');
            return value;
        }
        if (at < text.length() && Character.isDigit(text.charAt(at))) {
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            try {
                return Long.parseLong(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("number " + CircuitLimits.abbreviated(text.substring(start, at))
                        + " is outside the 64-bit range " + Long.MIN_VALUE + " .. " + Long.MAX_VALUE);
            }
        }
        String name = name();
        if (name.equals("len") && accept('(')) {
            List<Long> list = lookUp(name());
            expect(')');
            return list.size();
        }
        if ((name.equals("min") || name.equals("max")) && accept('(')) {
            long a = sum();
            expect(',');
            long b = sum();
            expect(')');
            return name.equals("min") ? Math.min(a, b) : Math.max(a, b);
        }
        List<Long> value = lookUp(name);
        if (accept('[')) {
            long index = sum();
            expect(']');
            if (index < 0 || index >= value.size()) {
                throw error(name + "[" + index + "] is outside the list " + CircuitLimits.abbreviated(value.toString()) + " (indices 0 .. "
                        + (value.size() - 1) + ")");
            }
            return value.get((int) index);
        }
        if (value.size() != 1) {
            throw error(name + " is the list " + CircuitLimits.abbreviated(value.toString()) + "; take an element, e.g. " + name + "[0], or len(" + name
                    + ")");
        }
        return value.get(0);
    }

    private List<Long> lookUp(String name) {
        List<Long> value = names.get(name);
        if (value == null) {
            throw error("'" + name + "' is not defined; defined here: " + names.keySet().stream().sorted().toList());
        }
        return value;
    }

    private String name() {
        skipSpace();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        if (start == at) {
            throw error(at < text.length() ? "unexpected '" + text.charAt(at) + "'" : "expression ends too early");
        }
        return text.substring(start, at);
    }

    private boolean accept(char c) {
        skipSpace();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'" + (at < text.length()
                    ? " at '" + CircuitLimits.abbreviated(text.substring(at)) + "'" : " at the end"));
        }
    }

    private void skipSpace() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("expression '" + CircuitLimits.abbreviated(text) + "': " + what);
    }
}
