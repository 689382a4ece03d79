package org.synfire.chip.api;

/**
 * How a network is run.
 *
 * @param seed    the one seed of every random choice of the run (stochastic rounding in learning)
 * @param chips   chips on the board, 1 or more
 * @param threads worker threads the backend may use, 1 or more; results do not depend on it
 */
public record RunOptions(long seed, int chips, int threads) {

    public RunOptions {
        if (chips < 1) {
            throw new IllegalArgumentException("run options: chips " + chips + " is out of range 1.."
                    + Integer.MAX_VALUE);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("run options: threads " + threads + " is out of range 1.."
                    + Integer.MAX_VALUE);
        }
    }

    /** {@code chips} chips, one thread. */
    public RunOptions(long seed, int chips) {
        this(seed, chips, 1);
    }

    /** One chip, the given seed, one thread. */
    public static RunOptions seed(long seed) {
        return new RunOptions(seed, 1);
    }
}
