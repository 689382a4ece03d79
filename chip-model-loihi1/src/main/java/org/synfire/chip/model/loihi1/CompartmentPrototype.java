package org.synfire.chip.model.loihi1;

import java.util.function.Supplier;

import org.synfire.chip.api.network.Check;
import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.NeuronModel;

/**
 * Loihi 1's neuron model, {@value #MODEL}: the registers every compartment of a group shares (current-based LIF,
 * Loihi-1 units). The bias is the group's default: a {@code CompartmentGroup} may give each compartment a bias
 * mantissa and exponent of its own ({@link #bias(CompartmentGroup, int)}).
 *
 * @param dU                 current decay, 4096 / tau: 0 .. 4096 (the chip decays by at least 1/4096)
 * @param dV                 voltage decay, 0 .. 4096 (4096 empties the voltage every timestep)
 * @param vThMant            threshold mantissa, 0 .. 131071; the compartment spikes if {@code v > vThMant * 2^6}
 * @param biasMant           bias mantissa, -4096 .. 4095
 * @param biasExp            bias exponent, 0 .. 7; the bias is {@code biasMant * 2^biasExp}
 * @param refractoryDelay    1 .. 63; after a spike the compartment is silent for {@code refractoryDelay - 1} timesteps
 * @param learningSeesSpikes whether learning engines see this compartment's spikes (as x0/y0)
 */
public record CompartmentPrototype(int dU, int dV, int vThMant, int biasMant, int biasExp, int refractoryDelay,
        boolean learningSeesSpikes) implements NeuronModel {

    /** The model's name, as backends' capabilities list it. */
    public static final String MODEL = "loihi1-cuba-lif";

    public static final int MAX_DECAY = 4096;
    public static final int MAX_VTH_MANT = 131_071;
    public static final int MIN_BIAS_MANT = -4096;
    public static final int MAX_BIAS_MANT = 4095;
    public static final int MAX_BIAS_EXP = 7;
    public static final int MAX_REFRACTORY_DELAY = 63;

    public CompartmentPrototype {
        String where = "compartment prototype";
        Check.range(where, "dU", dU, 0, MAX_DECAY);
        Check.range(where, "dV", dV, 0, MAX_DECAY);
        Check.range(where, "vThMant", vThMant, 0, MAX_VTH_MANT);
        Check.range(where, "biasMant", biasMant, MIN_BIAS_MANT, MAX_BIAS_MANT);
        Check.range(where, "biasExp", biasExp, 0, MAX_BIAS_EXP);
        Check.range(where, "refractoryDelay", refractoryDelay, 1, MAX_REFRACTORY_DELAY);
    }

    /**
     * The bias added to the current every timestep, {@code biasMant * 2^biasExp} (of every compartment of a group
     * that has no bias per compartment).
     */
    public int bias() {
        return biasMant << biasExp;
    }

    /**
     * The bias compartment {@code i} of {@code group} (a group of this model) adds to its current every timestep,
     * {@code biasMant(i) * 2^biasExp(i)}.
     */
    public static int bias(CompartmentGroup group, int i) {
        return group.biasMant(i) << group.biasExp(i);
    }

    @Override
    public String modelName() {
        return MODEL;
    }

    @Override
    public CompartmentPrototype withBias(int mantissa, int exponent) {
        return new CompartmentPrototype(dU, dV, vThMant, mantissa, exponent, refractoryDelay, learningSeesSpikes);
    }

    @Override
    public void checkBias(String where, int mantissa, int exponent) {
        Check.range(where, "biasMant", mantissa, MIN_BIAS_MANT, MAX_BIAS_MANT);
        Check.range(where, "biasExp", exponent, 0, MAX_BIAS_EXP);
    }

    /**
     * The Loihi-1 parameters of {@code group}'s neurons.
     *
     * @param reader who reads them, for the message, e.g. {@code backend loihi1}
     * @throws IllegalArgumentException if the group's neurons are of another model, naming the reader
     */
    public static CompartmentPrototype of(CompartmentGroup group, String reader) {
        if (group.prototype() instanceof CompartmentPrototype p) {
            return p;
        }
        throw new IllegalArgumentException(reader + ": neuron model " + group.prototype().modelName()
                + " is not supported (group " + group.name() + "); it takes " + MODEL);
    }

    /** A builder starting from a memoryless compartment (dU = dV = 4096), threshold 0, no bias, no dead time. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a prototype; {@link #build()} validates. */
    public static final class Builder implements Supplier<CompartmentPrototype> {
        private int dU = MAX_DECAY;
        private int dV = MAX_DECAY;
        private int vThMant;
        private int biasMant;
        private int biasExp;
        private int refractoryDelay = 1;
        private boolean learningSeesSpikes = true;

        private Builder() {
        }

        public Builder dU(int value) {
            dU = value;
            return this;
        }

        public Builder dV(int value) {
            dV = value;
            return this;
        }

        public Builder vThMant(int value) {
            vThMant = value;
            return this;
        }

        public Builder bias(int mantissa, int exponent) {
            biasMant = mantissa;
            biasExp = exponent;
            return this;
        }

        public Builder refractoryDelay(int value) {
            refractoryDelay = value;
            return this;
        }

        public Builder learningSeesSpikes(boolean value) {
            learningSeesSpikes = value;
            return this;
        }

        public CompartmentPrototype build() {
            return new CompartmentPrototype(dU, dV, vThMant, biasMant, biasExp, refractoryDelay, learningSeesSpikes);
        }

        /** {@link #build()}. */
        @Override
        public CompartmentPrototype get() {
            return build();
        }
    }
}
