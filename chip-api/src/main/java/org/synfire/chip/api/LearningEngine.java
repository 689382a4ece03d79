package org.synfire.chip.api;

/**
 * The learning engine of a core: after the spiking phase it updates the traces, and at the end of
 * each learning epoch ({@code tEpoch} timesteps) it evaluates the learning rules of the synapses
 * whose dependency holds and writes the new weights, delays and tags.
 */
public interface LearningEngine {

    /** The learning phase of timestep {@code timestep}: applies the rules if an epoch ends with it. */
    void learn(int timestep);
}
