package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.circuit.CircuitSettings;

class SbpInitialWeightsTest {

    @Test
    void clipsAndTruncatesTowardZeroToEven() {
        assertEquals(240, SbpInitialWeights.toWeight(1e9));
        assertEquals(-240, SbpInitialWeights.toWeight(-300.5));
        assertEquals(6, SbpInitialWeights.toWeight(7.9));   // 7.9 -> 7 -> 6
        assertEquals(-6, SbpInitialWeights.toWeight(-7.9)); // toward zero, not down
        assertEquals(0, SbpInitialWeights.toWeight(1.99));
        assertEquals(238, SbpInitialWeights.toWeight(239.99));
    }

    @Test
    void drawsEvenWeightsWithTheSpecifiedSpread() {
        SbpWeights w = SbpInitialWeights.draw(400, 400, 10, 1);
        // std sqrt(2 / 800) * 1024 = 51.2 for W1; sqrt(2 / 410) * 1024 = 71.5 for W2
        assertStatistics(w.w1, 51.2);
        assertStatistics(w.w2, 71.5);
        for (int j = 0; j < 400; j++) {
            for (int k = 0; k < 10; k++) {
                assertEquals(w.w2[j * 10 + k], w.w2tPlus[k * 400 + j]);
                assertEquals(-w.w2[j * 10 + k], w.w2tMinus[k * 400 + j]);
            }
        }
    }

    @Test
    void theSeedDecidesTheWeights() {
        assertArrayEquals(SbpInitialWeights.draw(20, 10, 4, 3).w1, SbpInitialWeights.draw(20, 10, 4, 3).w1);
        assertFalse(Arrays.equals(SbpInitialWeights.draw(20, 10, 4, 3).w1, SbpInitialWeights.draw(20, 10, 4, 4).w1));
    }

    @Test
    void shiftedW2KeepsW1AndDrawsW2WithAPositiveMean() {
        SbpWeights spec = SbpInitialWeights.draw("sbp",
                CircuitSettings.layers(400, java.util.List.of(400), 10, 1, 1, Map.of("init", "spec")));
        SbpWeights shifted = SbpInitialWeights.draw("sbp",
                CircuitSettings.layers(400, java.util.List.of(400), 10, 1, 1, Map.of("init", "positive-output")));
        SbpWeights byDefault = SbpInitialWeights.draw("sbp", CircuitSettings.layers(400, java.util.List.of(400), 10, 1, 1));
        SbpWeights alias = SbpInitialWeights.draw("sbp",
                CircuitSettings.layers(400, java.util.List.of(400), 10, 1, 1, Map.of("init", "shifted-w2")));
        assertArrayEquals(shifted.w2, byDefault.w2, "init=positive-output is the default");
        assertArrayEquals(shifted.w2, alias.w2, "init=shifted-w2 is its alias");
        assertArrayEquals(SbpInitialWeights.draw(400, 400, 10, 1).w1, spec.w1);
        assertArrayEquals(spec.w2, SbpInitialWeights.draw(400, 400, 10, 1).w2);
        assertArrayEquals(spec.w1, shifted.w1, "W1 as the spec");
        // (N(0, 1) + 0.5) / 50 * 1024: mean 10.24, standard deviation 20.48 (truncation toward zero moves both
        // by about a unit)
        assertStatistics(shifted.w2, 10.24, 20.48, 1.5);
        for (int j = 0; j < 400; j++) {
            for (int k = 0; k < 10; k++) {
                assertEquals(shifted.w2[j * 10 + k], shifted.w2tPlus[k * 400 + j]);
                assertEquals(-shifted.w2[j * 10 + k], shifted.w2tMinus[k * 400 + j]);
            }
        }
    }

    /**
     * One hidden layer draws what it drew before N layers existed: hashes of the arrays the previous code
     * (commit 366a9d1) drew for these seeds, W1, W2 with init=spec and W2, W2T- with init=shifted-w2.
     */
    @Test
    void oneHiddenLayerDrawsWhatItDrewBefore() {
        long[] seeds = {1, 7, -3};
        int[][] hashes = {{-1803205439, 1226030229, 331722127, -579697389}, {607245929, -1991863161, -666862091,
            2036512417}, {-3968645, 1839745375, 122944957, -265406083}};
        for (int s = 0; s < seeds.length; s++) {
            SbpWeights spec = SbpInitialWeights.draw(400, 400, 10, seeds[s]);
            SbpWeights shifted = SbpInitialWeights.draw("sbp",
                    CircuitSettings.layers(400, java.util.List.of(400), 10, seeds[s], 1, Map.of("init", "shifted-w2")));
            assertEquals(hashes[s][0], Arrays.hashCode(spec.w1), "W1, seed " + seeds[s]);
            assertEquals(hashes[s][1], Arrays.hashCode(spec.w2), "W2, seed " + seeds[s]);
            assertEquals(hashes[s][0], Arrays.hashCode(shifted.w1), "shifted W1, seed " + seeds[s]);
            assertEquals(hashes[s][2], Arrays.hashCode(shifted.w2), "shifted W2, seed " + seeds[s]);
            assertEquals(hashes[s][3], Arrays.hashCode(shifted.w2tMinus), "shifted W2T-, seed " + seeds[s]);
            SbpWeights sized = SbpInitialWeights.draw(new int[] {400, 400, 10}, seeds[s], false);
            SbpWeights sizedShifted = SbpInitialWeights.draw(new int[] {400, 400, 10}, seeds[s], true);
            assertEquals(spec.toMap().keySet(), sized.toMap().keySet());
            for (String name : spec.toMap().keySet()) {
                assertArrayEquals(spec.toMap().get(name), sized.toMap().get(name), name);
                assertArrayEquals(shifted.toMap().get(name), sizedShifted.toMap().get(name), name);
            }
        }
    }

    @Test
    void drawsEveryLayerOfADeepCircuit() {
        int[] sizes = {400, 300, 300, 10};
        SbpWeights w = SbpInitialWeights.draw(sizes, 5, false);
        assertArrayEquals(sizes, w.sizes);
        assertEquals(2, w.depth());
        assertEquals(java.util.List.of("w1", "w2", "w2Tp", "w2Tm", "w3", "w3Tp", "w3Tm"),
                java.util.List.copyOf(w.toMap().keySet()));
        for (int l = 1; l < sizes.length; l++) {
            assertEquals(sizes[l - 1] * sizes[l], w.matrix[l].length, "W" + l);
            // the spec's spread sqrt(2 / (fan_in + fan_out)) * 1024: 54.7, 59.1 and 82.2
            assertStatistics(w.matrix[l], Math.sqrt(2.0 / (sizes[l - 1] + sizes[l])) * 1024);
            if (l >= 2) {
                assertTransposed(w, l);
            }
        }
        SbpWeights shifted = SbpInitialWeights.draw(sizes, 5, true);
        assertArrayEquals(w.matrix[1], shifted.matrix[1], "only the last matrix is shifted");
        assertArrayEquals(w.matrix[2], shifted.matrix[2], "only the last matrix is shifted");
        assertStatistics(shifted.matrix[3], 10.24, 20.48, 1.5);
        assertTransposed(shifted, 3);
        // matrix l comes from the l-th split, whatever follows: W1 is depth 1's for the same seed and sizes
        assertArrayEquals(SbpInitialWeights.draw(400, 300, 10, 5).w1, w.w1);
    }

    @Test
    void theSeedDecidesEveryLayer() {
        int[] sizes = {30, 14, 12, 10, 4};
        SbpWeights a = SbpInitialWeights.draw(sizes, 3, false);
        SbpWeights b = SbpInitialWeights.draw(sizes.clone(), 3, false);
        SbpWeights other = SbpInitialWeights.draw(sizes, 4, false);
        assertEquals(3, a.depth());
        for (int l = 1; l < sizes.length; l++) {
            assertArrayEquals(a.matrix[l], b.matrix[l], "W" + l);
            assertFalse(Arrays.equals(a.matrix[l], other.matrix[l]), "W" + l + " of another seed");
        }
    }

    @Test
    void aCircuitWithoutHiddenLayerIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SbpInitialWeights.draw(new int[] {4, 2}, 1, false));
        assertEquals("initial weights: sizes [4, 2] name no hidden layer; expected [inputs, hidden_1, ..., hidden_N,"
                + " outputs] with N >= 1", e.getMessage());
    }

    private static void assertTransposed(SbpWeights w, int l) {
        int rows = w.sizes[l - 1];
        int columns = w.sizes[l];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                assertEquals(w.matrix[l][i * columns + j], w.plus[l][j * rows + i]);
                assertEquals(-w.matrix[l][i * columns + j], w.minus[l][j * rows + i]);
            }
        }
    }

    /**
     * {@code hidden-init=exponent-scaled} (the default) draws the hidden-to-hidden matrix of a 400-400-400-10 circuit
     * with four times the specification's standard deviation at the default {@code hidden-exponent=-2}: 204.8, so
     * that a share of 2 (1 - Phi(238 / 204.8)) = 0.2452 of the weights reach the clip (|w| >= 238 after truncation
     * to even; Phi from the error function); W1 and the output matrix are drawn as with {@code hidden-init=spec}.
     */
    @Test
    void theHiddenToHiddenMatrixIsDrawnWiderForItsLowerExponent() {
        SbpWeights scaled = SbpInitialWeights.draw("sbp", CircuitSettings.layers(400, java.util.List.of(400, 400), 10,
                7, 1, Map.of()));
        SbpWeights spec = SbpInitialWeights.draw("sbp", CircuitSettings.layers(400, java.util.List.of(400, 400), 10,
                7, 1, Map.of("hidden-init", "spec")));
        assertArrayEquals(spec.matrix[1], scaled.matrix[1]);
        assertArrayEquals(spec.matrix[3], scaled.matrix[3]);
        int clipped = 0;
        for (int v : scaled.matrix[2]) {
            assertEquals(0, v % 2, "odd weight " + v);
            assertTrue(v >= -240 && v <= 240, "weight " + v + " outside the clip range");
            clipped += Math.abs(v) >= 238 ? 1 : 0;
        }
        assertEquals(0.2452, clipped / (double) scaled.matrix[2].length, 0.005);
        assertStatistics(spec.matrix[2], Math.sqrt(2.0 / 800) * 1024);
    }

    @Test
    void unknownOptionsAndValuesAreRefusedByName() {
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> SbpInitialWeights.draw(
                "sbp", CircuitSettings.layers(4, java.util.List.of(3), 2, 1, 1, Map.of("init", "glorot"))));
        assertEquals("circuit option init=glorot is not known; expected one of [positive-output, spec, shifted-w2]", value.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> SbpInitialWeights.draw(
                "sbp-functional", CircuitSettings.layers(4, java.util.List.of(3), 2, 1, 1, Map.of("lr", "4"))));
        assertEquals("circuit sbp-functional has no option lr; its options are [hidden-exponent, hidden-init, hidden-window, init, lr-schedule, lr-stage]", name.getMessage());
    }

    private static void assertStatistics(int[] w, double std) {
        assertStatistics(w, 0, std, std * 0.05);
    }

    private static void assertStatistics(int[] w, double expectedMean, double std, double tolerance) {
        double sum = 0;
        double squares = 0;
        for (int v : w) {
            assertEquals(0, v % 2, "odd weight " + v);
            assertTrue(v >= -240 && v <= 240, "weight " + v + " outside the clip range");
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / w.length;
        double measured = Math.sqrt(squares / w.length - mean * mean);
        assertEquals(expectedMean, mean, tolerance, "mean");
        // truncation toward zero shrinks the spread by about one unit
        assertEquals(std, measured, tolerance, "standard deviation");
    }
}
