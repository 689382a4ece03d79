package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

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

    private static void assertStatistics(int[] w, double std) {
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
        assertEquals(0, mean, std * 0.05, "mean");
        // truncation toward zero shrinks the spread by about one unit
        assertEquals(std, measured, std * 0.05, "standard deviation");
    }
}
