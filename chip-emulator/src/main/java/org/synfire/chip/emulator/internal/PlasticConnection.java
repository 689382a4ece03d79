package org.synfire.chip.emulator.internal;

import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.model.loihi1.LearningSettings;

/**
 * What a learning engine sees of one plastic connection, and may change: the synapse arrays (rows by
 * presynaptic index) and the spikes of both sides and of the reward channel. Spike queries refer to
 * spikes <em>emitted</em> in a timestep (a pre, a post and a reward spike emitted at {@code t} pair with each
 * other at {@code tEpoch = 1}). Sources whose group has {@code learningSeesSpikes = false} never appear to spike.
 *
 * <p>Synapse {@code k} of row {@code i} ({@code rowStart()[i] <= k < rowStart()[i + 1]}) connects
 * presynaptic {@code i} to postsynaptic {@code post()[k]}. The engine may write {@code weights()},
 * {@code delays()} and {@code tags()} in its learning phase; it must keep weights truncated to
 * {@link #signModeShift()} and within the sign mode's range. A changed weight acts from the next timestep on.
 */
public final class PlasticConnection {

    private final Synapses synapses;
    private final CompartmentState state;
    private final SpikeBuckets spikes;
    private final int[] coreOf;
    private final int rewardFirst;
    private final int rewardEnd;
    private final int tEpoch;
    private int timestep;
    private int rewardSpikes;

    PlasticConnection(Synapses synapses, CompartmentState state, SpikeBuckets spikes, int[] coreOf, int rewardFirst,
            int rewardEnd) {
        this.synapses = synapses;
        this.state = state;
        this.spikes = spikes;
        this.coreOf = coreOf;
        this.rewardFirst = rewardFirst;
        this.rewardEnd = rewardEnd;
        this.tEpoch = LearningSettings.of(synapses.description, "backend loihi1").tEpoch();
    }

    /** The connection as described. */
    public ConnectionGroup description() {
        return synapses.description;
    }

    /** Its learning rule text and settings. */
    public LearningSettings learning() {
        return LearningSettings.of(synapses.description, "backend loihi1");
    }

    public int preSize() {
        return synapses.preSize;
    }

    public int postSize() {
        return synapses.postSize;
    }

    /** The core (its index on the mesh) that holds postsynaptic {@code j} and the synapses into it. */
    public int coreOfPost(int j) {
        return coreOf[synapses.postBase + j];
    }

    /** Row starts, length {@code preSize() + 1}; do not modify. */
    public int[] rowStart() {
        return synapses.rowStart;
    }

    /** Postsynaptic index of each synapse; do not modify. */
    public int[] post() {
        return synapses.post;
    }

    /** The stored weight mantissas; the engine may change them. */
    public int[] weights() {
        return synapses.weight;
    }

    /** The delays; the engine may change them (0 .. 62). */
    public int[] delays() {
        return synapses.delay;
    }

    /** The tags; the engine may change them. */
    public int[] tags() {
        return synapses.tag;
    }

    /** Bits of each synapse's delay: learned delays stay within {@code 0 .. min(62, 2^delayBits() - 1)}. */
    public int delayBits() {
        return synapses.delayBits;
    }

    /** Weights are multiples of {@code 2^signModeShift()}. */
    public int signModeShift() {
        return synapses.description.signMode().truncationShift(synapses.description.weightBits());
    }

    /** The timestep whose learning phase is running. */
    public int timestep() {
        return timestep;
    }

    /** The first timestep of the learning epoch that contains {@link #timestep()}. */
    public int epochStart() {
        return timestep - timestep % tEpoch;
    }

    /** Whether the epoch ends with {@link #timestep()}: the engine applies the rule then. */
    public boolean epochEnds() {
        return (timestep + 1) % tEpoch == 0;
    }

    /** The last timestep presynaptic {@code i} spiked (at most {@link #timestep()}), or {@link Integer#MIN_VALUE}. */
    public int preLastSpike(int i) {
        int s = synapses.preSource + i;
        return state.learningSees[s] ? state.lastSpike[s] : CompartmentState.NEVER;
    }

    /** The last timestep postsynaptic {@code j} spiked, or {@link Integer#MIN_VALUE}. */
    public int postLastSpike(int j) {
        int s = synapses.postBase + j;
        return state.learningSees[s] ? state.lastSpike[s] : CompartmentState.NEVER;
    }

    /** Whether presynaptic {@code i} spiked in this epoch so far ({@code x0}). */
    public boolean preSpikedThisEpoch(int i) {
        return preLastSpike(i) >= epochStart();
    }

    /** Whether postsynaptic {@code j} spiked in this epoch so far ({@code y0}). */
    public boolean postSpikedThisEpoch(int j) {
        return postLastSpike(j) >= epochStart();
    }

    /**
     * Writes the indices of the presynaptic sources that spiked in this epoch so far into {@code into} (of at
     * least {@link #preSize()}), in increasing order, and returns how many there are. Allocates nothing.
     */
    public int preSpikedThisEpoch(int[] into) {
        return spikedSince(synapses.preSource, synapses.preSize, epochStart(), into);
    }

    /** Like {@link #preSpikedThisEpoch(int[])}, for the postsynaptic compartments. */
    public int postSpikedThisEpoch(int[] into) {
        return spikedSince(synapses.postBase, synapses.postSize, epochStart(), into);
    }

    private int spikedSince(int first, int size, int since, int[] into) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            int s = first + i;
            if (state.learningSees[s] && state.lastSpike[s] >= since) {
                into[n++] = i;
            }
        }
        return n;
    }

    /**
     * Writes the indices of the presynaptic sources that spiked in {@link #timestep()} into {@code into} (of at
     * least {@link #preSize()}), in no particular order, and returns how many there are. Reads the timestep's
     * spikes rather than every source, and allocates nothing.
     */
    public int preSpikedNow(int[] into) {
        return spikedNow(synapses.preSource, synapses.preSize, into);
    }

    /** Like {@link #preSpikedNow(int[])}, for the postsynaptic compartments. */
    public int postSpikedNow(int[] into) {
        return spikedNow(synapses.postBase, synapses.postSize, into);
    }

    private int spikedNow(int first, int size, int[] into) {
        return spikes.spikedIn(first, size, state.learningSees, into);
    }

    /** Spikes the reward channel's source emitted in {@link #timestep()} (0 without a channel). */
    public int rewardSpikes() {
        return rewardSpikes;
    }

    /** Called by the emulator before the learning phase of timestep {@code t}. */
    void prepare(int t) {
        timestep = t;
        int count = 0;
        for (int s = rewardFirst; s < rewardEnd; s++) {
            if (state.lastSpike[s] == t) {
                count++;
            }
        }
        rewardSpikes = count;
    }
}
