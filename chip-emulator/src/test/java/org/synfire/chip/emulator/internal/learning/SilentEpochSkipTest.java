package org.synfire.chip.emulator.internal.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.model.loihi1.learning.Rule;
import org.synfire.chip.model.loihi1.learning.StateVariable;

/**
 * The skip of silent epochs ({@link GroupLearning} leaves out {@link RuleEvaluator#applyEpoch} when no term's
 * dependency can hold) against the slow path that visits every synapse every epoch: the same sparse spike
 * trains drive both, and after every timestep weights, delays and tags must be equal, and at the end the two
 * generators must be at the same point of their streams (the skip must not drop or add a draw).
 */
class SilentEpochSkipTest {

    private static final int AXONS = 6;
    private static final int COMPARTMENTS = 5;
    private static final int STEPS = 400;

    private static final Map<StateVariable, TraceSpec> TRACES = Map.of(
            StateVariable.X1, new TraceSpec(40, 3), StateVariable.X2, new TraceSpec(20, 0),
            StateVariable.Y1, new TraceSpec(50, 5), StateVariable.Y2, new TraceSpec(9, 2),
            StateVariable.Y3, new TraceSpec(30, 7), StateVariable.R1, new TraceSpec(1, 0));

    /** Rules with x0- and y0-dependent terms only (the skip applies), and with u_k terms (it must not skip those epochs). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "dw = y0*x0*r1*4 - y0*x0*2",
        "dw = 2^-2*x1*y0 - 2^-3*y1*x0",
        "dw = x0*2^-1 + y0*y3*2^-4",
        "dw = x0*(w-7)*2^-3\ndd = y0*x2*2^-5\ndt = x0*y2*2^-2",
        "dw = u1*w*2^-6 + y0*x1*2^-1",
        "dw = y0*sgn(t)*3 + u3*x0*r0"
    })
    void skippingSilentEpochsChangesNothing(String text) {
        Rule rule = Rule.parse(text);
        SynapseFormat format = new SynapseFormat(WeightSign.EXCITATORY, 8, 6, 4);
        SplittableRandom scenario = new SplittableRandom(text.hashCode());
        for (int tEpoch : new int[] {1, 2, 3}) {
            GroupLearning fast = new GroupLearning(RuleEvaluator.compile(rule, format), tEpoch, AXONS, COMPARTMENTS,
                    TRACES, true);
            GroupLearning slow = new GroupLearning(RuleEvaluator.compile(rule, format), tEpoch, AXONS, COMPARTMENTS,
                    TRACES, false);
            LearningRandom fastRandom = LearningRandom.forCore(7, 3);
            LearningRandom slowRandom = LearningRandom.forCore(7, 3);
            int n = AXONS * COMPARTMENTS;
            int[] pre = new int[n];
            int[] post = new int[n];
            int[] weight = new int[n];
            int[] delay = new int[n];
            int[] tag = new int[n];
            for (int k = 0; k < n; k++) {
                pre[k] = k / COMPARTMENTS;
                post[k] = k % COMPARTMENTS;
                weight[k] = scenario.nextInt(0, 256);
                delay[k] = scenario.nextInt(0, 63);
                tag[k] = scenario.nextInt(-8, 8);
            }
            int[] initial = weight.clone();
            int[][] fastSyn = {weight.clone(), delay.clone(), tag.clone()};
            int[][] slowSyn = {weight.clone(), delay.clone(), tag.clone()};
            int silentEpochs = 0;
            boolean spikedThisEpoch = false;
            for (int t = 0; t < STEPS; t++) {
                // sparse: each element spikes with probability 1/40, so many epochs have no spike at all
                for (int a = 0; a < AXONS; a++) {
                    if (scenario.nextInt(40) == 0) {
                        fast.preSpike(a);
                        slow.preSpike(a);
                        spikedThisEpoch = true;
                    }
                }
                for (int c = 0; c < COMPARTMENTS; c++) {
                    if (scenario.nextInt(40) == 0) {
                        fast.postSpike(c);
                        slow.postSpike(c);
                        spikedThisEpoch = true;
                    }
                }
                if (scenario.nextInt(8) == 0) {
                    fast.rewardSpike();
                    slow.rewardSpike();
                }
                boolean ended = fast.learn(pre, post, fastSyn[0], fastSyn[1], fastSyn[2], fastRandom);
                assertEquals(ended, slow.learn(pre, post, slowSyn[0], slowSyn[1], slowSyn[2], slowRandom));
                for (int v = 0; v < 3; v++) {
                    assertArrayEquals(slowSyn[v], fastSyn[v], text + ", tEpoch " + tEpoch + ", timestep " + t);
                }
                if (ended) {
                    silentEpochs += spikedThisEpoch ? 0 : 1;
                    spikedThisEpoch = false;
                }
            }
            assertEquals(slowRandom.nextLong(), fastRandom.nextLong(), "both generators at the same point");
            assertTrue(silentEpochs > 10, "the scenario has silent epochs to skip: " + silentEpochs);
            assertFalse(Arrays.equals(initial, fastSyn[0]) && Arrays.equals(delay, fastSyn[1])
                    && Arrays.equals(tag, fastSyn[2]), "the rule learned something, so equality means something");
        }
    }
}
