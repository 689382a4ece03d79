package org.synfire.circuits.internal.sbp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.synfire.chip.api.circuit.CircuitSettings;

/**
 * The initial weights. The default ({@code init=positive-output}; {@code init=shifted-w2} is an alias, its former
 * name) departs from the circuit specification in the last matrix only: every other matrix as the specification
 * says (below), the last one (last hidden layer to outputs; W2 with one hidden layer) normal with mean 10.24 and
 * standard deviation 20.48 ({@code (N(0, 1) + 0.5) / 50 * 1024}, the published research code's {@code rand} mode
 * for W2), clipped and truncated alike. With the specification's last matrix about one seed in three ends with a
 * dead output unit (its potential never exceeds 0, so it never gets an error signal and never learns); with this
 * one none of 60 seeds did (one hidden layer).
 *
 * <p>{@code init=spec} is the paper's, the circuit specification's initialisation: normal with standard deviation
 * {@code sqrt(2 / (fan_in + fan_out))}, times 1024, clipped to [-240, 240] and truncated toward zero to an even
 * integer, for every matrix. Normal values come from the Box-Muller transform over
 * {@link SplittableRandom#nextDouble()} (SplitMix64, specified by the JDK) and {@link StrictMath}, so a seed gives
 * the same weights on every JDK and machine.
 */
final class SbpInitialWeights {

    static final int LIMIT = 240;
    /** The option that chooses the initial weights, and its values. */
    static final String OPTION = "init";
    static final String SPEC = "spec";
    static final String POSITIVE_OUTPUT = "positive-output";
    /** The former name of {@link #POSITIVE_OUTPUT}, still accepted. */
    static final String SHIFTED_W2 = "shifted-w2";
    static final String DEFAULT = POSITIVE_OUTPUT;
    static final List<String> CHOICES = List.of(POSITIVE_OUTPUT, SPEC, SHIFTED_W2);

    private SbpInitialWeights() {
    }

    /** The initial weights the settings ask for (option {@code init}; the circuit's other options are checked too). */
    static SbpWeights draw(String circuit, CircuitSettings settings) {
        SbpOptions options = SbpOptions.of(circuit, settings);
        return draw(settings.layerSizes(), settings.seed(), options.positiveOutput(), options.hiddenInitScale());
    }

    /**
     * W1 and W2 of a circuit of these sizes, from one seed (W1's stream and W2's split from it), as the spec says
     * ({@code init=spec}).
     */
    static SbpWeights draw(int inputs, int hidden, int outputs, long seed) {
        return draw(new int[] {inputs, hidden, outputs}, seed, false);
    }

    /**
     * W_1 .. W_{N+1} of a circuit of these sizes ({@code [inputs, hidden_1, ..., hidden_N, outputs]}) from
     * one seed: matrix l is drawn from the l-th stream split from {@code new SplittableRandom(seed)}, in
     * order, so one hidden layer gives the W1 and W2 of {@link #draw(int, int, int, long)}. Every matrix
     * as the spec says; with {@code shiftedOutput} the last one (last hidden layer to outputs) as
     * {@code init=positive-output} draws W2.
     */
    static SbpWeights draw(int[] sizes, long seed, boolean shiftedOutput) {
        return draw(sizes, seed, shiftedOutput, 1);
    }

    /**
     * As {@link #draw(int[], long, boolean)}, with the standard deviation of the hidden-to-hidden matrices
     * (W_2 .. W_N) multiplied by {@code hiddenScale} (then clipped and truncated alike).
     */
    static SbpWeights draw(int[] sizes, long seed, boolean shiftedOutput, int hiddenScale) {
        if (sizes.length < 3) {
            throw new IllegalArgumentException("initial weights: sizes " + java.util.Arrays.toString(sizes)
                    + " name no hidden layer; expected [inputs, hidden_1, ..., hidden_N, outputs] with N >= 1");
        }
        SplittableRandom root = new SplittableRandom(seed);
        int top = sizes.length - 1;
        List<int[][]> matrices = new ArrayList<>();
        for (int l = 1; l <= top; l++) {
            SplittableRandom stream = root.split();
            int rows = sizes[l - 1];
            int columns = sizes[l];
            matrices.add(shiftedOutput && l == top ? matrix(stream, rows, columns, 0.5 * 1024 / 50, 1024.0 / 50)
                    : matrix(stream, rows, columns, 0, spread(rows, columns) * (l >= 2 && l < top ? hiddenScale : 1)));
        }
        return SbpWeights.of(matrices);
    }

    /** The specification's standard deviation, in weight units. */
    private static double spread(int rows, int columns) {
        return Math.sqrt(2.0 / (rows + columns)) * 1024;
    }

    private static int[][] matrix(SplittableRandom random, int rows, int columns, double mean, double std) {
        int[][] w = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                w[r][c] = toWeight(gaussian(random) * std + mean);
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
