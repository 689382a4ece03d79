package org.synfire.chip.emulator.internal.learning;

/**
 * What one plastic group's rule reads at the end of an epoch. The arrays are the emulator's own
 * (not copied, hot path): spike bits as bit sets ({@code bit i of word i >>> 6}), traces as values
 * 0 .. 127. A trace array may be {@code null} if the rule does not read it.
 * <p>
 * A group keeps one instance for all its epochs (its arrays never change; {@link #forEpoch} sets the epoch's
 * scalars), so that learning allocates nothing per epoch; a rule must not keep it beyond the call it is given to.
 */
public final class EpochInputs {

    private long epoch;
    private final long[] preSpikes;
    private final long[] postSpikes;
    private boolean reward;
    private int rewardTrace;
    private final int[] x1;
    private final int[] x2;
    private final int[] y1;
    private final int[] y2;
    private final int[] y3;

    /**
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
    public EpochInputs(long epoch, long[] preSpikes, long[] postSpikes, boolean reward, int rewardTrace,
            int[] x1, int[] x2, int[] y1, int[] y2, int[] y3) {
        if (preSpikes == null || postSpikes == null) {
            throw new IllegalArgumentException("epoch inputs: pre- and postsynaptic spike bits are required");
        }
        this.preSpikes = preSpikes;
        this.postSpikes = postSpikes;
        this.x1 = x1;
        this.x2 = x2;
        this.y1 = y1;
        this.y2 = y2;
        this.y3 = y3;
        forEpoch(epoch, reward, rewardTrace);
    }

    /** Inputs with spikes and reward only (no traces), as rules such as the sBP rule need. */
    public static EpochInputs spikes(long epoch, long[] preSpikes, long[] postSpikes, boolean reward, int rewardTrace) {
        return new EpochInputs(epoch, preSpikes, postSpikes, reward, rewardTrace, null, null, null, null, null);
    }

    /** Sets what changes from epoch to epoch (the arrays keep their contents' changes themselves); returns this. */
    public EpochInputs forEpoch(long epoch, boolean reward, int rewardTrace) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch " + epoch + " must be >= 1");
        }
        if (rewardTrace < 0 || rewardTrace > LearningConventions.TRACE_MAX) {
            throw new IllegalArgumentException("reward trace " + rewardTrace + " is outside 0 .. "
                    + LearningConventions.TRACE_MAX);
        }
        this.epoch = epoch;
        this.reward = reward;
        this.rewardTrace = rewardTrace;
        return this;
    }

    public long epoch() {
        return epoch;
    }

    public long[] preSpikes() {
        return preSpikes;
    }

    public long[] postSpikes() {
        return postSpikes;
    }

    public boolean reward() {
        return reward;
    }

    public int rewardTrace() {
        return rewardTrace;
    }

    public int[] x1() {
        return x1;
    }

    public int[] x2() {
        return x2;
    }

    public int[] y1() {
        return y1;
    }

    public int[] y2() {
        return y2;
    }

    public int[] y3() {
        return y3;
    }
}
