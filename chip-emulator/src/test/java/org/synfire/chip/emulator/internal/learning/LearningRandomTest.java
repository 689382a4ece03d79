package org.synfire.chip.emulator.internal.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LearningRandomTest {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** SplitMix64's finaliser, via the JDK's own SplitMix64: new SplittableRandom(s).nextLong() = mix(s + GOLDEN). */
    private static long mix(long z) {
        return new SplittableRandom(z - GOLDEN).nextLong();
    }

    @Test
    void isSplitMix64SeededFromRunSeedAndCoreAsDocumented() {
        // documented: state0 = mix(seed ^ mix(GOLDEN * (core + 1))), then the SplitMix64 sequence from state0,
        // which is what the JDK's SplittableRandom(state0) produces
        long seed = 123_456_789L;
        int core = 17;
        SplittableRandom reference = new SplittableRandom(mix(seed ^ mix(GOLDEN * (core + 1L))));
        LearningRandom random = LearningRandom.forCore(seed, core);
        for (int i = 0; i < 100; i++) {
            assertEquals(reference.nextLong(), random.nextLong(), "draw " + i);
        }
    }

    @Test
    void coresHaveDifferentStreams() {
        assertNotEquals(LearningRandom.forCore(1, 0).nextLong(), LearningRandom.forCore(1, 1).nextLong());
        assertThrows(IllegalArgumentException.class, () -> LearningRandom.forCore(1, -1));
    }

    @Test
    void nextBelowTakesTheHigh32BitsScaledToTheBound() {
        LearningRandom a = LearningRandom.forCore(4, 2);
        LearningRandom b = LearningRandom.forCore(4, 2);
        for (int i = 0; i < 1000; i++) {
            int bound = 1 + i % 200;
            int u = a.nextBelow(bound);
            assertTrue(u >= 0 && u < bound);
            // (bits32 * bound) >>> 32, bits32 the high half of the draw
            assertEquals((int) (((b.nextLong() >>> 32) * bound) >>> 32), u);
        }
        assertThrows(IllegalArgumentException.class, () -> a.nextBelow(0));
    }
}
