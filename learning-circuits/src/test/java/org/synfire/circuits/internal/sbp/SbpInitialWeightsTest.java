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
        SbpWeights spec = SbpInitialWeights.draw("sbp", CircuitSettings.layers(400, java.util.List.of(400), 10, 1, 1));
        SbpWeights shifted = SbpInitialWeights.draw("sbp",
                CircuitSettings.layers(400, java.util.List.of(400), 10, 1, 1, Map.of("init", "shifted-w2")));
        assertArrayEquals(SbpInitialWeights.draw(400, 400, 10, 1).w1, spec.w1, "init=spec is the default");
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

    @Test
    void unknownOptionsAndValuesAreRefusedByName() {
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> SbpInitialWeights.draw(
                "sbp", CircuitSettings.layers(4, java.util.List.of(3), 2, 1, 1, Map.of("init", "glorot"))));
        assertEquals("circuit option init=glorot is not known; expected one of [spec, shifted-w2]", value.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> SbpInitialWeights.draw(
                "sbp-functional", CircuitSettings.layers(4, java.util.List.of(3), 2, 1, 1, Map.of("lr", "4"))));
        assertEquals("circuit sbp-functional has no option lr; its options are [init]", name.getMessage());
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
