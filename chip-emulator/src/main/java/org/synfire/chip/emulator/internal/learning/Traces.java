package org.synfire.chip.emulator.internal.learning;

import java.util.Arrays;

/**
 * One kind of 7-bit trace (x1, x2, y1, y2, y3 or r1) for every axon, compartment or reward channel of
 * a group. Record spikes with {@link #spike} during a timestep; {@link #advance} then ends the timestep.
 *
 * <p>Exact arithmetic of {@link #advance}, for each trace {@code i} in index order, with time constant
 * {@code tau >= 1}: let {@code p = x * (tau - 1)}, {@code q = p / tau}, {@code r = p % tau} (so
 * {@code x * (1 - 1/tau) = q + r/tau}). If {@code r > 0}, draw {@code u = random.nextBelow(tau)} and
 * round up ({@code q + 1}) if {@code u < r}, i.e. with probability {@code r / tau}; no draw if {@code r = 0}.
 * Then each spike of the timestep adds {@code impulse}: {@code x = min(127, x + impulse * spikes)}. So
 * a spike's impulse is seen in full by the learning phase of its own timestep and decays from the next.
 *
 * <p>Time constant 0 [spec convention]: no decay; the trace holds its impulses until
 * {@link #endEpoch} clears it, i.e. for the epoch of the spike only.
 */
public final class Traces {

    /** Largest time constant. */
    public static final int MAX_TAU = 65_535;

    private final int[] values;
    private final int[] pending;
    private final int impulse;
    private final int tau;

    /**
     * Traces for {@code size} elements.
     *
     * @param impulse added per spike, 0 .. 127
     * @param tau     time constant in timesteps, 0 .. 65535 (0: hold for the epoch)
     */
    public Traces(int size, int impulse, int tau) {
        if (impulse < 0 || impulse > LearningConventions.TRACE_MAX) {
            throw new IllegalArgumentException("trace impulse " + impulse + " is outside 0 .. "
                    + LearningConventions.TRACE_MAX);
        }
        if (tau < 0 || tau > MAX_TAU) {
            throw new IllegalArgumentException("trace time constant " + tau + " is outside 0 .. " + MAX_TAU);
        }
        this.values = new int[size];
        this.pending = new int[size];
        this.impulse = impulse;
        this.tau = tau;
    }

    /** Records a spike of element {@code i} in the current timestep. */
    public void spike(int i) {
        pending[i]++;
    }

    /** Ends the timestep: decays every trace, then adds the timestep's impulses (see the class comment). */
    public void advance(LearningRandom random) {
        for (int i = 0; i < values.length; i++) {
            int x = values[i];
            if (tau > 0 && x > 0) {
                int p = x * (tau - 1);
                int q = p / tau;
                int r = p % tau;
                if (r > 0 && random.nextBelow(tau) < r) {
                    q++;
                }
                x = q;
            }
            if (pending[i] > 0) {
                x = (int) Math.min(LearningConventions.TRACE_MAX, x + (long) impulse * pending[i]);
                pending[i] = 0;
            }
            values[i] = x;
        }
    }

    /** Ends the epoch: a trace with time constant 0 forgets its impulses. */
    public void endEpoch() {
        if (tau == 0) {
            Arrays.fill(values, 0);
        }
    }

    /** The trace values, 0 .. 127, indexed by element (the array itself, for {@link EpochInputs}). */
    public int[] values() {
        return values;
    }
}
