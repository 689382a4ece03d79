package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optimised model against {@link DeepReferenceModel}, the plain rule written from the math, after
 * every sample, at depths 1, 2 and 3; the data are chosen so that every W_l learns in many samples.
 */
class SbpFunctionalModelDepthTest {

    private static final int[][] SIZES = {{40, 16, 4}, {40, 16, 12, 4}, {30, 14, 12, 10, 4}};

    @ParameterizedTest(name = "sizes {0}")
    @ValueSource(ints = {0, 1, 2})
    void equalsThePlainRuleAfterEverySample(int which) {
        int[] sizes = SIZES[which];
        SplittableRandom random = new SplittableRandom(11 + which);
        SbpWeights weights = SbpWeights.of(randomMatrices(sizes, random, false));
        int[] learned = new int[sizes.length];
        trainAlongside(weights, random, 600, learned);
        for (int l = 1; l < sizes.length; l++) {
            assertTrue(learned[l] >= 50, "W" + l + " of " + Arrays.toString(sizes) + " changed in " + learned[l]
                    + " of 600 samples; the test needs learning in every layer");
        }
    }

    /**
     * Weights at and next to the saturation edges, -256 and 254, everywhere: steps clamp in every
     * layer, and W_lT- parts from -W_l^T (a weight at -256 that goes down stays, while its W_lT- at 254
     * stays too; the next step up then moves them to -254 and 252).
     */
    @ParameterizedTest(name = "sizes {0}")
    @ValueSource(ints = {0, 1, 2})
    void equalsThePlainRuleAtTheSaturationEdges(int which) {
        int[] sizes = SIZES[which];
        SplittableRandom random = new SplittableRandom(23 + which);
        SbpWeights weights = SbpWeights.of(randomMatrices(sizes, random, true));
        int[] learned = new int[sizes.length];
        DeepReferenceModel reference = trainAlongside(weights, random, 600, learned);
        int parted = 0;
        for (int l = 1; l < sizes.length; l++) {
            assertTrue(learned[l] >= 20, "W" + l + " of " + Arrays.toString(sizes) + " changed in " + learned[l]
                    + " of 600 samples; the test needs learning in every layer");
            if (l >= 2) {
                for (int i = 0; i < sizes[l - 1]; i++) {
                    for (int j = 0; j < sizes[l]; j++) {
                        int wij = weights.matrix[l][i * sizes[l] + j];
                        parted += weights.minus[l][j * sizes[l - 1] + i] == SbpWeights.clamp(-wij) ? 0 : 1;
                    }
                }
            }
        }
        assertTrue(reference.clamped > 1000, reference.clamped + " steps saturated; the test needs many");
        assertTrue(parted > 0, "no W_lT- parted from -W_l^T: the saturation edges were not exercised");
    }

    /**
     * Copies W_lT+ and W_lT- drawn independently of W_l (as after long saturated learning, and as a
     * restore may bring): a hidden unit then often gets both error signs, so that a weight at an edge
     * gets +2 and -2 in one sample, and only the order of the steps decides where it ends.
     */
    @ParameterizedTest(name = "sizes {0}")
    @ValueSource(ints = {0, 1, 2})
    void equalsThePlainRuleWithCopiesThatHavePartedFromW(int which) {
        int[] sizes = SIZES[which];
        SplittableRandom random = new SplittableRandom(37 + which);
        List<int[][]> forward = randomMatrices(sizes, random, true);
        Map<String, int[][]> m = new java.util.LinkedHashMap<>();
        for (int l = 1; l < sizes.length; l++) {
            m.put(SbpWeights.name(l), forward.get(l - 1));
            if (l >= 2) {
                int[] transposed = {sizes[l], sizes[l - 1]};
                m.put(SbpWeights.plusName(l), randomMatrices(transposed, random, true).get(0));
                m.put(SbpWeights.minusName(l), randomMatrices(transposed, random, true).get(0));
            }
        }
        SbpWeights weights = new SbpWeights(sizes);
        weights.restore(m);
        int[] learned = new int[sizes.length];
        DeepReferenceModel reference = trainAlongside(weights, random, 600, learned);
        for (int l = 1; l < sizes.length; l++) {
            assertTrue(learned[l] >= 20, "W" + l + " of " + Arrays.toString(sizes) + " changed in " + learned[l]
                    + " of 600 samples; the test needs learning in every layer");
        }
        assertTrue(reference.bothSigns > 200, reference.bothSigns + " hidden units got both error signs");
        assertTrue(reference.clamped > 1000, reference.clamped + " steps saturated; the test needs many");
    }

    /**
     * Hidden-to-hidden matrices at a lower weight exponent ({@code hidden-exponent}): -1 (the model halves the
     * plain sum) and -2 (the model shifts each mantissa, as the chip does, before it sums: w = 2 adds 0, w = -2
     * adds -1); the plain rule takes floor(w * 2^exponent) per synapse.
     */
    @ParameterizedTest(name = "exponent {0}")
    @ValueSource(ints = {-1, -2})
    void equalsThePlainRuleWithHiddenToHiddenExponents(int exponent) {
        int[] sizes = {30, 40, 40, 30, 4}; // wide enough that 20 or so units fire in each hidden layer
        int[] shift = new SbpOptions(true, exponent, false, 0).shifts(sizes.length);
        assertArrayEquals(new int[] {0, 0, -exponent, -exponent, 0}, shift);
        SplittableRandom random = new SplittableRandom(51 - exponent);
        List<int[][]> matrices = randomMatrices(sizes, random, false);
        for (int l = 2; l <= 3; l++) { // at exponent -2 the mantissas doubled (saturating), so that layers 2, 3 fire
            for (int[] row : matrices.get(l - 1)) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = SbpWeights.clamp(row[j] << (-exponent - 1));
                }
            }
        }
        SbpWeights weights = SbpWeights.of(matrices);
        int[] exponents = new int[sizes.length];
        for (int l = 0; l < sizes.length; l++) {
            exponents[l] = -shift[l];
        }
        int[] learned = new int[sizes.length];
        trainAlongside(weights, shift, new DeepReferenceModel(weights.toMap(), exponents), random, 600, learned);
        for (int l = 1; l < sizes.length; l++) {
            assertTrue(learned[l] >= 50, "W" + l + " at exponent " + exponent + " changed in " + learned[l]
                    + " of 600 samples; the test needs learning in every layer");
        }
    }

    /**
     * Hidden layers 2 and 3 with their derivative window widened ({@code hidden-window}): the plain rule takes
     * -window < a <= 1024 + window there, and (0, 1024] for layer 1.
     */
    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {256, 512})
    void equalsThePlainRuleWithWiderHiddenWindows(int widening) {
        int[] sizes = SIZES[2];
        int[] window = new SbpOptions(true, 0, false, widening).windows(sizes.length);
        assertArrayEquals(new int[] {0, 0, widening, widening, 0}, window);
        SplittableRandom random = new SplittableRandom(71 + widening);
        SbpWeights weights = SbpWeights.of(randomMatrices(sizes, random, false));
        int[] learned = new int[sizes.length];
        DeepReferenceModel reference = new DeepReferenceModel(weights.toMap(), new int[0], window);
        SbpFunctionalModel model = new SbpFunctionalModel(weights, new int[sizes.length], window);
        trainAlongside(weights, model, reference, random, 600, learned);
        for (int l = 1; l < sizes.length; l++) {
            assertTrue(learned[l] >= 50, "W" + l + " with window " + widening + " changed in " + learned[l]
                    + " of 600 samples; the test needs learning in every layer");
        }
    }

    /**
     * Trains the model and the plain rule on the same random samples (binary inputs, 30 % active, random
     * labels), comparing every matrix after every sample; counts in {@code learned[l]} the samples that changed
     * W_l, and returns the plain model.
     */
    private static DeepReferenceModel trainAlongside(SbpWeights weights, SplittableRandom random, int samples,
            int[] learned) {
        return trainAlongside(weights, new int[weights.sizes.length], new DeepReferenceModel(weights.toMap()), random,
                samples, learned);
    }

    private static DeepReferenceModel trainAlongside(SbpWeights weights, int[] shift, DeepReferenceModel reference,
            SplittableRandom random, int samples, int[] learned) {
        return trainAlongside(weights, new SbpFunctionalModel(weights, shift), reference, random, samples, learned);
    }

    private static DeepReferenceModel trainAlongside(SbpWeights weights, SbpFunctionalModel model,
            DeepReferenceModel reference, SplittableRandom random, int samples, int[] learned) {
        int[] sizes = weights.sizes;
        byte[] x = new byte[sizes[0]];
        boolean[] bits = new boolean[sizes[0]];
        for (int n = 0; n < samples; n++) {
            for (int i = 0; i < x.length; i++) {
                bits[i] = random.nextInt(10) < 3;
                x[i] = (byte) (bits[i] ? 1 : 0);
            }
            int label = random.nextInt(sizes[sizes.length - 1]);
            Map<String, int[][]> before = weights.toMap();

            model.train(x, 0, label);
            reference.train(bits, label);

            Map<String, int[][]> after = weights.toMap();
            Map<String, int[][]> expected = reference.toMap();
            assertEquals(expected.keySet(), after.keySet());
            for (String name : expected.keySet()) {
                assertArrayEquals(expected.get(name), after.get(name), name + " after sample " + n);
            }
            for (int l = 1; l < sizes.length; l++) {
                learned[l] += Arrays.deepEquals(before.get("w" + l), after.get("w" + l)) ? 0 : 1;
            }
        }
        return reference;
    }

    /**
     * Weights (every matrix and copy, by name) with which a small circuit learns in every layer when its
     * hidden-to-hidden matrices act at {@code exponent} (-1 or -2): {@link #randomMatrices} without edges, the
     * hidden-to-hidden ones doubled (saturating) at -2, so that layers 2 and deeper still fire. The default initial
     * weights are drawn for wide layers: in a network this small they barely reach layer 1 through the lowered layers.
     */
    static Map<String, int[][]> learnableWeights(int[] sizes, int exponent, long seed) {
        List<int[][]> matrices = randomMatrices(sizes, new SplittableRandom(seed), false);
        for (int l = 2; l < sizes.length - 1; l++) {
            for (int[] row : matrices.get(l - 1)) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = SbpWeights.clamp(row[j] << (-exponent - 1));
                }
            }
        }
        return SbpWeights.of(matrices).toMap();
    }

    /**
     * W_1 .. W_{N+1}, even: uniform in -120 .. 240 (about half of the units fire and many sit in the
     * window 0 .. 1024), or with {@code edges} half of them at -256, -254, 252 or 254.
     */
    static List<int[][]> randomMatrices(int[] sizes, SplittableRandom random, boolean edges) {
        int[] edge = {-256, -254, 252, 254};
        List<int[][]> matrices = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            int[][] m = new int[sizes[l - 1]][sizes[l]];
            for (int[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = edges && random.nextBoolean() ? edge[random.nextInt(4)] : 2 * random.nextInt(-60, 121);
                }
            }
            matrices.add(m);
        }
        return matrices;
    }
}
