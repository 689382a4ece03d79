package org.synfire.chip.emulator.internal;

import static org.synfire.chip.emulator.internal.Loihi1Constants.DECAY_ONE;
import static org.synfire.chip.emulator.internal.Loihi1Constants.DECAY_SHIFT;
import static org.synfire.chip.emulator.internal.Loihi1Constants.MIN_DU;
import static org.synfire.chip.emulator.internal.Loihi1Constants.Q_BITS;
import static org.synfire.chip.emulator.internal.Loihi1Constants.U_BITS;
import static org.synfire.chip.emulator.internal.Loihi1Constants.V_MAX;
import static org.synfire.chip.emulator.internal.Loihi1Constants.V_MIN;
import static org.synfire.chip.emulator.internal.Loihi1Constants.WEIGHT_SCALE_SHIFT;

/** The integer steps of a Loihi-1 compartment, one function per step of the semantics page. */
public final class Arithmetic {

    private Arithmetic() {
    }

    /** The low 22 bits of {@code x} as a two's complement number. */
    public static int wrapQ(int x) {
        return (x << (32 - Q_BITS)) >> (32 - Q_BITS);
    }

    /** The low 24 bits of {@code x} as a two's complement number. */
    public static int wrap24(int x) {
        return (x << (32 - U_BITS)) >> (32 - U_BITS);
    }

    /** {@code sgn(x) * ((|x| * (4096 - decay)) >> 12)}: decay rounded toward zero. */
    public static int decay(int x, int decay) {
        long m = ((long) Math.abs(x) * (DECAY_ONE - decay)) >> DECAY_SHIFT;
        return (int) (x < 0 ? -m : m);
    }

    /** Step 2: the new current from the old one and this timestep's input {@code q}. */
    public static int current(int u, int dU, int q) {
        return wrap24(decay(u, Math.max(dU, MIN_DU)) + q);
    }

    /** Step 4 (not refractory): the new voltage, saturated to 24 bits. */
    public static int voltage(int v, int dV, int u2) {
        long x = (long) decay(v, dV) + u2;
        return (int) Math.max(V_MIN, Math.min(V_MAX, x));
    }

    /** {@code floor(w * 2^exponent) * 2^6}, the value a weight mantissa adds to its target's input. */
    public static int effectiveWeight(int w, int exponent) {
        int scaled = exponent >= 0 ? w << exponent : w >> -exponent;
        return scaled << WEIGHT_SCALE_SHIFT;
    }
}
