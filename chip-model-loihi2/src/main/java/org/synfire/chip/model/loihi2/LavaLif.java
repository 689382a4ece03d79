package org.synfire.chip.model.loihi2;

import java.util.function.Supplier;

import org.synfire.chip.api.network.Check;
import org.synfire.chip.api.network.NeuronModel;

/**
 * Loihi 2's neuron model as Lava's bit-accurate LIF takes it ({@code PyLifModelBitAcc}, src/lava/proc/lif/models.py,
 * Lava v0.10.0), {@value #MODEL}: Lava's own registers, not Loihi 1's. The current decays by {@code (du + 1) / 4096}
 * (Lava adds the 1), the voltage by {@code dv / 4096}; the neuron spikes if {@code v > vth * 2^6}; the bias is
 * {@code biasMant * 2^biasExp}, and a negative exponent shifts the mantissa right, as Lava's code does (its
 * docstring names 0 .. 7; -7 .. -1 is what its code computes, taken here as given).
 *
 * @param du               current decay, 0 .. 4095 (Lava's 12-bit register)
 * @param dv               voltage decay, 0 .. 4095
 * @param vth              threshold mantissa, 0 .. 131071 (17 bits)
 * @param biasMant         bias mantissa, -4096 .. 4095 (13 bits)
 * @param biasExp          bias exponent, -7 .. 7
 * @param refractoryPeriod timesteps a neuron stays silent after a spike, 0 (Lava's LIF) .. 62; above 0 it is Lava's
 *                         floating-point LIFRefractory in integers, an extrapolation (no public bit-accurate model has
 *                         one)
 */
public record LavaLif(int du, int dv, int vth, int biasMant, int biasExp, int refractoryPeriod)
        implements NeuronModel {

    /** The model's name, as backends' capabilities list it. */
    public static final String MODEL = "lava-lif";
    public static final int MAX_DECAY = 4095;
    public static final int MAX_VTH = 131_071;
    public static final int MIN_BIAS_MANT = -4096;
    public static final int MAX_BIAS_MANT = 4095;
    public static final int MIN_BIAS_EXP = -7;
    public static final int MAX_BIAS_EXP = 7;
    public static final int MAX_REFRACTORY_PERIOD = 62;

    public LavaLif {
        String where = "lava-lif";
        Check.range(where, "du", du, 0, MAX_DECAY);
        Check.range(where, "dv", dv, 0, MAX_DECAY);
        Check.range(where, "vth", vth, 0, MAX_VTH);
        Check.range(where, "refractoryPeriod", refractoryPeriod, 0, MAX_REFRACTORY_PERIOD);
        checkBiasOf(where, biasMant, biasExp);
    }

    private static void checkBiasOf(String where, int mantissa, int exponent) {
        Check.range(where, "biasMant", mantissa, MIN_BIAS_MANT, MAX_BIAS_MANT);
        Check.range(where, "biasExp", exponent, MIN_BIAS_EXP, MAX_BIAS_EXP);
    }

    @Override
    public String modelName() {
        return MODEL;
    }

    @Override
    public LavaLif withBias(int mantissa, int exponent) {
        return new LavaLif(du, dv, vth, mantissa, exponent, refractoryPeriod);
    }

    @Override
    public void checkBias(String where, int mantissa, int exponent) {
        checkBiasOf(where, mantissa, exponent);
    }

    /** A builder starting from Lava's defaults for a quiet neuron: du = dv = 0, vth 0, no bias, no refractory period. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LavaLif}; {@link #build()} validates. */
    public static final class Builder implements Supplier<LavaLif> {
        private int du;
        private int dv;
        private int vth;
        private int biasMant;
        private int biasExp;
        private int refractoryPeriod;

        private Builder() {
        }

        public Builder du(int value) {
            du = value;
            return this;
        }

        public Builder dv(int value) {
            dv = value;
            return this;
        }

        public Builder vth(int value) {
            vth = value;
            return this;
        }

        public Builder bias(int mantissa, int exponent) {
            biasMant = mantissa;
            biasExp = exponent;
            return this;
        }

        public Builder refractoryPeriod(int value) {
            refractoryPeriod = value;
            return this;
        }

        public LavaLif build() {
            return new LavaLif(du, dv, vth, biasMant, biasExp, refractoryPeriod);
        }

        /** {@link #build()}. */
        @Override
        public LavaLif get() {
            return build();
        }
    }
}
