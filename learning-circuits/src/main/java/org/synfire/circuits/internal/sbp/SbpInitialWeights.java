package org.synfire.circuits.internal.sbp;

import java.util.SplittableRandom;

/**
 * The initial weights of the circuit specification: normal with standard deviation
 * {@code sqrt(2 / (fan_in + fan_out))}, times 1024, clipped to [-240, 240] and truncated toward zero
 * to an even integer. Normal values come from the Box-Muller transform over
 * {@link SplittableRandom#nextDouble()} (SplitMix64, specified by the JDK) and {@link StrictMath}, so a
 * seed gives the same weights on every JDK and machine.
 */
final class SbpInitialWeights {

    static final int LIMIT = 240;

    private SbpInitialWeights() {
    }

    /** W1 and W2 of a circuit of these sizes, from one seed (W1's stream and W2's split from it). */
    static SbpWeights draw(int inputs, int hidden, int outputs, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        int[][] w1 = matrix(root.split(), inputs, hidden);
        int[][] w2 = matrix(root.split(), hidden, outputs);
        return SbpWeights.of(w1, w2);
    }

    static int[][] matrix(SplittableRandom random, int rows, int columns) {
        double std = Math.sqrt(2.0 / (rows + columns)) * 1024;
        int[][] w = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                w[r][c] = toWeight(gaussian(random) * std);
            }
        }
        return w;
    }

    /** Clips to [-240, 240], then truncates toward zero to an even integer. */
    static int toWeight(double value) {
        double clipped = Math.max(-LIMIT, Math.min(LIMIT, value));
        return 2 * (int) (clipped / 2);
    }

    /** One standard normal value (Box-Muller, the cosine branch only, so each value takes two draws). */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }
}
