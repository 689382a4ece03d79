package org.synfire.chip.emulator.internal.learning;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.synfire.chip.model.loihi1.learning.StateVariable;

/**
 * The learning state of one plastic connection group between epochs: its epoch clock, the x0 / y0 /
 * r0 latches and the traces its rule reads. The emulator reports spikes as they happen and calls
 * {@link #learn} in the learning phase of every timestep.
 *
 * <p>Index spaces: {@code axons} and {@code compartments} are whatever the group's {@code pre[]} and
 * {@code post[]} arrays index (the group's own input axons and target compartments).
 *
 * <p>Order within {@link #learn}: the traces the rule reads advance one timestep (in the order x1, x2,
 * y1, y2, y3, r1, each in index order), then, if the clock closes an epoch, the rule is applied
 * ({@link RuleEvaluator#applyEpoch}) and the latches and epoch-held traces are cleared. The generator's
 * draws thus follow a fixed order for a fixed order of groups within a core.
 */
public final class GroupLearning {

    private final RuleEvaluator rule;
    private final EpochClock clock;
    private final SpikeLatch x0;
    private final SpikeLatch y0;
    private boolean r0;
    private final Traces x1;
    private final Traces x2;
    private final Traces y1;
    private final Traces y2;
    private final Traces y3;
    private final Traces r1;
    private final Traces[] active;
    /** What the rule reads at the end of an epoch: the latches' and traces' arrays, and the epoch's scalars. */
    private final EpochInputs inputs;
    private final boolean skipSilentEpochs;
    /** Epochs ended so far (a count for the cost model only; it changes nothing the rule computes). */
    private long epochsEnded;

    /**
     * State for a group with {@code axons} inputs and {@code compartments} targets.
     *
     * @param traces the impulse and time constant of each trace kind ({@link StateVariable#X1} .. {@link
     *               StateVariable#R1}); a kind the map leaves out stays at 0
     */
    public GroupLearning(RuleEvaluator rule, int tEpoch, int axons, int compartments,
            Map<StateVariable, TraceSpec> traces) {
        this(rule, tEpoch, axons, compartments, traces, true);
    }

    /**
     * Learning state that applies {@code rule} at the end of every epoch, even when no term's dependency can hold
     * (the reference path, for tests that prove the shortcuts change nothing).
     */
    public static GroupLearning reference(RuleEvaluator rule, int tEpoch, int axons, int compartments,
            Map<StateVariable, TraceSpec> traces) {
        return new GroupLearning(rule, tEpoch, axons, compartments, traces, false);
    }

    /**
     * As the public constructor; {@code skipSilentEpochs = false} visits every synapse at the end of every epoch
     * even when no term's dependency can hold (the slow path, for tests that prove the skip changes nothing).
     */
    GroupLearning(RuleEvaluator rule, int tEpoch, int axons, int compartments, Map<StateVariable, TraceSpec> traces,
            boolean skipSilentEpochs) {
        this.skipSilentEpochs = skipSilentEpochs;
        for (StateVariable v : traces.keySet()) {
            if (v.maxMagnitude() != LearningConventions.TRACE_MAX) {
                throw new IllegalArgumentException(v.symbol() + " is not a trace; traces are x1 x2 y1 y2 y3 r1");
            }
        }
        this.rule = rule;
        this.clock = new EpochClock(tEpoch);
        this.x0 = new SpikeLatch(axons);
        this.y0 = new SpikeLatch(compartments);
        this.x1 = traces(StateVariable.X1, axons, traces);
        this.x2 = traces(StateVariable.X2, axons, traces);
        this.y1 = traces(StateVariable.Y1, compartments, traces);
        this.y2 = traces(StateVariable.Y2, compartments, traces);
        this.y3 = traces(StateVariable.Y3, compartments, traces);
        this.r1 = traces(StateVariable.R1, 1, traces);
        this.active = Stream.of(x1, x2, y1, y2, y3, r1).filter(Objects::nonNull)
                .toArray(Traces[]::new);
        this.inputs = new EpochInputs(1, x0.bits(), y0.bits(), false, 0, values(x1), values(x2), values(y1), values(y2),
                values(y3));
    }

    /** Traces of kind {@code v}, or {@code null} if the rule does not read them (nothing to keep). */
    private Traces traces(StateVariable v, int size, Map<StateVariable, TraceSpec> specs) {
        if (!rule.reads(v)) {
            return null;
        }
        TraceSpec spec = specs.getOrDefault(v, TraceSpec.NONE);
        return new Traces(size, spec.impulse(), spec.tau());
    }

    /** A spike reached input axon {@code axon} in this timestep (emitted in this timestep). */
    public void preSpike(int axon) {
        x0.set(axon);
        spike(x1, axon);
        spike(x2, axon);
    }

    /** Compartment {@code compartment} spiked in this timestep. */
    public void postSpike(int compartment) {
        y0.set(compartment);
        spike(y1, compartment);
        spike(y2, compartment);
        spike(y3, compartment);
    }

    /** A spike reached the rule's reinforcement channel in this timestep. */
    public void rewardSpike() {
        r0 = true;
        spike(r1, 0);
    }

    /**
     * The learning phase of one timestep for the group's synapses (arrays as in {@link
     * RuleEvaluator#applyEpoch}).
     *
     * @return true if an epoch ended and the rule was applied
     */
    public boolean learn(int[] pre, int[] post, int[] weight, int[] delay, int[] tag, LearningRandom random) {
        return learn(null, null, pre, post, weight, delay, tag, random);
    }

    /**
     * As {@link #learn(int[], int[], int[], int[], int[], LearningRandom)}, for synapses stored by presynaptic
     * rows (see {@link RuleEvaluator#applyEpochByRows}): the rule visits only synapses it can change.
     */
    public boolean learn(int[] rowStart, int[] pre, int[] post, int[] weight, int[] delay, int[] tag,
            LearningRandom random) {
        return learn(rowStart, null, pre, post, weight, delay, tag, random);
    }

    /**
     * As {@link #learn(int[], int[], int[], int[], int[], int[], LearningRandom)}, for the part of a connection one
     * core holds (see {@link RuleEvaluator#applyEpochByRowRanges}): row {@code i} of the group is
     * {@code rowFrom[i] .. rowTo[i] - 1} of the connection's arrays.
     */
    public boolean learnRowRanges(int[] rowFrom, int[] rowTo, int[] pre, int[] post, int[] weight, int[] delay,
            int[] tag, LearningRandom random) {
        return learn(rowFrom, rowTo, pre, post, weight, delay, tag, random);
    }

    /** {@code rowTo == null}: {@code rows} are row starts; else {@code rows .. rowTo} are row ranges. */
    private boolean learn(int[] rows, int[] rowTo, int[] pre, int[] post, int[] weight, int[] delay, int[] tag,
            LearningRandom random) {
        for (Traces t : active) {
            t.advance(random);
        }
        if (!clock.tick()) {
            return false;
        }
        epochsEnded++;
        // an epoch in which no dependency can hold (no spike a term depends on, no u_k) changes nothing and draws
        // nothing: leave out the synapses, the common case of a sparse-spiking group
        if (!skipSilentEpochs || rule.anyDependencyCanHold(x0.any(), y0.any(), clock.epoch())) {
            EpochInputs in = inputs.forEpoch(clock.epoch(), r0, r1 == null ? 0 : r1.values()[0]);
            if (rows == null) {
                rule.applyEpoch(pre, post, weight, delay, tag, in, random);
            } else if (rowTo == null) {
                rule.applyEpochByRows(rows, pre, post, weight, delay, tag, in, random);
            } else {
                rule.applyEpochByRowRanges(rows, rowTo, pre, post, weight, delay, tag, in, random);
            }
        }
        x0.clear();
        y0.clear();
        r0 = false;
        for (Traces t : active) {
            t.endEpoch();
        }
        return true;
    }

    /** Epochs that ended so far: at the end of each the chip's learning engine visits every synapse of the group. */
    public long epochsEnded() {
        return epochsEnded;
    }

    /** Synapses whose rule was evaluated so far. */
    public long synapseUpdates() {
        return rule.synapseUpdates();
    }

    private static void spike(Traces t, int i) {
        if (t != null) {
            t.spike(i);
        }
    }

    private static int[] values(Traces t) {
        return t == null ? null : t.values();
    }
}
