package org.synfire.circuits.internal.sbp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plastic weights of the sBP circuit as the chip holds them, one copy per role, for N >= 1 hidden
 * layers. Layer sizes {@code sizes = [inputs, hidden_1, ..., hidden_N, outputs]}; for l = 1 .. N+1
 * the forward matrix W_l (sizes[l-1] x sizes[l]), and for l = 2 .. N+1 the transposed copies that
 * carry the error back to layer l-1, W_lT+ = W_l^T and W_lT- = -W_l^T (sizes[l] x sizes[l-1] each).
 * Every copy saturates on its own at -256 .. 254, so W_lT- differs from -W_l^T where W_l reaches -256.
 * Row-major flat arrays. The keys of {@link #toMap()} are {@code w1 .. w{N+1}} and
 * {@code w{l}Tp, w{l}Tm}: with one hidden layer exactly those of the published sBP research code
 * (w1, w2, w2Tp, w2Tm).
 */
final class SbpWeights {

    static final int MIN = -256;
    static final int MAX = 254;
    static final String W1 = "w1";
    static final String W2 = "w2";
    static final String W2T_PLUS = "w2Tp";
    static final String W2T_MINUS = "w2Tm";

    /** {@code [inputs, hidden_1, ..., hidden_N, outputs]}; not to be changed. */
    final int[] sizes;
    final int inputs;
    /** The first hidden layer's size (the only hidden layer's with one). */
    final int hidden;
    final int outputs;
    /** W_l at index l = 1 .. N+1, sizes[l-1] x sizes[l]; index 0 is null. */
    final int[][] matrix;
    /** W_lT+ at index l = 2 .. N+1, sizes[l] x sizes[l-1]; indices 0 and 1 are null. */
    final int[][] plus;
    /** W_lT- at index l = 2 .. N+1, sizes[l] x sizes[l-1]; indices 0 and 1 are null. */
    final int[][] minus;
    /** The arrays of W1, W2, W2T+ and W2T- (W_1, W_2 and W_2's copies at any depth). */
    final int[] w1;
    final int[] w2;
    final int[] w2tPlus;
    final int[] w2tMinus;

    /** Zero weights of a circuit with one hidden layer. */
    SbpWeights(int inputs, int hidden, int outputs) {
        this(new int[] {inputs, hidden, outputs});
    }

    /** Zero weights of a circuit with these layer sizes, inputs first, outputs last, at least one hidden layer. */
    SbpWeights(int[] sizes) {
        if (sizes.length < 3) {
            throw new IllegalArgumentException("weights: sizes " + java.util.Arrays.toString(sizes)
                    + " name no hidden layer; expected [inputs, hidden_1, ..., hidden_N, outputs] with N >= 1");
        }
        for (int l = 0; l < sizes.length; l++) {
            if (sizes[l] < 1) {
                throw new IllegalArgumentException("weights: layer " + l + " of sizes "
                        + java.util.Arrays.toString(sizes) + " has " + sizes[l] + " units; expected at least 1");
            }
        }
        this.sizes = sizes.clone();
        int top = sizes.length - 1;
        this.inputs = sizes[0];
        this.hidden = sizes[1];
        this.outputs = sizes[top];
        this.matrix = new int[top + 1][];
        this.plus = new int[top + 1][];
        this.minus = new int[top + 1][];
        for (int l = 1; l <= top; l++) {
            matrix[l] = new int[Math.multiplyExact(sizes[l - 1], sizes[l])];
            if (l >= 2) {
                plus[l] = new int[matrix[l].length];
                minus[l] = new int[matrix[l].length];
            }
        }
        this.w1 = matrix[1];
        this.w2 = matrix[2];
        this.w2tPlus = plus[2];
        this.w2tMinus = minus[2];
    }

    /** Weights with one hidden layer whose transposed copies are made from W2, as the circuit starts. */
    static SbpWeights of(int[][] w1, int[][] w2) {
        return of(List.of(w1, w2));
    }

    /**
     * Weights W_1 .. W_{N+1} ([row][column], the first W_1) whose transposed copies are made from them,
     * as the circuit starts; the sizes are read from the matrices, which must chain (W_l's columns are
     * W_{l+1}'s rows).
     */
    static SbpWeights of(List<int[][]> matrices) {
        if (matrices.size() < 2) {
            throw new IllegalArgumentException("weights: " + matrices.size()
                    + " matrices make no hidden layer; expected W1 .. W{N+1} with N >= 1");
        }
        int[] sizes = new int[matrices.size() + 1];
        for (int l = 1; l <= matrices.size(); l++) {
            int[][] m = matrices.get(l - 1);
            if (m.length == 0 || m[0].length == 0) {
                throw new IllegalArgumentException("weights: matrix " + name(l) + " is empty");
            }
            sizes[l] = m[0].length; // the rows are checked against the sizes below
        }
        sizes[0] = matrices.get(0).length;
        SbpWeights w = new SbpWeights(sizes);
        for (int l = 1; l < sizes.length; l++) {
            set(w.matrix[l], name(l), matrices.get(l - 1), sizes[l - 1], sizes[l]);
        }
        for (int l = 2; l < sizes.length; l++) {
            w.transposeFrom(l);
        }
        return w;
    }

    /**
     * Weights of the sizes that w1, w2, ... in {@code m} have (as many layers as there are consecutive
     * matrices from w1 on), restored from {@code m} as {@link #restore} does.
     *
     * @throws IllegalArgumentException if w1 and w2 are not both there
     */
    static SbpWeights restored(Map<String, int[][]> m) {
        List<Integer> sizes = new ArrayList<>();
        for (int l = 1; m.get(name(l)) != null && m.get(name(l)).length > 0; l++) {
            int[][] w = m.get(name(l));
            if (l == 1) {
                sizes.add(w.length);
            }
            sizes.add(w[0].length);
        }
        if (sizes.size() < 3) {
            throw new IllegalArgumentException("weights: matrices " + W1 + " and " + W2 + " are needed; have "
                    + m.keySet());
        }
        SbpWeights w = new SbpWeights(sizes.stream().mapToInt(Integer::intValue).toArray());
        w.restore(m);
        return w;
    }

    static int clamp(int w) {
        return Math.max(MIN, Math.min(MAX, w));
    }

    /** The number of hidden layers, N. */
    int depth() {
        return sizes.length - 2;
    }

    /** The key of W_l. */
    static String name(int l) {
        return "w" + l;
    }

    /** The key of W_lT+. */
    static String plusName(int l) {
        return "w" + l + "Tp";
    }

    /** The key of W_lT-. */
    static String minusName(int l) {
        return "w" + l + "Tm";
    }

    /** Every matrix by its research-code name, [row][column]: w1, then per l >= 2 w{l}, w{l}Tp, w{l}Tm. */
    Map<String, int[][]> toMap() {
        Map<String, int[][]> m = new LinkedHashMap<>();
        for (int l = 1; l < sizes.length; l++) {
            m.put(name(l), matrix(matrix[l], sizes[l - 1], sizes[l]));
            if (l >= 2) {
                m.put(plusName(l), matrix(plus[l], sizes[l], sizes[l - 1]));
                m.put(minusName(l), matrix(minus[l], sizes[l], sizes[l - 1]));
            }
        }
        return m;
    }

    /** W_1 .. W_{N+1} as [row][column] copies. */
    List<int[][]> matrices() {
        List<int[][]> list = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            list.add(matrix(matrix[l], sizes[l - 1], sizes[l]));
        }
        return list;
    }

    /**
     * Replaces every matrix from a map {@link #toMap()} made, of these sizes. W_1 .. W_{N+1} must be
     * present; transposed copies that are absent (weights saved by other code) are made from W_l as the
     * circuit starts; keys of other copies are ignored. Nothing changes unless every matrix is valid.
     */
    void restore(Map<String, int[][]> m) {
        int top = sizes.length - 1;
        for (int l = 1; l <= top; l++) {
            if (m.get(name(l)) == null) {
                throw new IllegalArgumentException("weights: matrix " + name(l) + " is missing; have " + m.keySet());
            }
        }
        if (m.get(name(top + 1)) != null) {
            throw new IllegalArgumentException("weights: matrix " + name(top + 1) + " is present, but these weights "
                    + "have " + depth() + " hidden layer(s): " + name(1) + " .. " + name(top) + " (sizes "
                    + java.util.Arrays.toString(sizes) + ")");
        }
        SbpWeights checked = new SbpWeights(sizes);
        for (int l = 1; l <= top; l++) {
            set(checked.matrix[l], name(l), m.get(name(l)), sizes[l - 1], sizes[l]);
            if (l >= 2) {
                checked.transposeFrom(l);
                int[][] p = m.get(plusName(l));
                int[][] n = m.get(minusName(l));
                if (p != null) {
                    set(checked.plus[l], plusName(l), p, sizes[l], sizes[l - 1]);
                }
                if (n != null) {
                    set(checked.minus[l], minusName(l), n, sizes[l], sizes[l - 1]);
                }
            }
        }
        for (int l = 1; l <= top; l++) {
            System.arraycopy(checked.matrix[l], 0, matrix[l], 0, matrix[l].length);
            if (l >= 2) {
                System.arraycopy(checked.plus[l], 0, plus[l], 0, plus[l].length);
                System.arraycopy(checked.minus[l], 0, minus[l], 0, minus[l].length);
            }
        }
    }

    /** W_lT+ = W_l^T and W_lT- = -W_l^T (saturated), as the circuit starts. */
    private void transposeFrom(int l) {
        int rows = sizes[l - 1];
        int columns = sizes[l];
        int[] w = matrix[l];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                plus[l][j * rows + i] = w[i * columns + j];
                minus[l][j * rows + i] = clamp(-w[i * columns + j]);
            }
        }
    }

    private static void set(int[] target, String name, int[][] value, int rows, int columns) {
        if (value.length != rows) {
            throw new IllegalArgumentException("weights: matrix " + name + " has " + value.length + " rows; expected "
                    + rows + " (" + name + " is " + rows + " x " + columns + ")");
        }
        for (int r = 0; r < rows; r++) {
            if (value[r].length != columns) {
                throw new IllegalArgumentException("weights: matrix " + name + " row " + r + " has " + value[r].length
                        + " columns; expected " + columns + " (" + name + " is " + rows + " x " + columns + ")");
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
