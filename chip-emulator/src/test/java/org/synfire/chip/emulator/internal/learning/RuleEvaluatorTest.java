package org.synfire.chip.emulator.internal.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synfire.chip.model.loihi1.learning.Rule;

/** Every expectation below is worked out by hand from the spec's learning-engine and synapse rules. */
class RuleEvaluatorTest {

    private static final SynapseFormat MIXED8 = new SynapseFormat(WeightSign.MIXED, 8, 6, 8);
    private static final SynapseFormat EXC8 = new SynapseFormat(WeightSign.EXCITATORY, 8, 6, 8);
    private static final String SBP = "dw = y0*x0*r1*4 - y0*x0*2";

    /** One synapse (axon 0 -> compartment 0) with the given state; returns {weight, delay, tag} after one epoch. */
    private static int[] once(String rule, SynapseFormat format, int w, int d, int t, boolean x0, boolean y0,
            boolean r0, int r1, int[] traces, long epoch, LearningRandom random) {
        int[] weight = {w};
        int[] delay = {d};
        int[] tag = {t};
        EpochInputs in = new EpochInputs(epoch, new long[] {x0 ? 1 : 0}, new long[] {y0 ? 1 : 0}, r0, r1,
                new int[] {traces[0]}, new int[] {traces[1]}, new int[] {traces[2]}, new int[] {traces[3]},
                new int[] {traces[4]});
        RuleEvaluator.compile(Rule.parse(rule), format).applyEpoch(new int[] {0}, new int[] {0}, weight, delay, tag,
                in, random);
        return new int[] {weight[0], delay[0], tag[0]};
    }

    private static int weightAfter(String rule, SynapseFormat format, int w, boolean x0, boolean y0, boolean r0,
            int r1) {
        return once(rule, format, w, 0, 0, x0, y0, r0, r1, new int[5], 1, LearningRandom.forCore(1, 0))[0];
    }

    @Test
    void sbpRuleMovesTheWeightByTwoBothWays() {
        // pre and post with reward in the epoch: r1 = 1 -> 4*1 - 2 = +2
        assertEquals(12, weightAfter(SBP, MIXED8, 10, true, true, true, 1));
        // pre and post without reward: r1 = 0 -> 0 - 2 = -2
        assertEquals(8, weightAfter(SBP, MIXED8, 10, true, true, false, 0));
        // no pre/post pair: every term holds x0*y0 = 0
        assertEquals(10, weightAfter(SBP, MIXED8, 10, true, false, true, 1));
        assertEquals(10, weightAfter(SBP, MIXED8, 10, false, true, true, 1));
        assertEquals(10, weightAfter(SBP, MIXED8, 10, false, false, true, 1));
        // negative weights step by 2 too: -10 + 2 = -8, -10 - 2 = -12
        assertEquals(-8, weightAfter(SBP, MIXED8, -10, true, true, true, 1));
        assertEquals(-12, weightAfter(SBP, MIXED8, -10, true, true, false, 0));
    }

    @Test
    void sbpRuleNeverDrawsFromTheGenerator() {
        LearningRandom used = LearningRandom.forCore(42, 3);
        for (int w = -256; w <= 254; w += 2) {
            once(SBP, MIXED8, w, 0, 0, true, true, w % 4 == 0, w % 4 == 0 ? 1 : 0, new int[5], 1, used);
        }
        // the stream is where a fresh one starts: no rounding happened
        assertEquals(LearningRandom.forCore(42, 3).nextLong(), used.nextLong());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // rule; expected weight from w = 20, d = 5, t = -3, x1..y3 = 5 7 3 9 11, r1 = 13, x0 = y0 = r0 = 1
            "dw = x0;              21",   // 20 + 1
            "dw = x0*y0;           21",   // y0 = 1
            "dw = x0*r0;           21",   // r0 = 1
            "dw = x0*x1;           25",   // 20 + 5
            "dw = x0*x2;           27",   // 20 + 7
            "dw = x0*y1;           23",   // 20 + 3
            "dw = x0*y2;           29",   // 20 + 9
            "dw = x0*y3;           31",   // 20 + 11
            "dw = x0*r1;           33",   // 20 + 13
            "dw = x0*w;            40",   // 20 + 20
            "dw = x0*d;            25",   // 20 + 5
            "dw = x0*t;            17",   // 20 - 3
            "dw = x0*(x1 - 2);     23",   // 20 + (5 - 2)
            "dw = x0*(4 + y2);     33",   // 20 + (4 + 9)
            "dw = x0*(w - 30);     10",   // 20 + (20 - 30)
            "dw = x0*sgn(t);       19",   // sgn(-3) = -1
            "dw = x0*sgn(w - 20);  20",   // sgn(0) = 0
            "dw = x0*sgn(d + 1);   21",   // sgn(6) = 1
            "dw = 2^2*x0;          24",   // 4 * 1
            "dw = -2*2^3*x0;        4",   // 20 - 16
            "dw = y0*x1*y1 - x0*2; 33",   // 5*3 - 2 = 13
            "dw = x0*(r0 - 1)*5;   20",   // (1 - 1) * 5 = 0
    })
    void evaluatesEveryFactorKind(String rule, int expected) {
        int[] after = once(rule, EXC8, 20, 5, -3, true, true, true, 13, new int[] {5, 7, 3, 9, 11}, 1,
                LearningRandom.forCore(1, 0));
        assertEquals(expected, after[0]);
    }

    @Test
    void aTermCountsOnlyWhereItsDependencyHolds() {
        int[] traces = {5, 7, 3, 9, 11};
        // y0*x1: only a presynaptic spike -> y0 = 0 -> unchanged
        assertEquals(20, once("dw = y0*x1", EXC8, 20, 0, 0, true, false, false, 0, traces, 1,
                LearningRandom.forCore(1, 0))[0]);
        // the same with a postsynaptic spike: 20 + 5
        assertEquals(25, once("dw = y0*x1", EXC8, 20, 0, 0, false, true, false, 0, traces, 1,
                LearningRandom.forCore(1, 0))[0]);
    }

    @Test
    void epochCounterHoldsEveryTwoToTheKEpochs() {
        // u2*3 without any spike: +3 in epochs 4 and 8 only -> 100, 100, 100, 103, 103, 103, 103, 106
        int[] weight = {100};
        RuleEvaluator rule = RuleEvaluator.compile(Rule.parse("dw = u2*3"), EXC8);
        int[] expected = {100, 100, 100, 103, 103, 103, 103, 106};
        for (int epoch = 1; epoch <= 8; epoch++) {
            rule.applyEpoch(new int[] {0}, new int[] {0}, weight, null, null,
                    EpochInputs.spikes(epoch, new long[1], new long[1], false, 0), LearningRandom.forCore(1, 0));
            assertEquals(expected[epoch - 1], weight[0], "epoch " + epoch);
        }
        // u0 holds in every epoch, and as a later factor u_k is a 0/1 gate: x0*u1*2 adds 2 in even epochs only
        assertEquals(22, once("dw = x0*u1*2", EXC8, 20, 0, 0, true, false, false, 0, new int[5], 2,
                LearningRandom.forCore(1, 0))[0]);
        assertEquals(20, once("dw = x0*u1*2", EXC8, 20, 0, 0, true, false, false, 0, new int[5], 3,
                LearningRandom.forCore(1, 0))[0]);
    }

    @ParameterizedTest(name = "{0} {1} bits: {2} + {3} -> {4}")
    @CsvSource({
            // sign, bits, w, change (scale of x0), expected   (s = 8 - (bits - isMixed); range; w = (w >> s) << s)
            "MIXED,       8,  250,   8,  254",   // 258 saturates at 256 - 2^1
            "MIXED,       8, -250,  -8, -256",   // -258 saturates at -256
            "EXCITATORY,  8,  250,   8,  255",   // 258 saturates at 255
            "EXCITATORY,  8,    4,  -8,    0",   // -4 saturates at 0
            "INHIBITORY,  8,   -4,   8,    0",   // 4 saturates at 0
            "INHIBITORY,  8, -250,  -8, -256",   // -258 saturates at -256
            "INHIBITORY,  8,  -10,   3,   -7",   // s = 0: every integer is a weight
            "MIXED,       6,   16,   7,   16",   // s = 3: 23 -> (23 >> 3) << 3 = 16
            "MIXED,       6,   16,   8,   24",   // 24 is on the grid of 8
            "MIXED,       6,   16,  -1,    8",   // 15 -> 8 (toward minus infinity)
            "MIXED,       6,  -16,  -1,  -24",   // -17 -> (-17 >> 3) << 3 = -24
            "MIXED,       6,  240,   7,  240",   // 247 -> (247 >> 3) << 3 = 240
            "MIXED,       6,  240,  16,  248",   // 256 saturates at 256 - 2^3 = 248
            "EXCITATORY,  4,   32,   7,   32",   // s = 4: 39 -> 32
            "EXCITATORY,  4,  224, -16,  208",   // 208 is on the grid of 16
            "EXCITATORY,  4,  224,  32,  240",   // 256 saturates at 256 - 2^4 = 240
    })
    void roundsToTheWeightWidthAndSaturatesToTheSignMode(String sign, int bits, int w, int change, int expected) {
        SynapseFormat format = new SynapseFormat(WeightSign.valueOf(sign), bits, 6, 8);
        assertEquals(expected, weightAfter("dw = " + change + "*x0", format, w, true, false, false, 0));
    }

    @Test
    void weightRangesOfEveryWidth() {
        // s = 8 - (bits - isMixed): mixed 1 bit -> s = 8: weights {-256, 0}; excitatory 1 bit -> s = 7: {0, 128}
        assertEquals(0, new SynapseFormat(WeightSign.MIXED, 1, 0, 0).maxWeight());
        assertEquals(-256, new SynapseFormat(WeightSign.MIXED, 1, 0, 0).minWeight());
        assertEquals(128, new SynapseFormat(WeightSign.EXCITATORY, 1, 0, 0).maxWeight());
        assertEquals(248, new SynapseFormat(WeightSign.MIXED, 6, 0, 0).maxWeight());
        // a +224 change on a 1-bit excitatory weight: 0 + 224 -> 128 (clamp to 128, on the grid of 128)
        assertEquals(128, weightAfter("dw = x0*2^5*7", new SynapseFormat(WeightSign.EXCITATORY, 1, 0, 0), 0,
                true, false, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new SynapseFormat(WeightSign.MIXED, 9, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SynapseFormat(WeightSign.MIXED, 8, 7, 0));
    }

    @Test
    void learnsDelaysWithinTheirWidth() {
        int[] none = new int[5];
        // dd = 2*x0: 5 -> 7
        assertEquals(7, once("dd = 2*x0", MIXED8, 0, 5, 0, true, false, false, 0, none, 1,
                LearningRandom.forCore(1, 0))[1]);
        // 6 delay bits: at most 62, not 63
        assertEquals(62, once("dd = 2*x0", MIXED8, 0, 61, 0, true, false, false, 0, none, 1,
                LearningRandom.forCore(1, 0))[1]);
        // 3 delay bits: at most 2^3 - 1 = 7
        assertEquals(7, once("dd = 2*x0", new SynapseFormat(WeightSign.MIXED, 8, 3, 8), 0, 6, 0, true, false,
                false, 0, none, 1, LearningRandom.forCore(1, 0))[1]);
        // never below 0: 1 - 3 -> 0
        assertEquals(0, once("dd = -3*x0", MIXED8, 0, 1, 0, true, false, false, 0, none, 1,
                LearningRandom.forCore(1, 0))[1]);
        // the weight is left alone by a delay-only rule
        assertEquals(40, once("dd = -3*x0", MIXED8, 40, 1, 0, true, false, false, 0, none, 1,
                LearningRandom.forCore(1, 0))[0]);
    }

    @Test
    void learnsTagsWithinTheirWidth() {
        int[] none = new int[5];
        // dt = y0*(t + 1): 100 + 101 = 201 -> 127 (8-bit signed)
        assertEquals(127, once("dt = y0*(t + 1)", MIXED8, 0, 0, 100, false, true, false, 0, none, 1,
                LearningRandom.forCore(1, 0))[2]);
        // dt = -2*y0*(t + 1): -100 - 2*(-99) = 98
        assertEquals(98, once("dt = -2*y0*(t + 1)", MIXED8, 0, 0, -100, false, true, false, 0, none, 1,
                LearningRandom.forCore(1, 0))[2]);
        // 4 tag bits: -8 .. 7; -5 - 6 = -11 -> -8
        assertEquals(-8, once("dt = -6*y0", new SynapseFormat(WeightSign.MIXED, 8, 6, 4), 0, 0, -5, false, true,
                false, 0, none, 1, LearningRandom.forCore(1, 0))[2]);
        // all three at once, each from the values before the update
        int[] after = once("dw = x0*t*2\ndd = x0*(t + 8)\ndt = x0*2", MIXED8, 10, 1, 3, true, false, false, 0, none,
                1, LearningRandom.forCore(1, 0));
        // w = 10 + 3*2 = 16; d = 1 + (3 + 8) = 12; t = 3 + 2 = 5
        assertEquals(16, after[0]);
        assertEquals(12, after[1]);
        assertEquals(5, after[2]);
        assertThrows(IllegalArgumentException.class,
                () -> RuleEvaluator.compile(Rule.parse("dt = x0"), new SynapseFormat(WeightSign.MIXED, 8, 6, 0)));
    }

    @Test
    void fractionalChangesRoundStochasticallyWithTheMeanOfTheExactChange() {
        // dw = 3*2^-2*x0 = 0.75 per epoch on an excitatory 8-bit weight (step 1): each synapse becomes
        // 100 or 101; over 20000 synapses the mean is 100.75 (binomial sd of the mean ~0.003)
        int n = 20_000;
        int[] weight = new int[n];
        Arrays.fill(weight, 100);
        int[] zero = new int[n];
        RuleEvaluator.compile(Rule.parse("dw = 3*2^-2*x0"), EXC8).applyEpoch(zero, zero, weight, null, null,
                EpochInputs.spikes(1, new long[] {1}, new long[] {0}, false, 0), LearningRandom.forCore(9, 0));
        long sum = 0;
        for (int w : weight) {
            assertTrue(w == 100 || w == 101, "weight " + w);
            sum += w;
        }
        assertEquals(100.75, (double) sum / n, 0.02);
        // a negative fraction: -0.25 -> 99 or 100, mean 99.75
        Arrays.fill(weight, 100);
        RuleEvaluator.compile(Rule.parse("dw = -2^-2*x0"), EXC8).applyEpoch(zero, zero, weight, null, null,
                EpochInputs.spikes(1, new long[] {1}, new long[] {0}, false, 0), LearningRandom.forCore(9, 0));
        assertEquals(99.75, Arrays.stream(weight).average().orElseThrow(), 0.02);
    }

    @Test
    void sameSeedSameResultOtherSeedOtherResult() {
        int[] a = fractionalRun(5);
        int[] b = fractionalRun(5);
        int[] c = fractionalRun(6);
        assertEquals(Arrays.toString(a), Arrays.toString(b));
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
    }

    private static int[] fractionalRun(long seed) {
        int[] weight = new int[64];
        int[] zero = new int[64];
        RuleEvaluator.compile(Rule.parse("dw = 2^-1*x0"), EXC8).applyEpoch(zero, zero, weight, null, null,
                EpochInputs.spikes(1, new long[] {1}, new long[] {0}, false, 0), LearningRandom.forCore(seed, 0));
        return weight;
    }

    @Test
    void refusesMissingInputs() {
        RuleEvaluator stdp = RuleEvaluator.compile(Rule.parse("dw = x0*y1"), EXC8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> stdp.applyEpoch(new int[1], new int[1], new int[1], null, null,
                        EpochInputs.spikes(1, new long[1], new long[1], false, 0), LearningRandom.forCore(1, 0)));
        assertTrue(e.getMessage().contains("y1"), e.getMessage());
        RuleEvaluator delay = RuleEvaluator.compile(Rule.parse("dd = x0"), EXC8);
        assertThrows(IllegalArgumentException.class, () -> delay.applyEpoch(new int[1], new int[1], new int[1], null,
                null, EpochInputs.spikes(1, new long[1], new long[1], false, 0), LearningRandom.forCore(1, 0)));
    }

    @org.junit.jupiter.api.Test
    void uBitsAreTheUkThatHoldInAnEpoch() {
        // against the definition, epoch by epoch: u_k holds in epochs 0, 2^k, 2 * 2^k, ...
        for (long epoch = 0; epoch < 5000; epoch++) {
            int expected = 0;
            for (int k = 0; k < 10; k++) {
                expected |= EpochClock.u(k, epoch) ? 1 << k : 0;
            }
            assertEquals(expected, RuleEvaluator.uBits(epoch), "epoch " + epoch);
        }
        assertEquals(0b11, RuleEvaluator.uBits(6)); // 6 = 2 * 3: u0 and u1
        assertEquals(0x3FF, RuleEvaluator.uBits(1L << 40));
    }
}
