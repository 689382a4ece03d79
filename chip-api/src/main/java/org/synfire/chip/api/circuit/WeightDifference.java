package org.synfire.chip.api.circuit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a circuit on the chip and its functional model part: the first entry of a matrix whose values differ.
 * A chip circuit must train to its functional model's weights bit for bit, sample after sample; this is what
 * {@code synfire train --check-model} and the circuit test kit report when it does not.
 *
 * @param matrix  the matrix's name
 * @param row     the row of the first entry that differs (entries in row-major order)
 * @param column  its column
 * @param chip    the chip circuit's value there
 * @param model   the functional model's value there
 * @param entries how many entries of the matrix differ (at least 1)
 */
public record WeightDifference(String matrix, int row, int column, int chip, int model, long entries) {

    public WeightDifference {
        if (entries < 1) {
            throw new IllegalArgumentException("weight difference: entries " + entries + " must be at least 1");
        }
    }

    /**
     * The first difference between two sets of weights, over {@code matrices} in their order.
     *
     * @param matrices the names to compare (the functional model's {@link TrainingSession#matrices()})
     * @param chip     the chip circuit's weights by name (it may hold more: views and copies)
     * @param model    the functional model's weights by name
     * @return empty if every named matrix is equal
     * @throws IllegalArgumentException if a named matrix is missing from either, or its shapes differ
     */
    public static Optional<WeightDifference> first(List<String> matrices, Map<String, int[][]> chip,
            Map<String, int[][]> model) {
        for (String name : matrices) {
            int[][] c = chip.get(name);
            int[][] m = model.get(name);
            if (c == null || m == null) {
                throw new IllegalArgumentException("matrix " + name + " is missing from the "
                        + (c == null ? "chip circuit's weights " + chip.keySet() : "functional model's weights "
                                + model.keySet()) + "; both must hold every matrix of the functional model");
            }
            if (c.length != m.length || (c.length > 0 && c[0].length != m[0].length)) {
                throw new IllegalArgumentException("matrix " + name + " is " + shape(c) + " on the chip but "
                        + shape(m) + " in the functional model");
            }
            long entries = 0;
            int row = -1;
            int column = -1;
            for (int i = 0; i < c.length; i++) {
                if (c[i].length != m[i].length) { // a ragged matrix of a plugin's
                    throw new IllegalArgumentException("matrix " + name + " row " + i + " has " + c[i].length
                            + " entries on the chip but " + m[i].length + " in the functional model");
                }
                for (int j = 0; j < c[i].length; j++) {
                    if (c[i][j] != m[i][j]) {
                        if (entries++ == 0) {
                            row = i;
                            column = j;
                        }
                    }
                }
            }
            if (entries > 0) {
                return Optional.of(new WeightDifference(name, row, column, c[row][column], m[row][column], entries));
            }
        }
        return Optional.empty();
    }

    /** In words, e.g. {@code matrix w2 differs in 3 entries, first at row 4, column 7: chip 24, functional model 22}. */
    public String describe() {
        return "matrix " + matrix + " differs in " + entries + (entries == 1 ? " entry" : " entries") + ", first at row "
                + row + ", column " + column + ": chip " + chip + ", functional model " + model;
    }

    private static String shape(int[][] m) {
        return m.length + " x " + (m.length == 0 ? 0 : m[0].length);
    }
}
