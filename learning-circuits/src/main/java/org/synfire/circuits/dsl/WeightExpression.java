package org.synfire.circuits.dsl;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The weight of a connection: a fixed value, or a weight matrix in one of three orientations. */
public sealed interface WeightExpression {

    /** Every synapse has the same weight, in mantissa units at exponent 0. */
    record Fixed(int value) implements WeightExpression {
    }

    /** The synapses take their (initial) weights from a weight matrix. */
    record Matrix(String matrix, Orientation orientation) implements WeightExpression {
    }

    /** How a connection holds its weight matrix. */
    enum Orientation {
        /** {@code W}: synapse (i, j) holds W[i][j]. */
        DIRECT,
        /** {@code W^T}: synapse (i, j) holds W[j][i]. */
        TRANSPOSED,
        /** {@code -W^T}: synapse (i, j) holds -W[j][i]. */
        NEGATED_TRANSPOSED
    }

    Pattern MATRIX = Pattern.compile("(-?)([A-Za-z_][A-Za-z0-9_]*)(\\^T)?");
    Pattern TERM = Pattern.compile("([+-]?)\\s*([A-Za-z_][A-Za-z0-9_]*|[0-9]+)");

    /**
     * Parses a weight expression.
     *
     * @param text      e.g. {@code G+GM}, {@code -R}, {@code 512}, {@code W1}, {@code -W2^T}
     * @param constants the circuit's named weights
     * @param matrices  the names of its weight matrices
     * @param where     the connection, for messages
     */
    static WeightExpression parse(String text, Map<String, Integer> constants, java.util.Set<String> matrices,
            String where) {
        String s = text.replace(" ", "");
        Matcher matrix = MATRIX.matcher(s);
        if (matrix.matches() && matrices.contains(matrix.group(2))) {
            boolean negated = !matrix.group(1).isEmpty();
            boolean transposed = matrix.group(3) != null;
            if (negated && !transposed) {
                throw new IllegalArgumentException(where + ": weight '" + text
                        + "': a weight matrix is used as W, W^T or -W^T");
            }
            return new Matrix(matrix.group(2), !transposed ? Orientation.DIRECT
                    : negated ? Orientation.NEGATED_TRANSPOSED : Orientation.TRANSPOSED);
        }
        Matcher term = TERM.matcher(s);
        long sum = 0;
        int end = 0;
        while (term.find() && term.start() == end) {
            String name = term.group(2);
            long value;
            if (Character.isDigit(name.charAt(0))) {
                value = integer(name, text, where);
            } else if (constants.containsKey(name)) {
                value = constants.get(name);
            } else {
                throw new IllegalArgumentException(where + ": weight '" + text + "': '" + name
                        + "' is neither a constant " + constants.keySet() + " nor a weight matrix " + matrices);
            }
            boolean minus = term.group(1).equals("-");
            try {
                sum = minus ? Math.subtractExact(sum, value) : Math.addExact(sum, value);
            } catch (ArithmeticException overflow) {
                throw new IllegalArgumentException(where + ": weight '" + CircuitLimits.abbreviated(text) + "': "
                        + sum + (minus ? " - " : " + ") + value + " is outside the 64-bit range " + Long.MIN_VALUE
                        + " .. " + Long.MAX_VALUE);
            }
            end = term.end();
            if (end < s.length() && s.charAt(end) != '+' && s.charAt(end) != '-') {
                break;
            }
        }
        if (end != s.length() || s.isEmpty()) {
            throw new IllegalArgumentException(where + ": weight '" + CircuitLimits.abbreviated(text)
                    + "' is not a sum of constants and integers, nor W, W^T or -W^T of a weight matrix");
        }
        if (sum == 0) {
            throw new IllegalArgumentException(where + ": weight '" + text + "' is 0; expected a non-zero value");
        }
        if (sum < -Integer.MAX_VALUE || sum > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": weight '" + CircuitLimits.abbreviated(text) + "' is " + sum
                    + "; expected a value from " + -Integer.MAX_VALUE + " to " + Integer.MAX_VALUE);
        }
        return new Fixed((int) sum);
    }

    /** A whole number written in a weight, within the 64-bit range. */
    private static long integer(String digits, String text, String where) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": weight '" + CircuitLimits.abbreviated(text) + "': number "
                    + CircuitLimits.abbreviated(digits) + " is outside the 64-bit range " + Long.MIN_VALUE + " .. "
                    + Long.MAX_VALUE);
        }
    }
}
