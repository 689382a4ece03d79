package org.synfire.chip.emulator.internal.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TracesTest {

    @Test
    void aSpikeAddsItsImpulseSaturatingAt127() {
        Traces t = new Traces(2, 100, 0);
        t.spike(0);
        t.advance(LearningRandom.forCore(1, 0));
        assertArrayEquals(new int[] {100, 0}, t.values());
        t.spike(0); // 100 + 100 -> 127
        t.spike(1);
        t.spike(1); // two spikes in one timestep: 0 + 2 * 100 -> 127
        t.advance(LearningRandom.forCore(1, 0));
        assertArrayEquals(new int[] {127, 127}, t.values());
    }

    @Test
    void timeConstantZeroHoldsTheImpulseForTheEpochOnly() {
        Traces t = new Traces(1, 1, 0);
        LearningRandom random = LearningRandom.forCore(1, 0);
        t.spike(0);
        t.advance(random);
        t.advance(random);
        t.advance(random);
        assertEquals(1, t.values()[0]); // no decay within the epoch
        t.endEpoch();
        assertEquals(0, t.values()[0]); // gone with the epoch
    }

    @Test
    void exactDecaysDrawNothing() {
        // tau = 2: 64 -> 32 -> 16 -> 8 (x * 1/2 with remainder 0); tau = 1: x * 0 = 0
        Traces half = new Traces(1, 64, 2);
        Traces gone = new Traces(1, 64, 1);
        LearningRandom random = LearningRandom.forCore(3, 0);
        half.spike(0);
        gone.spike(0);
        half.advance(random);
        gone.advance(random);
        int[] expected = {32, 16, 8};
        for (int e : expected) {
            half.advance(random);
            gone.advance(random);
            assertEquals(e, half.values()[0]);
            assertEquals(0, gone.values()[0]);
        }
        assertEquals(LearningRandom.forCore(3, 0).nextLong(), random.nextLong(), "no draw was made");
    }

    @Test
    void decayMatchesAnIndependentDitheredFloorModel() {
        // reference: x' = floor((x*(tau-1) + (tau-1-u)) / tau) with u uniform in 0..tau-1, drawn only when
        // x*(tau-1) is not a multiple of tau; this rounds up exactly when u < x*(tau-1) mod tau
        int[] taus = {3, 5, 7, 16};
        Traces[] traces = new Traces[taus.length];
        for (int k = 0; k < taus.length; k++) {
            traces[k] = new Traces(4, 20 + 10 * k, taus[k]);
        }
        int[][] model = new int[taus.length][4];
        LearningRandom random = LearningRandom.forCore(2024, 5);
        LearningRandom modelRandom = LearningRandom.forCore(2024, 5);
        SplittableRandom spikes = new SplittableRandom(11);
        for (int step = 0; step < 500; step++) {
            for (int k = 0; k < taus.length; k++) {
                boolean[] spiked = new boolean[4];
                for (int i = 0; i < 4; i++) {
                    if (spikes.nextInt(10) == 0) {
                        traces[k].spike(i);
                        spiked[i] = true;
                    }
                }
                traces[k].advance(random);
                int tau = taus[k];
                for (int i = 0; i < 4; i++) {
                    long p = (long) model[k][i] * (tau - 1);
                    int u = p % tau != 0 ? modelRandom.nextBelow(tau) : tau - 1;
                    int x = (int) ((p + (tau - 1 - u)) / tau);
                    if (spiked[i]) {
                        x = Math.min(127, x + 20 + 10 * k);
                    }
                    model[k][i] = x;
                }
                assertArrayEquals(model[k], traces[k].values(), "tau " + tau + ", step " + step);
            }
        }
    }

    @Test
    void decayIsUnbiased() {
        // 20000 traces at 100 decaying once with tau = 3: mean 100 * 2/3 = 66.67, each 66 or 67
        int n = 20_000;
        Traces t = new Traces(n, 100, 3);
        for (int i = 0; i < n; i++) {
            t.spike(i);
        }
        LearningRandom random = LearningRandom.forCore(8, 0);
        t.advance(random); // impulses: 100 each
        t.advance(random); // one decay
        for (int x : t.values()) {
            assertFalse(x != 66 && x != 67, "trace " + x);
        }
        assertEquals(200.0 / 3, Arrays.stream(t.values()).average().orElseThrow(), 0.02);
    }

    @Test
    void sameSeedSameTracesAndCoresHaveTheirOwnStreams() {
        assertArrayEquals(run(5, 0), run(5, 0));
        assertFalse(Arrays.equals(run(5, 0), run(6, 0)), "another seed");
        assertFalse(Arrays.equals(run(5, 0), run(5, 1)), "another core");
    }

    private static int[] run(long seed, int core) {
        Traces t = new Traces(64, 127, 7);
        LearningRandom random = LearningRandom.forCore(seed, core);
        for (int i = 0; i < 64; i++) {
            t.spike(i);
        }
        for (int step = 0; step < 5; step++) {
            t.advance(random);
        }
        return t.values().clone();
    }

    @Test
    void refusesOutOfRangeParameters() {
        assertThrows(IllegalArgumentException.class, () -> new Traces(1, 128, 1));
        assertThrows(IllegalArgumentException.class, () -> new Traces(1, 1, -1));
    }
}
