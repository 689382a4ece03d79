package org.synfire.chip.emulator.internal.learning;

/**
 * The seeded generator of one core's learning engine (trace decay and stochastic rounding of
 * changes). One stream per core, derived from the run seed and the core index only, so results do
 * not depend on how cores are spread over threads.
 *
 * <p>Exact algorithm (fixed here so that results are reproducible across JDKs): SplitMix64. The state
 * starts at {@code mix(runSeed ^ mix(GOLDEN * (coreIndex + 1)))}; each draw adds {@code GOLDEN} to the
 * state and returns {@code mix(state)}, with {@code mix} the SplitMix64 finaliser
 * ({@code z ^= z >>> 30; z *= 0xBF58476D1CE4E5B9; z ^= z >>> 27; z *= 0x94D049BB133111EB; z ^= z >>> 31}).
 * Not thread safe: a core's learning runs on one thread at a time.
 */
public final class LearningRandom {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    private LearningRandom(long state) {
        this.state = state;
    }

    /** The stream of core {@code coreIndex} in a run seeded with {@code runSeed}. */
    public static LearningRandom forCore(long runSeed, int coreIndex) {
        if (coreIndex < 0) {
            throw new IllegalArgumentException("core index " + coreIndex + " must be >= 0");
        }
        return new LearningRandom(mix(runSeed ^ mix(GOLDEN * (coreIndex + 1L))));
    }

    /** The next 64 random bits. */
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** A value in {@code 0 .. bound - 1} from the high 32 bits of one draw: {@code (bits32 * bound) >>> 32}. */
    public int nextBelow(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound " + bound + " must be positive");
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
