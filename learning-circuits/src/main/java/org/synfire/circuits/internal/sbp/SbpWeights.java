package org.synfire.circuits.internal.sbp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plastic weights of the sBP circuit as the chip holds them, one copy per role: W1 (n_in x n_hid),
 * W2 (n_hid x n_out), and the transposed copies that carry the error back, W2T+ = W2^T and W2T- = -W2^T
 * (n_out x n_hid each). Every copy saturates on its own at -256 .. 254, so W2T- differs from -W2^T
 * where W2 reaches -256. Row-major flat arrays; the keys of {@link #toMap()} are those of the
 * published sBP research code.
 */
final class SbpWeights {

    static final int MIN = -256;
    static final int MAX = 254;
    static final String W1 = "w1";
    static final String W2 = "w2";
    static final String W2T_PLUS = "w2Tp";
    static final String W2T_MINUS = "w2Tm";

    final int inputs;
    final int hidden;
    final int outputs;
    final int[] w1;
    final int[] w2;
    final int[] w2tPlus;
    final int[] w2tMinus;

    SbpWeights(int inputs, int hidden, int outputs) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        this.w1 = new int[inputs * hidden];
        this.w2 = new int[hidden * outputs];
        this.w2tPlus = new int[outputs * hidden];
        this.w2tMinus = new int[outputs * hidden];
    }

    /** Weights whose transposed copies are made from W2, as the circuit starts. */
    static SbpWeights of(int[][] w1, int[][] w2) {
        SbpWeights w = new SbpWeights(w1.length, w2.length, w2[0].length);
        w.set(W1, w1);
        w.set(W2, w2);
        for (int j = 0; j < w.hidden; j++) {
            for (int k = 0; k < w.outputs; k++) {
                w.w2tPlus[k * w.hidden + j] = w2[j][k];
                w.w2tMinus[k * w.hidden + j] = clamp(-w2[j][k]);
            }
        }
        return w;
    }

    /** Weights of the sizes that W1 and W2 in {@code m} have, restored from {@code m} as {@link #restore} does. */
    static SbpWeights restored(Map<String, int[][]> m) {
        int[][] w1 = m.get(W1);
        int[][] w2 = m.get(W2);
        if (w1 == null || w2 == null || w1.length == 0 || w2.length == 0) {
            throw new IllegalArgumentException("weights: matrices " + W1 + " and " + W2 + " are needed; have "
                    + m.keySet());
        }
        SbpWeights w = new SbpWeights(w1.length, w2.length, w2[0].length);
        w.restore(m);
        return w;
    }

    static int clamp(int w) {
        return Math.max(MIN, Math.min(MAX, w));
    }

    /** The four matrices by their research-code names, [row][column]. */
    Map<String, int[][]> toMap() {
        Map<String, int[][]> m = new LinkedHashMap<>();
        m.put(W1, matrix(w1, inputs, hidden));
        m.put(W2, matrix(w2, hidden, outputs));
        m.put(W2T_PLUS, matrix(w2tPlus, outputs, hidden));
        m.put(W2T_MINUS, matrix(w2tMinus, outputs, hidden));
        return m;
    }

    /**
     * Replaces every matrix from a map {@link #toMap()} made. W1 and W2 must be present; transposed
     * copies that are absent (weights saved by other code) are made from W2 as the circuit starts.
     */
    void restore(Map<String, int[][]> m) {
        for (String name : new String[] {W1, W2}) {
            if (m.get(name) == null) {
                throw new IllegalArgumentException("weights: matrix " + name + " is missing; have " + m.keySet());
            }
        }
        SbpWeights derived = of(m.get(W1), m.get(W2));
        Map<String, int[][]> made = derived.toMap();
        for (String name : new String[] {W1, W2, W2T_PLUS, W2T_MINUS}) {
            set(name, m.getOrDefault(name, made.get(name)));
        }
    }

    private void set(String name, int[][] value) {
        int[] target = switch (name) {
            case W1 -> w1;
            case W2 -> w2;
            case W2T_PLUS -> w2tPlus;
            case W2T_MINUS -> w2tMinus;
            default -> throw new IllegalArgumentException("weights: unknown matrix " + name);
        };
        int rows = switch (name) {
            case W1 -> inputs;
            case W2 -> hidden;
            default -> outputs;
        };
        int columns = target.length / rows;
        if (value.length != rows) {
            throw new IllegalArgumentException("weights: matrix " + name + " has " + value.length + " rows; expected "
                    + rows);
        }
        for (int r = 0; r < rows; r++) {
            if (value[r].length != columns) {
                throw new IllegalArgumentException("weights: matrix " + name + " row " + r + " has " + value[r].length
                        + " columns; expected " + columns);
            }
            for (int c = 0; c < columns; c++) {
                int w = value[r][c];
                if (w < MIN || w > MAX || (w & 1) != 0) {
                    throw new IllegalArgumentException("weights: matrix " + name + " [" + r + "][" + c + "] = " + w
                            + " is not an even weight in " + MIN + ".." + MAX);
                }
                target[r * columns + c] = w;
            }
        }
    }

    private static int[][] matrix(int[] flat, int rows, int columns) {
        int[][] m = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * columns, m[r], 0, columns);
        }
        return m;
    }
}
