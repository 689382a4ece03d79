package org.synfire.cli.internal.run;

import java.util.SplittableRandom;

/**
 * The seeds of a run's uses of randomness, all split from the experiment's one seed (SplitMix64), so
 * that the seed alone repeats the run and no use shares a stream with another.
 *
 * @param circuit initial weights and the backend's own generators
 * @param order   the order of the training samples in each epoch
 */
public record RunSeeds(long circuit, long order) {

    public static RunSeeds of(long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        return new RunSeeds(root.nextLong(), root.nextLong());
    }
}
