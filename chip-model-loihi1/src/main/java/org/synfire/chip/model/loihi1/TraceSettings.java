package org.synfire.chip.model.loihi1;

import org.synfire.chip.api.network.Check;

/**
 * One learning trace: what a spike adds and how fast it decays.
 *
 * @param impulse      added to the 7-bit trace by each spike, 0 .. 127
 * @param timeConstant decay time constant in timesteps, 0 or more (0: the trace holds its impulse for the
 *                     epoch of the spike only)
 */
public record TraceSettings(int impulse, int timeConstant) {

    public static final int MAX_IMPULSE = 127;

    /** No trace. */
    public static final TraceSettings NONE = new TraceSettings(0, 0);

    public TraceSettings {
        Check.range("trace", "impulse", impulse, 0, MAX_IMPULSE);
        Check.range("trace", "time constant", timeConstant, 0, Integer.MAX_VALUE);
    }
}
