package org.synfire.chip.emulator.internal.learning;

import org.synfire.chip.api.learning.Rule;
import org.synfire.chip.api.learning.StateVariable;
import org.synfire.chip.api.learning.SynapticVariable;

/**
 * A learning rule compiled for one plastic connection group; {@link #applyEpoch} runs it over the
 * group's synapses at the end of an epoch.
 *
 * <p>Synapse layout: synapse {@code i} connects input axon {@code pre[i]} to compartment
 * {@code post[i]} and holds {@code weight[i]} (the weight mantissa), {@code delay[i]}, {@code tag[i]}.
 * For every synapse whose dependency holds, the three changes are computed from the values before
 * the epoch's update, then applied in the order weight, delay, tag (see {@link #update}); synapses
 * are visited in index order, so the generator's draws have a fixed order.
 */
public final class RuleEvaluator {

    private static final int OPERANDS = StateVariable.values().length;

    private final SynapseFormat format;
    private final CompiledSum dw;
    private final CompiledSum dd;
    private final CompiledSum dt;
    private final boolean useSpikeTables;
    private final boolean dependsOnPre;
    private final boolean dependsOnPost;
    private final int uMask;
    private final boolean[] reads = new boolean[OPERANDS];
    /** Synapses whose rule was evaluated in the epochs so far (for energy and time estimates). */
    private long synapseUpdates;

    private RuleEvaluator(Rule rule, SynapseFormat format, boolean useSpikeTables) {
        this.format = format;
        this.dw = new CompiledSum(rule.dw());
        this.dd = new CompiledSum(rule.dd());
        this.dt = new CompiledSum(rule.dt());
        this.useSpikeTables = useSpikeTables;
        this.dependsOnPre = dw.dependsOnPre() || dd.dependsOnPre() || dt.dependsOnPre();
        this.dependsOnPost = dw.dependsOnPost() || dd.dependsOnPost() || dt.dependsOnPost();
        this.uMask = dw.uMask() | dd.uMask() | dt.uMask();
        for (StateVariable v : StateVariable.values()) {
            reads[v.ordinal()] = dw.reads(v) || dd.reads(v) || dt.reads(v);
        }
        if (!dt.isEmpty() && format.tagBits() == 0) {
            throw new IllegalArgumentException("learning rule changes the tag (dt) but the group has 0 tag bits;"
                    + " give it 1 .. " + LearningConventions.MAX_TAG_BITS);
        }
    }

    /** Compiles {@code rule} for a group whose synapses have {@code format}. */
    public static RuleEvaluator compile(Rule rule, SynapseFormat format) {
        return new RuleEvaluator(rule, format, true);
    }

    /** As {@link #compile}, but always on the general path (for tests that prove the fast path equal). */
    static RuleEvaluator compileGeneral(Rule rule, SynapseFormat format) {
        return new RuleEvaluator(rule, format, false);
    }

    /** True if the rule reads {@code v} (so the corresponding array or trace must be supplied). */
    public boolean reads(StateVariable v) {
        return reads[v.ordinal()];
    }

    /**
     * The learning phase of one epoch for one group: updates {@code weight}, {@code delay} and
     * {@code tag} in place.
     *
     * @param pre    input axon of each synapse
     * @param post   compartment of each synapse
     * @param weight weight mantissa of each synapse
     * @param delay  delay of each synapse; may be {@code null} if the rule neither reads nor changes it
     * @param tag    tag of each synapse; may be {@code null} if the rule neither reads nor changes it
     * @param in     the epoch's spikes and traces
     * @param random the core's generator, for fractional changes
     */
    public void applyEpoch(int[] pre, int[] post, int[] weight, int[] delay, int[] tag, EpochInputs in,
            LearningRandom random) {
        int n = weight.length;
        if (pre.length != n || post.length != n) {
            throw new IllegalArgumentException("plastic group: " + pre.length + " pre, " + post.length + " post and "
                    + n + " weights; expected one of each per synapse");
        }
        require(delay, n, !dd.isEmpty() || reads(StateVariable.D), "delay");
        require(tag, n, !dt.isEmpty() || reads(StateVariable.T), "tag");
        int[] x1 = trace(in.x1(), StateVariable.X1);
        int[] x2 = trace(in.x2(), StateVariable.X2);
        int[] y1 = trace(in.y1(), StateVariable.Y1);
        int[] y2 = trace(in.y2(), StateVariable.Y2);
        int[] y3 = trace(in.y3(), StateVariable.Y3);
        int uBits = uBits(in.epoch());
        boolean everySynapse = (uMask & uBits) != 0;
        int r0 = in.reward() ? 1 : 0;
        long[] preBits = in.preSpikes();
        long[] postBits = in.postSpikes();
        int[] operands = new int[OPERANDS];
        operands[StateVariable.R0.ordinal()] = r0;
        operands[StateVariable.R1.ordinal()] = in.rewardTrace();
        long[] wTable = useSpikeTables ? dw.spikeTable() : null;
        long[] dTable = useSpikeTables ? dd.spikeTable() : null;
        long[] tTable = useSpikeTables ? dt.spikeTable() : null;
        int shift = format.weightShift();
        for (int i = 0; i < n; i++) {
            int a = pre[i];
            int c = post[i];
            int x0 = (int) (preBits[a >>> 6] >>> a) & 1;
            int y0 = (int) (postBits[c >>> 6] >>> c) & 1;
            if (!everySynapse && !(x0 == 1 && dependsOnPre) && !(y0 == 1 && dependsOnPost)) {
                continue; // no term's dependency holds: the chip does not touch this synapse
            }
            synapseUpdates++;
            int spikes = x0 | y0 << 1 | r0 << 2;
            operands[StateVariable.X0.ordinal()] = x0;
            operands[StateVariable.Y0.ordinal()] = y0;
            operands[StateVariable.X1.ordinal()] = x1 == null ? 0 : x1[a];
            operands[StateVariable.X2.ordinal()] = x2 == null ? 0 : x2[a];
            operands[StateVariable.Y1.ordinal()] = y1 == null ? 0 : y1[c];
            operands[StateVariable.Y2.ordinal()] = y2 == null ? 0 : y2[c];
            operands[StateVariable.Y3.ordinal()] = y3 == null ? 0 : y3[c];
            operands[StateVariable.W.ordinal()] = weight[i];
            operands[StateVariable.D.ordinal()] = delay == null ? 0 : delay[i];
            operands[StateVariable.T.ordinal()] = tag == null ? 0 : tag[i];
            long changeW = wTable != null ? wTable[spikes] : dw.isEmpty() ? 0 : dw.change(operands, uBits);
            long changeD = dTable != null ? dTable[spikes] : dd.isEmpty() ? 0 : dd.change(operands, uBits);
            long changeT = tTable != null ? tTable[spikes] : dt.isEmpty() ? 0 : dt.change(operands, uBits);
            weight[i] = update(weight[i], changeW, shift, format.minWeight(), format.maxWeight(), random);
            if (changeD != 0) {
                delay[i] = update(delay[i], changeD, 0, 0, format.maxDelay(), random);
            }
            if (changeT != 0) {
                tag[i] = update(tag[i], changeT, 0, format.minTag(), format.maxTag(), random);
            }
        }
    }

    /**
     * Whether the dependency of some term can hold for some synapse in epoch {@code epoch}, given whether any
     * input axon ({@code anyPre}) and any compartment ({@code anyPost}) spiked in it. If not, {@link #applyEpoch}
     * would skip every synapse: it would change nothing and draw nothing, so a caller may leave it out.
     */
    public boolean anyDependencyCanHold(boolean anyPre, boolean anyPost, long epoch) {
        return (uMask & uBits(epoch)) != 0 || (anyPre && dependsOnPre) || (anyPost && dependsOnPost);
    }

    /** Bit {@code k} set if {@code u_k} holds in epoch {@code epoch} (k = 0 .. 9). */
    private static int uBits(long epoch) {
        int bits = 0;
        for (int k = 0; k < 10; k++) {
            if (EpochClock.u(k, epoch)) {
                bits |= 1 << k;
            }
        }
        return bits;
    }

    /**
     * Adds a fixed-point change to a variable, rounds and saturates it (see
     * {@link LearningConventions}): {@code v' = ((clamp(round(v * 2^7 + change) / 2^7, min, max)) >> shift) << shift},
     * where {@code round} keeps the whole part and, under stochastic rounding, adds 1 if a 7-bit draw is
     * below the 7-bit fraction. A change of 0 leaves the variable alone and draws nothing.
     *
     * @param value  the variable
     * @param change the change in units of {@code 2^-FRACTION_BITS}
     * @param shift  the precision: the result is a multiple of {@code 2^shift}
     * @param min    the smallest value (a multiple of {@code 2^shift})
     * @param max    the largest value (a multiple of {@code 2^shift})
     */
    static int update(int value, long change, int shift, int min, int max, LearningRandom random) {
        if (change == 0) {
            return value;
        }
        long fixed = ((long) value << LearningConventions.FRACTION_BITS) + change;
        long whole = fixed >> LearningConventions.FRACTION_BITS;
        int fraction = (int) (fixed & ((1L << LearningConventions.FRACTION_BITS) - 1));
        if (fraction != 0 && LearningConventions.FRACTION_ROUNDING == LearningConventions.FractionRounding.STOCHASTIC
                && random.nextBelow(1 << LearningConventions.FRACTION_BITS) < fraction) {
            whole++;
        }
        int clamped = Math.clamp(whole, min, max);
        return (clamped >> shift) << shift;
    }

    private int[] trace(int[] values, StateVariable v) {
        if (values == null && reads(v)) {
            throw new IllegalArgumentException("learning rule reads " + v.symbol() + " but the epoch inputs have no "
                    + v.symbol() + " trace");
        }
        return values;
    }

    private static void require(int[] values, int n, boolean needed, String what) {
        if (needed && values == null) {
            throw new IllegalArgumentException("learning rule reads or changes the " + what + " but the group has no "
                    + what + " array");
        }
        if (values != null && values.length != n) {
            throw new IllegalArgumentException("plastic group: " + values.length + " " + what + " values for " + n
                    + " synapses");
        }
    }

    /** Synapses whose rule was evaluated so far (one per synapse and epoch whose dependency held). */
    public long synapseUpdates() {
        return synapseUpdates;
    }

    /** The synaptic variables the rule changes. */
    public boolean changes(SynapticVariable v) {
        return switch (v) {
            case WEIGHT -> !dw.isEmpty();
            case DELAY -> !dd.isEmpty();
            case TAG -> !dt.isEmpty();
        };
    }
}
