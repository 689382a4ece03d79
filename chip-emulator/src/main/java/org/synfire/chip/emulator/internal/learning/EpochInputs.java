package org.synfire.chip.emulator.internal.learning;

/**
 * What one plastic group's rule reads at the end of an epoch. The arrays are the emulator's own
 * (not copied, hot path): spike bits as bit sets ({@code bit i of word i >>> 6}), traces as values
 * 0 .. 127. A trace array may be {@code null} if the rule does not read it.
 *
 * @param epoch       the number of the epoch that ends, from 1 (decides u_k, see {@link EpochClock#u})
 * @param preSpikes   x0: bit per input axon, set if the axon received a spike in this epoch
 * @param postSpikes  y0: bit per compartment, set if the compartment spiked in this epoch
 * @param reward      r0: a spike reached the rule's reinforcement channel in this epoch
 * @param rewardTrace r1, 0 .. 127
 * @param x1          first presynaptic trace per input axon
 * @param x2          second presynaptic trace per input axon
 * @param y1          first postsynaptic trace per compartment
 * @param y2          second postsynaptic trace per compartment
 * @param y3          third postsynaptic trace per compartment
 */
public record EpochInputs(long epoch, long[] preSpikes, long[] postSpikes, boolean reward, int rewardTrace,
        int[] x1, int[] x2, int[] y1, int[] y2, int[] y3) {

    public EpochInputs {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch " + epoch + " must be >= 1");
        }
        if (preSpikes == null || postSpikes == null) {
            throw new IllegalArgumentException("epoch inputs: pre- and postsynaptic spike bits are required");
        }
        if (rewardTrace < 0 || rewardTrace > LearningConventions.TRACE_MAX) {
            throw new IllegalArgumentException("reward trace " + rewardTrace + " is outside 0 .. "
                    + LearningConventions.TRACE_MAX);
        }
    }

    /** Inputs with spikes and reward only (no traces), as rules such as the sBP rule need. */
    public static EpochInputs spikes(long epoch, long[] preSpikes, long[] postSpikes, boolean reward, int rewardTrace) {
        return new EpochInputs(epoch, preSpikes, postSpikes, reward, rewardTrace, null, null, null, null, null);
    }
}
