package org.synfire.chip.api.data;

import java.util.Arrays;

/**
 * Labelled samples as circuits consume them: {@code count} input vectors of {@code dimension}
 * unsigned 8-bit values (0 or 1 for binary inputs), stored row by row in one array.
 *
 * @param count     number of samples
 * @param dimension values per sample
 * @param inputs    {@code count * dimension} values, sample after sample; read with {@code & 0xFF}
 * @param labels    the class of each sample, 0 .. classes - 1
 * @param classes   number of classes
 */
public record Samples(int count, int dimension, byte[] inputs, int[] labels, int classes) {

    public Samples {
        if (count < 0 || dimension <= 0 || classes <= 0) {
            throw new IllegalArgumentException("samples: count " + count + ", dimension " + dimension
                    + " and classes " + classes + " must be positive (count may be 0)");
        }
        if (inputs.length != (long) count * dimension) {
            throw new IllegalArgumentException("samples: " + inputs.length + " input values, expected count "
                    + count + " x dimension " + dimension);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException("samples: " + labels.length + " labels for " + count + " samples");
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("samples: label " + labels[i] + " of sample " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
    }

    /** The input value {@code j} of sample {@code i}, 0 .. 255. */
    public int input(int i, int j) {
        return inputs[i * dimension + j] & 0xFF;
    }

    /** The first {@code n} samples (all of them if there are fewer). */
    public Samples head(int n) {
        int m = Math.min(n, count);
        return new Samples(m, dimension, Arrays.copyOf(inputs, m * dimension), Arrays.copyOf(labels, m), classes);
    }
}
