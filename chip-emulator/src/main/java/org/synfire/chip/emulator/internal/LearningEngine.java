package org.synfire.chip.emulator.internal;

/**
 * A learning engine (on the chip, one per core; a backend may make one per plastic connection and run its
 * part on each core as the core's engine would): in the
 * learning phase of each timestep, after all compartments have spiked, it updates the traces, and at the
 * end of each learning epoch ({@code tEpoch} timesteps) it evaluates the learning rules of the synapses
 * whose dependency holds and writes the new weights, delays and tags, which act from the next timestep on.
 */
public interface LearningEngine {

    /** The learning phase of timestep {@code timestep}: applies the rules if an epoch ends with it. */
    void learn(int timestep);
}
