package org.synfire.chip.emulator.internal.learning;

/**
 * How one kind of trace reacts to spikes: each spike adds {@code impulse}, and each timestep the trace
 * decays by {@code 1/tau} (see {@link Traces}).
 *
 * @param impulse added per spike, 0 .. 127
 * @param tau     time constant in timesteps, 0 .. {@link Traces#MAX_TAU}; 0 holds the impulse for the epoch
 */
public record TraceSpec(int impulse, int tau) {

    /** A trace that never moves from 0. */
    public static final TraceSpec NONE = new TraceSpec(0, 0);

    public TraceSpec {
        if (impulse < 0 || impulse > LearningConventions.TRACE_MAX) {
            throw new IllegalArgumentException("trace impulse " + impulse + " is outside 0 .. "
                    + LearningConventions.TRACE_MAX);
        }
        if (tau < 0 || tau > Traces.MAX_TAU) {
            throw new IllegalArgumentException("trace time constant " + tau + " is outside 0 .. " + Traces.MAX_TAU);
        }
    }
}
