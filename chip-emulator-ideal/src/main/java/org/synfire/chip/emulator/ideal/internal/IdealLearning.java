package org.synfire.chip.emulator.ideal.internal;

import java.util.Arrays;

import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.TraceSettings;
import org.synfire.chip.model.loihi1.learning.Rule;
import org.synfire.chip.model.loihi1.learning.RuleParser;
import org.synfire.chip.model.loihi1.learning.StateVariable;

/**
 * The learning of one plastic connection on the ideal machine, in the order of the Loihi-1 emulator's learning
 * phase: the timestep's spikes (emitted in it) set the x0 / y0 latches and the reward flag and add their impulses;
 * the traces decay and take the impulses; at the end of an epoch the rule is evaluated for every synapse whose
 * dependency holds, from the values before the epoch's update, and the changes are applied to weight, delay and tag.
 *
 * <p>Where the chip rounds, this does not: traces decay by the exact factor {@code 1 - 1/tau} and are not capped at
 * 127, a rule's terms are real products, and a change is added exactly (no stochastic rounding, no truncation to the
 * weight bits, no saturation at the weight's range). Only the sign of a sign mode is kept: an excitatory weight does
 * not go below 0, an inhibitory one not above 0, since the sign mode says what kind of synapse it is.
 */
final class IdealLearning {

    private final IdealSynapses synapses;
    private final IdealRule rule;
    private final int tEpoch;
    private final SignMode signMode;
    /** Reward channel sources {@code rewardFirst .. rewardEnd - 1}, none if equal. */
    private final int rewardFirst;
    private final int rewardEnd;
    private int step;
    private long epoch;

    private final boolean[] x0;
    private final boolean[] y0;
    private final int[] preSpiked;
    private int preSpikedCount;
    private final int[] postSpiked;
    private int postSpikedCount;
    private boolean r0;

    /** Traces the rule reads (null where it reads none), one kind each, with pending spike counts. */
    private final Trace x1;
    private final Trace x2;
    private final Trace y1;
    private final Trace y2;
    private final Trace y3;
    private final Trace r1;
    /** The traces kept, in the order x1, x2, y1, y2, y3, r1. */
    private final Trace[] active;

    /** Scratch operands of one synapse, by {@link StateVariable} ordinal. */
    private final double[] operands = new double[IdealRule.OPERANDS];
    /** Synapses of each postsynaptic index (CSC over the rows), made when the rule depends on y0. */
    private int[] columnStart;
    private int[] columnSynapse;
    /** The rule changes weights only, by an amount that depends on the spikes and the reward alone. */
    private final boolean uniformChange;
    /** Synapses whose rule was evaluated so far (those whose dependency held at an epoch's end). */
    private long synapseUpdates;

    /** One kind of trace: a real value per element, and the spikes of the timestep not yet added. */
    private static final class Trace {
        final double[] value;
        final int[] pending;
        final double impulse;
        /** The factor of one timestep's decay, {@code 1 - 1/tau}; 1 for {@code tau = 0} (held for the epoch). */
        final double keep;
        final boolean heldForEpoch;

        Trace(int size, TraceSettings settings) {
            value = new double[size];
            pending = new int[size];
            impulse = settings.impulse();
            heldForEpoch = settings.timeConstant() == 0;
            keep = heldForEpoch ? 1 : 1 - 1.0 / settings.timeConstant();
        }

        /** Decays every element exactly, then adds the timestep's impulses (no cap). */
        void advance() {
            for (int i = 0; i < value.length; i++) {
                value[i] = value[i] * keep + impulse * pending[i];
                pending[i] = 0;
            }
        }

        void endEpoch() {
            if (heldForEpoch) {
                Arrays.fill(value, 0);
            }
        }
    }

    IdealLearning(IdealSynapses synapses, int rewardFirst, int rewardEnd) {
        this.synapses = synapses;
        LearningSettings settings = LearningSettings.of(synapses.description, "backend ideal");
        this.rule = new IdealRule(parse(synapses.description, settings));
        this.tEpoch = settings.tEpoch();
        this.uniformChange = rule.weightFromSpikesAndRewardOnly();
        this.signMode = synapses.description.signMode();
        this.rewardFirst = rewardFirst;
        this.rewardEnd = rewardEnd;
        this.x0 = new boolean[synapses.preSize];
        this.y0 = new boolean[synapses.postSize];
        this.preSpiked = new int[synapses.preSize];
        this.postSpiked = new int[synapses.postSize];
        this.x1 = trace(StateVariable.X1, synapses.preSize, settings.x1());
        this.x2 = trace(StateVariable.X2, synapses.preSize, settings.x2());
        this.y1 = trace(StateVariable.Y1, synapses.postSize, settings.y1());
        this.y2 = trace(StateVariable.Y2, synapses.postSize, settings.y2());
        this.y3 = trace(StateVariable.Y3, synapses.postSize, settings.y3());
        this.r1 = trace(StateVariable.R1, 1, settings.r1());
        this.active = java.util.stream.Stream.of(x1, x2, y1, y2, y3, r1).filter(java.util.Objects::nonNull)
                .toArray(Trace[]::new);
        if (rule.changesTag() && synapses.description.tagBits() == 0) {
            throw new IllegalArgumentException("connection " + synapses.description.name() + ": learning rule "
                    + "changes the tag (dt) but the group has 0 tag bits; give it 1 .. 8");
        }
    }

    /** The parsed rule of connection {@code c}, or an error naming it and the position in the text. */
    static Rule parse(ConnectionGroup c, LearningSettings settings) {
        try {
            return RuleParser.parse(settings.rule());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connection " + c.name() + ": " + e.getMessage(), e);
        }
    }

    /** Whether plastic connection {@code c}'s rule changes delays (so its delays may grow). */
    static boolean learnsDelay(ConnectionGroup c) {
        return c.plastic() && !parse(c, LearningSettings.of(c, "backend ideal")).dd().isEmpty();
    }

    private Trace trace(StateVariable v, int size, TraceSettings settings) {
        return rule.reads(v) ? new Trace(size, settings) : null;
    }

    /** Synapses whose rule was evaluated so far. */
    long synapseUpdates() {
        return synapseUpdates;
    }

    /**
     * The learning phase of timestep {@code t}: {@code spiked[0 .. count - 1]} are the global sources that emitted a
     * spike in it, {@code learningSees} whether a rule may see each source's spikes.
     */
    void learn(int[] spiked, int count, boolean[] learningSees) {
        int preFirst = synapses.preSource;
        int preEnd = preFirst + synapses.preSize;
        int postFirst = synapses.postBase;
        int postEnd = postFirst + synapses.postSize;
        for (int k = 0; k < count; k++) {
            int s = spiked[k];
            if (s >= rewardFirst && s < rewardEnd) {
                // every reward spike adds the r1 impulse, whether or not learning sees the source
                r0 = true;
                if (r1 != null) {
                    r1.pending[0]++;
                }
            }
            if (!learningSees[s]) {
                continue;
            }
            if (s >= preFirst && s < preEnd) {
                int i = s - preFirst;
                if (!x0[i]) {
                    x0[i] = true;
                    preSpiked[preSpikedCount++] = i;
                }
                pending(x1, i);
                pending(x2, i);
            }
            if (s >= postFirst && s < postEnd) {
                int j = s - postFirst;
                if (!y0[j]) {
                    y0[j] = true;
                    postSpiked[postSpikedCount++] = j;
                }
                pending(y1, j);
                pending(y2, j);
                pending(y3, j);
            }
        }
        for (Trace trace : active) {
            trace.advance();
        }
        if (++step < tEpoch) {
            return;
        }
        step = 0;
        epoch++;
        applyEpoch(IdealRule.uBits(epoch));
        for (int k = 0; k < preSpikedCount; k++) {
            x0[preSpiked[k]] = false;
        }
        for (int k = 0; k < postSpikedCount; k++) {
            y0[postSpiked[k]] = false;
        }
        preSpikedCount = 0;
        postSpikedCount = 0;
        r0 = false;
        for (Trace trace : active) {
            trace.endEpoch();
        }
    }

    /** Adds {@code dw} to the weight of synapse {@code r} exactly, keeping only the sign of its sign mode. */
    private void changeWeight(int r, double dw) {
        if (dw == 0) {
            return;
        }
        double w = synapses.weight[r] + dw;
        if (signMode == SignMode.EXCITATORY) {
            w = Math.max(w, 0);
        } else if (signMode == SignMode.INHIBITORY) {
            w = Math.min(w, 0);
        }
        synapses.weight[r] = w;
    }

    private static void pending(Trace trace, int i) {
        if (trace != null) {
            trace.pending[i]++;
        }
    }

    /**
     * Evaluates the rule for every synapse whose dependency holds: all if a u_k dependency holds, else those whose
     * axon spiked (x0 terms) and those whose compartment spiked (y0 terms), each once. Each synapse's change depends
     * on its own values only, so the order of visits does not change the result.
     */
    private void applyEpoch(int uBits) {
        int[] rowStart = synapses.rowStart;
        int[] post = synapses.post;
        if (rule.everySynapse(uBits)) {
            for (int i = 0; i < synapses.preSize; i++) {
                for (int r = rowStart[i]; r < rowStart[i + 1]; r++) {
                    synapseUpdates++;
                    evaluate(r, i, post[r], uBits);
                }
            }
            return;
        }
        if (rule.required() == 3) {
            applyToSpikedPairs(uBits);
            return;
        }
        if (rule.dependsOnPre()) {
            for (int k = 0; k < preSpikedCount; k++) {
                int i = preSpiked[k];
                for (int r = rowStart[i]; r < rowStart[i + 1]; r++) {
                    synapseUpdates++;
                    evaluate(r, i, post[r], uBits);
                }
            }
        }
        if (rule.dependsOnPost() && postSpikedCount > 0) {
            columns();
            int[] pre = columnPre;
            for (int k = 0; k < postSpikedCount; k++) {
                int j = postSpiked[k];
                for (int m = columnStart[j]; m < columnStart[j + 1]; m++) {
                    if (rule.dependsOnPre() && x0[pre[m]]) {
                        continue; // visited with its row above
                    }
                    synapseUpdates++;
                    evaluate(columnSynapse[m], pre[m], j, uBits);
                }
            }
        }
    }

    /**
     * The common case of the sBP rule: every term has the factors x0 and y0, so only synapses whose axon and
     * compartment both spiked can change. Those are found along the spiked rows; the synapses whose dependency holds
     * (evaluated on the chip, with a change of 0) are counted without a visit: the spiked rows' lengths for x0
     * dependencies, the spiked compartments' in-degrees for y0 ones, less the pairs if both were counted.
     */
    private void applyToSpikedPairs(int uBits) {
        int[] rowStart = synapses.rowStart;
        int[] post = synapses.post;
        long rows = 0;
        long pairs = 0;
        // the sBP rule reads only spikes and reward: one change for every pair of the epoch, worked out once
        double same = Double.NaN;
        if (uniformChange) {
            double[] o = operands;
            java.util.Arrays.fill(o, 0);
            o[StateVariable.X0.ordinal()] = 1;
            o[StateVariable.Y0.ordinal()] = 1;
            o[StateVariable.R0.ordinal()] = r0 ? 1 : 0;
            o[StateVariable.R1.ordinal()] = r1 == null ? 0 : r1.value[0];
            same = rule.dw(o, uBits);
        }
        for (int k = 0; k < preSpikedCount; k++) {
            int i = preSpiked[k];
            rows += rowStart[i + 1] - rowStart[i];
            if (postSpikedCount == 0) {
                continue;
            }
            for (int r = rowStart[i]; r < rowStart[i + 1]; r++) {
                if (y0[post[r]]) {
                    pairs++;
                    if (uniformChange) {
                        changeWeight(r, same);
                    } else {
                        evaluate(r, i, post[r], uBits);
                    }
                }
            }
        }
        long columns = 0;
        if (rule.dependsOnPost()) {
            columns();
            for (int k = 0; k < postSpikedCount; k++) {
                int j = postSpiked[k];
                columns += columnStart[j + 1] - columnStart[j];
            }
        }
        boolean pre = rule.dependsOnPre();
        boolean postDependency = rule.dependsOnPost();
        synapseUpdates += (pre ? rows : 0) + (postDependency ? columns : 0) - (pre && postDependency ? pairs : 0);
    }

    /** Presynaptic index of each entry of {@link #columnSynapse}. */
    private int[] columnPre;

    /** Makes the column index (synapses by postsynaptic index) once: the layout never changes. */
    private void columns() {
        if (columnStart != null) {
            return;
        }
        int[] rowStart = synapses.rowStart;
        int[] post = synapses.post;
        int n = post.length;
        columnStart = new int[synapses.postSize + 1];
        for (int r = 0; r < n; r++) {
            columnStart[post[r] + 1]++;
        }
        for (int j = 0; j < synapses.postSize; j++) {
            columnStart[j + 1] += columnStart[j];
        }
        int[] fill = Arrays.copyOf(columnStart, synapses.postSize);
        columnSynapse = new int[n];
        columnPre = new int[n];
        for (int i = 0; i < synapses.preSize; i++) {
            for (int r = rowStart[i]; r < rowStart[i + 1]; r++) {
                int m = fill[post[r]]++;
                columnSynapse[m] = r;
                columnPre[m] = i;
            }
        }
    }

    /** Evaluates the rule for synapse {@code r} ({@code i -> j}) and applies its changes. */
    private void evaluate(int r, int i, int j, int uBits) {
        boolean pre = x0[i];
        boolean post = y0[j];
        int required = rule.required();
        if ((required & 1) != 0 && !pre || (required & 2) != 0 && !post) {
            return; // every term has a spike factor that is 0 here: the change is exactly 0
        }
        double[] o = operands;
        o[StateVariable.X0.ordinal()] = pre ? 1 : 0;
        o[StateVariable.Y0.ordinal()] = post ? 1 : 0;
        o[StateVariable.R0.ordinal()] = r0 ? 1 : 0;
        o[StateVariable.R1.ordinal()] = r1 == null ? 0 : r1.value[0];
        o[StateVariable.X1.ordinal()] = x1 == null ? 0 : x1.value[i];
        o[StateVariable.X2.ordinal()] = x2 == null ? 0 : x2.value[i];
        o[StateVariable.Y1.ordinal()] = y1 == null ? 0 : y1.value[j];
        o[StateVariable.Y2.ordinal()] = y2 == null ? 0 : y2.value[j];
        o[StateVariable.Y3.ordinal()] = y3 == null ? 0 : y3.value[j];
        o[StateVariable.W.ordinal()] = synapses.weight[r];
        o[StateVariable.D.ordinal()] = synapses.delay[r];
        o[StateVariable.T.ordinal()] = synapses.tag[r];
        // all three from the values before the update, then applied
        double dw = rule.dw(o, uBits);
        double dd = rule.dd(o, uBits);
        double dt = rule.dt(o, uBits);
        changeWeight(r, dw);
        if (dd != 0) {
            synapses.delay[r] = Math.max(0, synapses.delay[r] + dd); // a delay cannot be negative
        }
        if (dt != 0) {
            synapses.tag[r] = synapses.tag[r] + dt;
        }
    }
}
