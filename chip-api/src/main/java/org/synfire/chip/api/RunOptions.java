package org.synfire.chip.api;

/**
 * How a network is run.
 *
 * @param seed  the one seed of every random choice of the run (stochastic rounding in learning)
 * @param chips chips on the board, 1 or more
 */
public record RunOptions(long seed, int chips) {

    public RunOptions {
        if (chips < 1) {
            throw new IllegalArgumentException("run options: chips " + chips + " is out of range 1.."
                    + Integer.MAX_VALUE);
        }
    }

    /** One chip, the given seed. */
    public static RunOptions seed(long seed) {
        return new RunOptions(seed, 1);
    }
}
