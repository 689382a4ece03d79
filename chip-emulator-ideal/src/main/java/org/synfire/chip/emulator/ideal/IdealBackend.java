package org.synfire.chip.emulator.ideal;

import java.util.List;
import java.util.Optional;

import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.spi.BackendCapabilities;
import org.synfire.chip.api.spi.BackendCapabilities.Feature;
import org.synfire.chip.api.spi.BackendCapabilities.Resource;
import org.synfire.chip.api.spi.BackendCapabilities.WeightFormat;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.emulator.ideal.internal.IdealSimulation;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.Loihi1Model;

/**
 * The {@code ideal} backend: the networks the {@code loihi1} backends run (Loihi-1 units: decays in 4096ths,
 * weights as mantissa times 2^exponent times 2^6, delays, sign modes, NxSDK learning rules), computed with float64
 * state and none of the chip's finite arithmetic: no wrap, no saturation, no truncation of weights to their bits, no
 * rounding of decays, learning changes or traces, no stochastic rounding. It shows what a circuit does on an ideal
 * machine, beside what it does on the chips. The semantics are in the project's {@code docs/ideal-semantics.md}.
 */
public final class IdealBackend implements ChipBackend {

    /** The id configurations select this backend by. */
    public static final String ID = "ideal";

    private static final String NO_LIMIT = "none: the ideal machine is one virtual core without per-core limits;"
            + " only the JVM heap bounds a network";

    /** What the ideal machine runs: today's Loihi-1 network types, and no resource limits. */
    public static final BackendCapabilities CAPABILITIES = new BackendCapabilities("ideal (float64)",
            List.of(new Feature(CompartmentPrototype.MODEL, "Loihi 1's current-based LIF in its units (dU, dV, vThMant, "
                    + "bias, refractoryDelay), run with float64 state, exact decays, no wrap or saturation")),
            new WeightFormat(SignMode.MIN_WEIGHT_BITS, SignMode.MAX_WEIGHT_BITS, Loihi1Model.MIN_EXPONENT,
                    Loihi1Model.MAX_EXPONENT),
            Loihi1Model.MAX_DELAY, 0, true,
            List.of(new Feature(LearningSettings.DIALECT, "NxSDK rule text (dw, dd, dt), tEpoch up to 63, evaluated "
                    + "exactly in float64 (no stochastic rounding, real-valued traces)")),
            List.of(Resource.unknown("compartments", "", NO_LIMIT),
                    Resource.unknown("fan-in axons", "", NO_LIMIT),
                    Resource.unknown("fan-out axons", "", NO_LIMIT),
                    Resource.unknown("synaptic memory", "bytes", NO_LIMIT + " (weights are float64, 8 bytes each)"),
                    Resource.of("refractory delay", 63, "timesteps",
                            "the network's range (CompartmentPrototype), not a limit of the machine")),
            List.of(Resource.of("cores", 1, "",
                            "one virtual core holds the whole network (the chip's cores and mesh are not modelled)"),
                    Resource.unknown("neurons", "", "no limit; only the JVM heap bounds a network"),
                    Resource.unknown("synapses", "", "no limit; only the JVM heap bounds a network")));

    /** The backend; stateless, every {@link #open} starts a fresh simulation. */
    public IdealBackend() {
        // nothing to set up: each simulation compiles its own network
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Ideal machine: Loihi-1 networks in float64, no wrap, saturation, truncation or rounding";
    }

    @Override
    public BackendCapabilities capabilities() {
        return CAPABILITIES;
    }

    /** None: the ideal machine is no chip, and no energy figures describe it. A run may still name a table. */
    @Override
    public Optional<String> costTable() {
        return Optional.empty();
    }

    @Override
    public ChipSimulation open(Network network, RunOptions options) {
        CAPABILITIES.check(network, ID);
        return new IdealSimulation(network, options);
    }
}
