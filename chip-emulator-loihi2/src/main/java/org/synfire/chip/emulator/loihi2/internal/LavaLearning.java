package org.synfire.chip.emulator.loihi2.internal;

import org.synfire.chip.api.network.SignMode;

/**
 * The arithmetic of Lava's bit-approximate learning engine (lava-nc/lava v0.10.0:
 * {@code src/lava/magma/core/learning/constants.py} for the widths, {@code learning_rule_applier.py},
 * {@code LearningRuleApplierBitApprox.apply} for a product, {@code src/lava/magma/core/model/py/connection.py},
 * {@code LearningConnectionModelBitApproximate} for traces, the accumulator and the rounding back,
 * {@code src/lava/magma/core/learning/utils.py}, {@code stochastic_round}). One function per step, in Lava's
 * units. Where Lava rounds stochastically it adds 1 when its random number is below the fraction; the random
 * numbers are the caller's (Lava's own generator cannot be matched), so the result is Lava's exactly where the
 * fraction is 0.
 */
public final class LavaLearning {

    /** Bits of a trace ({@code W_TRACE}): traces are 0 .. 127. */
    public static final int W_TRACE = 7;
    public static final int TRACE_MAX = (1 << W_TRACE) - 1;
    /** Bits of an impulse's fraction ({@code W_TRACE_FRACTIONAL_PART}). */
    public static final int W_TRACE_FRACTION = 8;
    /** Unsigned and signed widths of a weight ({@code W_WEIGHTS_U}, {@code W_WEIGHTS_S}). */
    public static final int W_WEIGHTS_U = 8;
    public static final int W_WEIGHTS_S = W_WEIGHTS_U + 1;
    /** Unsigned and signed widths of a tag ({@code W_TAG_1_U}, {@code W_TAG_1_S}). */
    public static final int W_TAG_1_U = 8;
    public static final int W_TAG_1_S = W_TAG_1_U + 1;
    /** Width of a constant factor ({@code W_CONST}). */
    public static final int W_CONST = 8;
    /** Width of a product's scale mantissa ({@code W_S_MANT}). */
    public static final int W_S_MANT = 4;
    /** Unsigned and signed widths of the accumulator ({@code W_ACCUMULATOR_U}, {@code W_ACCUMULATOR_S}). */
    public static final int W_ACCUMULATOR_U = 15;
    public static final int W_ACCUMULATOR_S = W_ACCUMULATOR_U + 1;
    /** The accumulator's bounds: Lava clips to {@code -2^15 - 1 .. 2^15 - 1} (one below a 16-bit minimum). */
    public static final int ACC_MIN = -(1 << W_ACCUMULATOR_U) - 1;
    public static final int ACC_MAX = (1 << W_ACCUMULATOR_U) - 1;
    /** A weight or tag enters the accumulator shifted left by {@code 16 - 9 = 7}. */
    public static final int VARIABLE_SHIFT = W_ACCUMULATOR_S - W_WEIGHTS_S;
    /** Lava stores a product's exponent plus 7, so the shift after the product is {@code exponent + 7}. */
    public static final int EXPONENT_OFFSET = 7;
    /** Tags are clipped to {@code -2^8 - 1 .. 2^8 - 1} (Lava's dense {@code tag_1} bounds). */
    public static final int TAG_MIN = -(1 << W_TAG_1_U) - 1;
    public static final int TAG_MAX = (1 << W_TAG_1_U) - 1;

    private LavaLearning() {
    }

    /**
     * One timestep of a trace's decay in the epoch's history ({@code _decay_trace} with {@code t = 1}):
     * {@code exp(-1 / tau) * value}, floored, plus 1 if {@code random} (0 .. 1) is below the dropped fraction.
     * Lava leaves a trace with {@code tau = 0} at 0 in every later timestep of the history. The exponential is
     * {@link StrictMath#exp} (fdlibm, the same on every machine); numpy's may differ in its last bit, which moves the
     * fraction by about 1e-16.
     */
    public static int decay(int value, int tau, double random) {
        if (tau == 0) {
            return 0;
        }
        double d = StrictMath.exp(-1.0 / tau) * value;
        double floor = Math.floor(d);
        return (int) floor + (random < d - floor ? 1 : 0);
    }

    /**
     * A spike's impulse ({@code _add_impulse}): {@code value + impulse}, plus 1 if {@code random} (0 .. 127) is below
     * {@code fraction} (in 1/256: Lava compares a 7-bit random number with an 8-bit fraction, so a fraction of 128
     * or more always adds 1), clipped to 0 .. 127.
     */
    public static int addImpulse(int value, int impulse, int fraction, int random) {
        int v = value + impulse + (random < fraction ? 1 : 0);
        return Math.max(0, Math.min(TRACE_MAX, v));
    }

    /** A factor's value clipped to its width: {@code -2^width .. 2^width - 1}. */
    public static int clipFactor(int value, int width) {
        return Math.max(-(1 << width), Math.min((1 << width) - 1, value));
    }

    /**
     * A product's contribution to the accumulator, from {@code mac}, the 32-bit product of its dependency, factors
     * and mantissa (it wraps as Lava's {@code int32} does): shifted right by the widths beyond 15
     * ({@code factorWidths + 4 - 15}, if positive), left by {@code exponent + 7}, and clipped to the accumulator.
     */
    public static int scaleProduct(int mac, int factorWidths, int exponent) {
        int shift = Math.max(0, factorWidths + W_S_MANT - W_ACCUMULATOR_U);
        int scaled = (mac >> shift) << (exponent + EXPONENT_OFFSET);
        return clipAccumulator(scaled);
    }

    /** The accumulator's clip, after each product and after each addition. */
    public static int clipAccumulator(long value) {
        return (int) Math.max(ACC_MIN, Math.min(ACC_MAX, value));
    }

    /** A weight's accumulator before rounding: no clip for mixed weights, 0 or more for excitatory, 0 or less else. */
    public static int saturateWeightAccumulator(int acc, SignMode mode) {
        return switch (mode) {
            case MIXED -> acc;
            case EXCITATORY -> Math.max(0, acc);
            case INHIBITORY -> Math.min(0, acc);
        };
    }

    /**
     * The accumulator back to the variable's bits ({@code _stochastic_round_synaptic_variable}, then the shift right
     * by 7): {@code floor(acc / 128)}, plus 1 if {@code random} (0 .. 1) is below {@code (acc mod 128) / 128}. Lava
     * divides in floating point; the division by 128 is exact, so this is the same.
     */
    public static int roundToVariable(int acc, double random) {
        int low = acc & ((1 << VARIABLE_SHIFT) - 1);
        return (acc >> VARIABLE_SHIFT) + (random < low / (double) (1 << VARIABLE_SHIFT) ? 1 : 0);
    }

    /**
     * A learned weight's clip ({@code clip_weights} with 8 bits): mixed -256 .. 255, excitatory 0 .. 255, inhibitory
     * -255 .. 0.
     */
    public static int clipWeight(int w, SignMode mode) {
        return switch (mode) {
            case MIXED -> Math.max(-(1 << W_WEIGHTS_U), Math.min((1 << W_WEIGHTS_U) - 1, w));
            case EXCITATORY -> Math.max(0, Math.min((1 << W_WEIGHTS_U) - 1, w));
            case INHIBITORY -> Math.max(-((1 << W_WEIGHTS_U) - 1), Math.min(0, w));
        };
    }

    /** A learned tag's clip. */
    public static int clipTag(int tag) {
        return Math.max(TAG_MIN, Math.min(TAG_MAX, tag));
    }
}
