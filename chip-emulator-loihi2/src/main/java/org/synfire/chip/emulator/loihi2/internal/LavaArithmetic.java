package org.synfire.chip.emulator.loihi2.internal;

import org.synfire.chip.api.network.SignMode;

/**
 * Loihi 2's integer arithmetic as Lava's bit-accurate CPU models compute it (lava-nc/lava v0.10.0:
 * {@code src/lava/proc/lif/models.py}, {@code AbstractPyLifModelFixed} and {@code PyLifModelBitAcc};
 * {@code src/lava/proc/dense/models.py}, {@code AbstractPyDenseModelBitAcc} and {@code PyDelayDenseModelBitAcc};
 * {@code src/lava/utils/weightutils.py}, {@code clip_weights} and {@code truncate_weights}). One function per step,
 * all in Lava's units (du and dv are Lava's 12-bit registers, not Loihi 1's). Java's {@code int} wraps at 32 bits
 * like the numpy {@code int32} arrays Lava keeps its state and messages in, so the sums below wrap where Lava's do.
 */
public final class LavaArithmetic {

    /** Decays are fractions of 2^12. */
    public static final int DECAY_SHIFT = 12;
    public static final int DECAY_UNITY = 1 << DECAY_SHIFT;
    /** Lava's {@code ds_offset}: the effective current decay is {@code du + 1}. */
    public static final int CURRENT_DECAY_OFFSET = 1;
    /** Synaptic input and the threshold are shifted left by 6 to align them with the 24-bit state. */
    public static final int ACTIVATION_SHIFT = 6;
    public static final int THRESHOLD_SHIFT = 6;
    /** {@code max_uv_val}: the current wraps above it and at or below its negative; the voltage is clipped. */
    public static final int MAX_UV = 1 << 23;
    /** The voltage is clipped to {@code -(2^23 - 1) .. 2^23 - 1} (symmetric, unlike Loihi 1's {@code -2^23}). */
    public static final int V_MIN = -(MAX_UV - 1);
    public static final int V_MAX = MAX_UV - 1;
    /** DelayDense holds delays of 6 bits. */
    public static final int MAX_DELAY = 63;

    private LavaArithmetic() {
    }

    /**
     * {@code x * (4096 - d) / 4096} rounded toward zero: the product's magnitude shifted right by 12, its sign kept.
     */
    public static int decay(int x, int d) {
        long p = (long) x * (DECAY_UNITY - d);
        return (int) (p >= 0 ? p >> DECAY_SHIFT : -((-p) >> DECAY_SHIFT));
    }

    /**
     * The new current: {@code decay(u, du + 1) + (a << 6)}, wrapped once into {@code -2^23 + 1 .. 2^23}: a sum above
     * {@code 2^23} loses {@code 2^24}, a sum at or below {@code -2^23} gains it.
     */
    public static int current(int u, int du, int a) {
        int sum = decay(u, du + CURRENT_DECAY_OFFSET) + (a << ACTIVATION_SHIFT);
        return wrapCurrent(sum);
    }

    /** Lava's one-time wrap of the current (not a modulo: 2^23 itself stays). */
    public static int wrapCurrent(int sum) {
        if (sum > MAX_UV) {
            return sum - 2 * MAX_UV;
        }
        if (sum <= -MAX_UV) {
            return sum + 2 * MAX_UV;
        }
        return sum;
    }

    /** The new voltage: {@code decay(v, dv) + u + bias}, clipped to {@code -(2^23 - 1) .. 2^23 - 1}. */
    public static int voltage(int v, int dv, int u, int bias) {
        int sum = decay(v, dv) + u + bias;
        return Math.max(V_MIN, Math.min(V_MAX, sum));
    }

    /** The bias: {@code mant << exp}, or {@code mant >> -exp} (arithmetic, toward minus infinity) for a negative one. */
    public static int bias(int mant, int exp) {
        return exp >= 0 ? mant << exp : mant >> -exp;
    }

    /** The threshold the voltage must exceed (strictly): {@code vth << 6}. */
    public static int threshold(int vth) {
        return vth << THRESHOLD_SHIFT;
    }

    /**
     * The weight Dense keeps: clipped to its sign mode's 8-bit range (mixed -256 .. 255, excitatory 0 .. 255,
     * inhibitory -255 .. 0), then its low bits dropped to {@code weightBits} bits (plus one for mixed weights, whose
     * sign takes a bit) by an arithmetic shift of the weight, or of its magnitude for inhibitory weights (so mixed
     * weights round toward minus infinity, inhibitory ones toward zero).
     */
    public static int storedWeight(int w, SignMode mode, int weightBits) {
        int x = mode == SignMode.INHIBITORY ? -w : w;
        int min = mode == SignMode.MIXED ? -256 : 0;
        x = Math.max(min, Math.min(255, x));
        int s = 8 - weightBits + (mode == SignMode.MIXED ? 1 : 0);
        x = (x >> s) << s;
        return mode == SignMode.INHIBITORY ? -x : x;
    }

    /**
     * A connection's output for one timestep: the weighted sum of its input scaled once by the weight exponent,
     * {@code acc << e}, or {@code acc >> -e} (floor) for a negative exponent.
     */
    public static int scaleSum(int acc, int exponent) {
        return exponent >= 0 ? acc << exponent : acc >> -exponent;
    }
}
