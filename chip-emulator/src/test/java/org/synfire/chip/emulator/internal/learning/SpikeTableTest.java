package org.synfire.chip.emulator.internal.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.model.loihi1.learning.Rule;

/** The fast path (a table of eight changes) against the general path, over every case. */
class SpikeTableTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "dw = y0*x0*r1*4 - y0*x0*2",                       // r1 is a trace: general path only (control)
            "dw = y0*x0*r0*4 - y0*x0*2",                       // the sBP rule with r0 in place of r1
            "dw = x0*3 - y0*2 + r0*x0*y0*5",
            "dw = (x0 + 1)*y0*2^-1 - x0*(r0 - 2)*2^-3",        // fractions: stochastic rounding on both paths
            "dw = -8*2^8*y0*(r0 - 1) + 7*2^8*x0",              // saturating changes
            "dw = x0*y0*2\ndd = x0*3 - y0\ndt = y0*(r0 + 2) - x0*2^-2",
    })
    void fastPathEqualsGeneralPathInEveryCase(String text) {
        Rule rule = Rule.parse(text);
        boolean tabulated = new CompiledSum(rule.dw()).spikeTable() != null;
        if (text.contains("r1")) {
            assertNull(new CompiledSum(rule.dw()).spikeTable(), "a rule reading r1 has no table");
        } else {
            assertNotNull(new CompiledSum(rule.dw()).spikeTable(), "spike-only rule must be tabulated");
        }
        for (WeightSign sign : WeightSign.values()) {
            for (int bits = 1; bits <= 8; bits++) {
                SynapseFormat format = new SynapseFormat(sign, bits, 6, 8);
                // synapses: every weight of the grid x 4 (x0, y0) pairs; axon 1 and compartment 1 spike
                int step = 1 << format.weightShift();
                int weights = (format.maxWeight() - format.minWeight()) / step + 1;
                int n = weights * 4;
                int[] pre = new int[n];
                int[] post = new int[n];
                int[] weight = new int[n];
                int[] delay = new int[n];
                int[] tag = new int[n];
                for (int i = 0; i < n; i++) {
                    pre[i] = i & 1;
                    post[i] = (i >> 1) & 1;
                    weight[i] = format.minWeight() + (i >> 2) * step;
                    delay[i] = (i * 7) % 63;
                    tag[i] = (i * 13) % 256 - 128;
                }
                for (boolean reward : new boolean[] {false, true}) {
                    EpochInputs in = EpochInputs.spikes(1, new long[] {0b10}, new long[] {0b10}, reward, reward ? 1 : 0);
                    int[][] fast = {weight.clone(), delay.clone(), tag.clone()};
                    int[][] general = {weight.clone(), delay.clone(), tag.clone()};
                    LearningRandom fastRandom = LearningRandom.forCore(77, 1);
                    LearningRandom generalRandom = LearningRandom.forCore(77, 1);
                    RuleEvaluator.compile(rule, format).applyEpoch(pre, post, fast[0], fast[1], fast[2], in,
                            fastRandom);
                    RuleEvaluator.compileReference(rule, format).applyEpoch(pre, post, general[0], general[1],
                            general[2], in, generalRandom);
                    String where = text + ", " + format + ", reward " + reward + (tabulated ? "" : " (untabulated)");
                    assertArrayEquals(general[0], fast[0], where + ": weights");
                    assertArrayEquals(general[1], fast[1], where + ": delays");
                    assertArrayEquals(general[2], fast[2], where + ": tags");
                    // and both consumed the same draws
                    assertEquals(generalRandom.nextLong(), fastRandom.nextLong(), where + ": generator");
                }
            }
        }
    }
}
