package org.synfire.chip.emulator.loihi2.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Dependency;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Factor;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Operand;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Product;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Trace;

/** The learning engine's products and arithmetic against Lava's own numbers and hand-worked values. */
class LavaLearningEngineTest {

    /**
     * Lava's {@code TestLearningRuleFixedBitApproxApplier.test_learning_rule_bit_approx_applier}
     * (tests/lava/magma/core/learning/test_learning_rule_applier.py, v0.10.0): the rule
     * {@code x0*(-1)*2^-1*y1 + y0*1*2^1*x1*w + u0*x2 + u0*sgn(w+4)} on 9 post by 5 pre synapses, from the weights
     * themselves as the accumulator (unshifted, as the test passes them), with u = 1. The inputs are the test's
     * {@code np.random.default_rng(seed=0)} draws (x1 at the post spike, x2 at the epoch's end: 5 values 0 .. 16
     * each; y1 at the pre spike: 9 values 0 .. 16; weights 9 x 5 in 0 .. 50), printed with numpy and written out
     * here; the expected matrix is the test's.
     */
    @Test
    void lavasApplierTestNumbers() {
        int[] x0 = {0, 0, 1, 1, 0};
        int[] y0 = {1, 1, 0, 1, 0, 1, 0, 0, 1};
        int[] x1AtPost = {14, 10, 8, 4, 5};
        int[] x2AtEnd = {0, 1, 0, 2, 13};
        int[] y1AtPre = {11, 15, 8, 10, 16, 12, 10, 9, 9};
        int[][] w = {{47, 14, 41, 34, 0}, {20, 43, 28, 1, 39}, {37, 43, 8, 4, 44}, {1, 27, 4, 15, 24},
            {21, 20, 1, 0, 6}, {0, 34, 26, 33, 13}, {31, 38, 19, 23, 50}, {41, 50, 19, 34, 48},
            {33, 42, 35, 35, 19}};
        int[][] expected = {{5295, 1294, 2025, 738, 1792}, {2196, 3627, 988, -575, 3367},
            {165, 299, -376, -124, 1836}, {129, 2331, -252, 15, 2584}, {149, 276, -895, -640, 1798},
            {128, 2850, 922, 673, 2317}, {159, 294, -493, -233, 1842}, {169, 306, -429, -158, 1840},
            {3745, 3626, 1635, 867, 2323}};
        List<Product> dw = List.of(
                new Product(Dependency.X0, -1, -1, List.of(Factor.of(Operand.Y1))),
                new Product(Dependency.Y0, 1, 1, List.of(Factor.of(Operand.X1), Factor.of(Operand.W))),
                new Product(Dependency.U, 1, 0, List.of(Factor.of(Operand.X2))),
                new Product(Dependency.U, 1, 0, List.of(new Factor(Operand.W, 4, true))));
        Trace some = new Trace(1, 0, 0); // traces the rule reads
        LavaRule rule = new LavaRule(dw, List.of(), 1, 0, some, some, some, Trace.NONE, Trace.NONE, Trace.NONE);
        int pre = 5;
        int post = 9;
        int[] synPre = new int[pre * post];
        int[] synPost = new int[pre * post];
        int[] weights = new int[pre * post];
        for (int j = 0; j < post; j++) {
            for (int i = 0; i < pre; i++) {
                synPre[j * pre + i] = i;
                synPost[j * pre + i] = j;
                weights[j * pre + i] = w[j][i];
            }
        }
        LavaLearningEngine engine = new LavaLearningEngine(rule, pre, post, synPre, synPost, weights,
                new int[pre * post], SignMode.MIXED, new SplittableRandom(1));
        // tEpoch 1: every spike at within-epoch time 1, every trace read at history index 1
        int[] x1History = new int[2 * pre];
        int[] x2History = new int[2 * pre];
        int[] y1History = new int[2 * post];
        System.arraycopy(x1AtPost, 0, x1History, pre, pre);
        System.arraycopy(x2AtEnd, 0, x2History, pre, pre);
        System.arraycopy(y1AtPre, 0, y1History, post, post);
        engine.load(x0, y0, new int[][] {x1History, x2History}, new int[][] {y1History, null, null});
        int[] got = new int[pre * post];
        int[] want = new int[pre * post];
        for (int q = 0; q < got.length; q++) {
            got[q] = engine.accumulateWeight(q, weights[q], 1);
            want[q] = expected[synPost[q]][synPre[q]];
        }
        assertArrayEquals(want, got);
    }

    /**
     * Hand-worked: a product's widths beyond 15 bits shift it right before its exponent. {@code 2^-3 * y1 * w} with
     * y1 = 16, w = 64: widths 7 + 9 + 4 = 20, so {@code (16 * 64) >> 5 = 32}, then {@code << (-3 + 7)} = 512 in the
     * accumulator, 4 weight units (not 128, the product's value). With w = 65 the product is 1040 >> 5 = 32 as well:
     * the low bits are gone before the scale.
     */
    @Test
    void widthsBeyond15BitsShiftTheProductFirst() {
        assertEquals(512, LavaLearning.scaleProduct(16 * 64, 7 + 9, -3));
        assertEquals(512, LavaLearning.scaleProduct(16 * 65, 7 + 9, -3));
        // 12 bits (x0, r1 and the mantissa, the sBP rule's first term): no shift, r1 * 4 weight units
        assertEquals(20 * 4 << 7, LavaLearning.scaleProduct(20 * 4, 1 + 7, 0));
        // the clip: -(2^15) - 1 .. 2^15 - 1
        assertEquals(32767, LavaLearning.scaleProduct(127 * 7, 7, 8));
        assertEquals(-32769, LavaLearning.scaleProduct(-127 * 8, 7, 8));
    }

    /** Hand-worked from Lava's formulas: the rounding back, the impulse, the decay and the clips. */
    @Test
    void roundingImpulseAndDecayFollowLava() {
        // 3328 / 128 = 26 exactly: no random number changes it
        assertEquals(26, LavaLearning.roundToVariable(3328, 0.0));
        assertEquals(26, LavaLearning.roundToVariable(3328, 0.999));
        // -100 / 128 = -0.78125: floor -1, fraction 0.21875 (Lava's x % 1 of a negative x is positive)
        assertEquals(0, LavaLearning.roundToVariable(-100, 0.2));
        assertEquals(-1, LavaLearning.roundToVariable(-100, 0.25));
        // the impulse's fraction is in 1/256 and the random number 0 .. 127: a fraction of 128 always adds 1
        assertEquals(21, LavaLearning.addImpulse(10, 10, 128, 127));
        assertEquals(20, LavaLearning.addImpulse(10, 10, 0, 0));
        assertEquals(127, LavaLearning.addImpulse(120, 16, 0, 0));
        // 16 * exp(-1/20) = 15.2196: 15, or 16 if the random number is below 0.2196
        assertEquals(15, LavaLearning.decay(16, 20, 0.3));
        assertEquals(16, LavaLearning.decay(16, 20, 0.2));
        // tau 0: Lava leaves the history at 0
        assertEquals(0, LavaLearning.decay(100, 0, 0.0));
        assertEquals(255, LavaLearning.clipWeight(300, SignMode.EXCITATORY));
        assertEquals(0, LavaLearning.clipWeight(-3, SignMode.EXCITATORY));
        assertEquals(-255, LavaLearning.clipWeight(-300, SignMode.INHIBITORY));
        assertEquals(-256, LavaLearning.clipWeight(-300, SignMode.MIXED));
        assertEquals(-257, LavaLearning.clipTag(-1000));
    }
}
