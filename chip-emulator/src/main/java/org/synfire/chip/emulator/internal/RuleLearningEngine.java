package org.synfire.chip.emulator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.emulator.internal.learning.GroupLearning;
import org.synfire.chip.emulator.internal.learning.LearningRandom;
import org.synfire.chip.emulator.internal.learning.RuleEvaluator;
import org.synfire.chip.emulator.internal.learning.SynapseFormat;
import org.synfire.chip.emulator.internal.learning.TraceSpec;
import org.synfire.chip.emulator.internal.learning.WeightSign;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.TraceSettings;
import org.synfire.chip.model.loihi1.learning.Rule;
import org.synfire.chip.model.loihi1.learning.StateVariable;

/**
 * The learning of one plastic connection, as the chip does it: each core that holds some of the connection's
 * synapses (those into its compartments) learns its part with its own latches, traces and generator. In each
 * timestep's learning phase a part hears the spikes of the connection's sides and reinforcement channel that
 * reach it and, at the end of each epoch, applies the compiled rule to its synapses in place.
 *
 * <p>Draw order: a core's generator is shared by every connection with synapses on the core; the emulator
 * runs the parts on one core in connection order ({@link #learnOn}), so the draws are in a fixed order
 * whichever thread runs the core.
 */
final class RuleLearningEngine implements LearningEngine {

    private final PlasticConnection connection;
    /** Presynaptic index of each synapse, in the connection's row order. */
    private final int[] pre;
    /** The parts, by increasing core index. */
    private final CorePart[] parts;

    /** The synapses of the connection on one core: the runs of each row into compartments {@code lo .. hi - 1}. */
    private static final class CorePart {
        final int core;
        final int lo;
        final int hi;
        final int[] rowFrom;
        final int[] rowTo;
        final GroupLearning learning;
        final LearningRandom random;
        /** The connection's synapses on the core: what the learning engine visits at the end of every epoch. */
        final long synapses;
        /** Scratch: the sources of each side that spiked in the timestep. */
        final int[] preSpiked;
        final int[] postSpiked;

        CorePart(int core, int lo, int hi, int[] rowFrom, int[] rowTo, GroupLearning learning, LearningRandom random,
                int preSize, int postSize) {
            this.core = core;
            this.lo = lo;
            this.hi = hi;
            this.rowFrom = rowFrom;
            this.rowTo = rowTo;
            this.learning = learning;
            this.random = random;
            long n = 0;
            for (int i = 0; i < rowFrom.length; i++) {
                n += rowTo[i] - rowFrom[i];
            }
            this.synapses = n;
            this.preSpiked = new int[preSize];
            this.postSpiked = new int[postSize];
        }
    }

    /**
     * @param streamOfCore the generator of each core (by mesh index), shared by every connection on the core
     * @param reference    evaluate every synapse of each part term by term, in every epoch (the reference path)
     */
    RuleLearningEngine(PlasticConnection connection, IntFunction<LearningRandom> streamOfCore, boolean reference) {
        this.connection = connection;
        ConnectionGroup description = connection.description();
        LearningSettings settings = connection.learning();
        SynapseFormat format = new SynapseFormat(WeightSign.valueOf(description.signMode().name()),
                description.weightBits(), connection.delayBits(), description.tagBits());
        Rule parsed = Synapses.rule(description, settings); // names the connection if the text is wrong
        Map<StateVariable, TraceSpec> traces = new EnumMap<>(StateVariable.class);
        put(traces, StateVariable.X1, settings.x1());
        put(traces, StateVariable.X2, settings.x2());
        put(traces, StateVariable.Y1, settings.y1());
        put(traces, StateVariable.Y2, settings.y2());
        put(traces, StateVariable.Y3, settings.y3());
        put(traces, StateVariable.R1, settings.r1());
        int[] rowStart = connection.rowStart();
        int[] post = connection.post();
        int preSize = connection.preSize();
        int postSize = connection.postSize();
        this.pre = new int[rowStart[rowStart.length - 1]];
        for (int i = 0; i < preSize; i++) {
            Arrays.fill(pre, rowStart[i], rowStart[i + 1], i);
        }
        List<CorePart> list = new ArrayList<>();
        for (int lo = 0; lo < postSize;) {
            int core = connection.coreOfPost(lo);
            int hi = lo + 1;
            while (hi < postSize && connection.coreOfPost(hi) == core) {
                hi++;
            }
            int[] rowFrom = new int[preSize];
            int[] rowTo = new int[preSize];
            for (int i = 0; i < preSize; i++) {
                rowFrom[i] = RuleEvaluator.firstAtLeast(post, rowStart[i], rowStart[i + 1], lo);
                rowTo[i] = RuleEvaluator.firstAtLeast(post, rowFrom[i], rowStart[i + 1], hi);
            }
            // each part has its own evaluator: its scratch arrays are used by the thread that runs the core
            RuleEvaluator rule = evaluator(description, parsed, format, reference);
            GroupLearning learning = reference
                    ? GroupLearning.reference(rule, settings.tEpoch(), preSize, postSize, traces)
                    : new GroupLearning(rule, settings.tEpoch(), preSize, postSize, traces);
            list.add(new CorePart(core, lo, hi, rowFrom, rowTo, learning, streamOfCore.apply(core), preSize, postSize));
            lo = hi;
        }
        list.sort((a, b) -> Integer.compare(a.core, b.core));
        for (int k = 1; k < list.size(); k++) {
            if (list.get(k).core == list.get(k - 1).core) {
                // the mapper places a group's compartments on consecutive cores, each core one run of them
                throw new IllegalStateException("connection " + description.name() + ": the compartments it targets on"
                        + " core " + list.get(k).core + " are not consecutive");
            }
        }
        this.parts = list.toArray(new CorePart[0]);
    }

    /** The cores that hold synapses of the connection, increasing. */
    int[] cores() {
        return Arrays.stream(parts).mapToInt(p -> p.core).toArray();
    }

    @Override
    public void learn(int timestep) {
        for (CorePart part : parts) {
            learn(part);
        }
    }

    /** The learning phase of the connection's synapses on {@code core} (none if it holds none). */
    void learnOn(int core) {
        for (CorePart part : parts) {
            if (part.core == core) {
                learn(part);
            }
        }
    }

    private void learn(CorePart part) {
        GroupLearning learning = part.learning;
        // the timestep's spikes, not a scan of every source: the order of reports does not matter. An axon
        // reaches a core only if it has synapses there, so only those are heard (their traces draw nothing else)
        for (int k = 0, n = connection.preSpikedNow(part.preSpiked); k < n; k++) {
            int i = part.preSpiked[k];
            if (part.rowTo[i] > part.rowFrom[i]) {
                learning.preSpike(i);
            }
        }
        for (int k = 0, n = connection.postSpikedNow(part.postSpiked); k < n; k++) {
            int j = part.postSpiked[k];
            if (j >= part.lo && j < part.hi) {
                learning.postSpike(j);
            }
        }
        // every reward spike adds the r1 impulse (the spec: spikes sent to the channel add r1Impulse)
        for (int k = connection.rewardSpikes(); k > 0; k--) {
            learning.rewardSpike();
        }
        learning.learnRowRanges(part.rowFrom, part.rowTo, pre, connection.post(), connection.weights(),
                connection.delays(), connection.tags(), part.random);
    }

    /** Synapses on {@code core} whose rule was evaluated so far. */
    long synapseUpdatesOn(int core) {
        long n = 0;
        for (CorePart part : parts) {
            if (part.core == core) {
                n += part.learning.synapseUpdates();
            }
        }
        return n;
    }

    /**
     * Plastic synapses on {@code core} the learning engine visited so far: all of the connection's synapses on the
     * core at the end of every epoch, whether or not the rule's dependency held (a count for the cost model).
     */
    long learningVisitsOn(int core) {
        long n = 0;
        for (CorePart part : parts) {
            if (part.core == core) {
                n += part.learning.epochsEnded() * part.synapses;
            }
        }
        return n;
    }

    /** The rule compiled for one part; a rule the chip cannot run is refused naming the connection. */
    private static RuleEvaluator evaluator(ConnectionGroup description, Rule rule, SynapseFormat format,
            boolean reference) {
        try {
            return reference ? RuleEvaluator.compileReference(rule, format) : RuleEvaluator.compile(rule, format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connection " + description.name() + ": " + e.getMessage(), e);
        }
    }

    private static void put(Map<StateVariable, TraceSpec> traces, StateVariable v, TraceSettings settings) {
        if (!settings.equals(TraceSettings.NONE)) {
            traces.put(v, new TraceSpec(settings.impulse(), settings.timeConstant()));
        }
    }
}
