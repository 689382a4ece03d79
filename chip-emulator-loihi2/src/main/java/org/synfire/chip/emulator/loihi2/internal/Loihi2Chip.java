package org.synfire.chip.emulator.loihi2.internal;

import java.util.List;

import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.spi.BackendCapabilities;
import org.synfire.chip.api.spi.BackendCapabilities.Feature;
import org.synfire.chip.api.spi.BackendCapabilities.Resource;
import org.synfire.chip.api.spi.BackendCapabilities.WeightFormat;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.Loihi1Model;
import org.synfire.chip.model.loihi2.LavaLif;

/**
 * A Loihi 2 chip's resources, from Intel's public figures, and what the {@code loihi2} backend can run on it. Where
 * Intel gives a figure per chip only, the per-core value the mapper uses is derived from it and says so.
 */
public final class Loihi2Chip {

    /** Intel Labs, "Taking Neuromorphic Computing to the Next Level with Loihi 2", technology brief, 2021. */
    public static final String BRIEF = "Intel Labs, Loihi 2 technology brief (2021)";

    /** Neuron cores per chip (brief). */
    public static final int CORES_PER_CHIP = 128;
    /** Neurons per chip: "up to 1 million" (brief); 2^20 is 8192 per core. */
    public static final int NEURONS_PER_CHIP = 1 << 20;
    /** Compartments the mapper puts on one core: the chip's neurons over its cores (derived). */
    public static final int CORE_COMPARTMENTS = NEURONS_PER_CHIP / CORES_PER_CHIP;
    /** Synapses per chip: "up to 120 million" (brief). */
    public static final long SYNAPSES_PER_CHIP = 120_000_000L;
    /** Memory of one neuron core in bytes (brief: 192 KB, shared by synapses, neuron state and routing). */
    public static final int CORE_MEMORY_BYTES = 192 * 1024;
    /** Bits of core memory the mapper lets synapses take: all of it, an upper bound (no public split). */
    public static final long CORE_SYNAPSE_BITS = CORE_MEMORY_BYTES * 8L;
    /** Bits a synapse's delay takes when its connection has delays (DelayDense: 6 bits). */
    public static final int DELAY_BITS = 6;

    private Loihi2Chip() {
    }

    /** What the {@code loihi2} backend declares. */
    public static final BackendCapabilities CAPABILITIES = new BackendCapabilities("Loihi 2 (Lava's bit-accurate models)",
            List.of(new Feature(CompartmentPrototype.MODEL, "Loihi-1 registers run as Lava's PyLifModelBitAcc "
                    + "(src/lava/proc/lif/models.py); a refractoryDelay above 1 as Lava's floating-point LIFRefractory "
                    + "in integers (an extrapolation: no public bit-accurate model has one)"),
                    new Feature(LavaLif.MODEL, "Lava's own LIF registers (du, dv, vth, a bias exponent of -7 .. 7), "
                            + "PyLifModelBitAcc as given; a refractoryPeriod as LIFRefractory in integers (ext)")),
            // Lava's Dense takes any weight_exp; no public figure of the chip's range, so Loihi 1's
            new WeightFormat(SignMode.MIN_WEIGHT_BITS, SignMode.MAX_WEIGHT_BITS, Loihi1Model.MIN_EXPONENT,
                    Loihi1Model.MAX_EXPONENT),
            LavaArithmetic.MAX_DELAY, 0, true,
            List.of(new Feature(LearningSettings.DIALECT, "NxSDK rule text (dw, dt; no dd) run as Lava's "
                    + "bit-approximate learning (LearningConnectionModelBitApproximate, "
                    + "src/lava/magma/core/model/py/connection.py), tEpoch up to 63, connections without delays; r0 and "
                    + "r1 from a reinforcement channel as a third factor (an extrapolation); stochastic rounding from the "
                    + "run's seed, not Lava's generator")),
            List.of(Resource.of("compartments", CORE_COMPARTMENTS, "",
                            "derived: the brief's 1 million neurons per chip over its 128 cores (2^20 / 128)"),
                    Resource.of("memory", CORE_MEMORY_BYTES, "bytes",
                            BRIEF + ": 192 KB per neuron core, shared by synapses, state and routing; the mapper lets "
                                    + "synapses take all of it"),
                    Resource.of("synapses", SYNAPSES_PER_CHIP / CORES_PER_CHIP, "",
                            "derived: the brief's 120 million synapses per chip over 128 cores (an average, "
                                    + "not a per-core limit; not enforced)"),
                    Resource.unknown("fan-in axons", "", "no public figure for Loihi 2; not enforced"),
                    Resource.unknown("fan-out axons", "", "no public figure for Loihi 2; not enforced"),
                    Resource.of("delay", LavaArithmetic.MAX_DELAY, "timesteps",
                            "Lava's PyDelayDenseModelBitAcc (6-bit delays)")),
            List.of(Resource.of("cores", CORES_PER_CHIP, "", BRIEF),
                    Resource.of("neurons", NEURONS_PER_CHIP, "", BRIEF + ": up to 1 million"),
                    Resource.of("synapses", SYNAPSES_PER_CHIP, "", BRIEF + ": up to 120 million"),
                    Resource.of("embedded processors", 6, "", BRIEF + ": 6 Lakemont x86 cores (not emulated)"),
                    Resource.of("graded spike payload", 32, "bits",
                            BRIEF + ": graded spikes of up to 32 bits; today's network cannot express them, so the "
                                    + "backend carries binary spikes only")));
}
