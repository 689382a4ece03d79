package org.synfire.chip.emulator.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.synfire.chip.api.LearningEngine;
import org.synfire.chip.api.learning.Rule;
import org.synfire.chip.api.learning.StateVariable;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.LearningSettings;
import org.synfire.chip.api.network.TraceSettings;
import org.synfire.chip.emulator.internal.learning.GroupLearning;
import org.synfire.chip.emulator.internal.learning.LearningRandom;
import org.synfire.chip.emulator.internal.learning.RuleEvaluator;
import org.synfire.chip.emulator.internal.learning.SynapseFormat;
import org.synfire.chip.emulator.internal.learning.TraceSpec;
import org.synfire.chip.emulator.internal.learning.WeightSign;

/**
 * The learning engine of one plastic connection: in each timestep's learning phase it reports the
 * spikes its sides and its reinforcement channel emitted to the connection's {@link GroupLearning},
 * which applies the compiled rule at the end of each epoch to the synapse arrays in place.
 */
final class RuleLearningEngine implements LearningEngine {

    private final PlasticConnection connection;
    private final GroupLearning learning;
    private final LearningRandom random;
    /** Presynaptic index of each synapse, in the connection's row order. */
    private final int[] pre;
    /** Scratch: the sources of each side that spiked in the timestep. */
    private final int[] preSpiked;
    private final int[] postSpiked;

    RuleLearningEngine(PlasticConnection connection, SplittableRandom seeds) {
        this.connection = connection;
        ConnectionGroup description = connection.description();
        LearningSettings settings = connection.learning();
        SynapseFormat format = new SynapseFormat(WeightSign.valueOf(description.signMode().name()),
                description.weightBits(), connection.delayBits(), description.tagBits());
        Rule parsed = Synapses.rule(description, settings); // names the connection if the text is wrong
        RuleEvaluator rule;
        try {
            rule = RuleEvaluator.compile(parsed, format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connection " + description.name() + ": " + e.getMessage(), e);
        }
        Map<StateVariable, TraceSpec> traces = new EnumMap<>(StateVariable.class);
        put(traces, StateVariable.X1, settings.x1());
        put(traces, StateVariable.X2, settings.x2());
        put(traces, StateVariable.Y1, settings.y1());
        put(traces, StateVariable.Y2, settings.y2());
        put(traces, StateVariable.Y3, settings.y3());
        put(traces, StateVariable.R1, settings.r1());
        this.learning = new GroupLearning(rule, settings.tEpoch(), connection.preSize(), connection.postSize(), traces);
        // one stream per plastic connection, split from the run's seed: independent of threads and order
        this.random = LearningRandom.forCore(seeds.nextLong(), 0);
        int[] rowStart = connection.rowStart();
        this.pre = new int[rowStart[rowStart.length - 1]];
        for (int i = 0; i + 1 < rowStart.length; i++) {
            java.util.Arrays.fill(pre, rowStart[i], rowStart[i + 1], i);
        }
        this.preSpiked = new int[connection.preSize()];
        this.postSpiked = new int[connection.postSize()];
    }

    @Override
    public void learn(int timestep) {
        // the timestep's spikes, not a scan of every source: the order of reports does not matter
        for (int k = 0, n = connection.preSpikedNow(preSpiked); k < n; k++) {
            learning.preSpike(preSpiked[k]);
        }
        for (int k = 0, n = connection.postSpikedNow(postSpiked); k < n; k++) {
            learning.postSpike(postSpiked[k]);
        }
        // every reward spike adds the r1 impulse (the spec: spikes sent to the channel add r1Impulse)
        for (int k = connection.rewardSpikes(); k > 0; k--) {
            learning.rewardSpike();
        }
        learning.learn(connection.rowStart(), pre, connection.post(), connection.weights(), connection.delays(), connection.tags(), random);
    }

    /** Synapses whose rule was evaluated so far. */
    long synapseUpdates() {
        return learning.synapseUpdates();
    }

    private static void put(Map<StateVariable, TraceSpec> traces, StateVariable v, TraceSettings settings) {
        if (!settings.equals(TraceSettings.NONE)) {
            traces.put(v, new TraceSpec(settings.impulse(), settings.timeConstant()));
        }
    }
}
