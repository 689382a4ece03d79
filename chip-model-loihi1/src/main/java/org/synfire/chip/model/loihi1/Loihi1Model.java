package org.synfire.chip.model.loihi1;

import java.util.List;

import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.spi.BackendCapabilities;
import org.synfire.chip.api.spi.BackendCapabilities.Feature;
import org.synfire.chip.api.spi.BackendCapabilities.Resource;
import org.synfire.chip.api.spi.BackendCapabilities.WeightFormat;

/**
 * Loihi 1's limits beyond its neuron model and rule dialect (weight exponents, delays, tag bits), what a Loihi-1
 * backend supports ({@link #CAPABILITIES}) and the check a Loihi-1 backend makes before it opens a network. The
 * figures are those of the project's Loihi-1 semantics page (docs/loihi1-semantics.md).
 */
public final class Loihi1Model {

    /** The smallest weight exponent of a connection. */
    public static final int MIN_EXPONENT = -8;
    /** The largest weight exponent of a connection. */
    public static final int MAX_EXPONENT = 7;
    /** The longest synaptic delay in timesteps. */
    public static final int MAX_DELAY = 62;
    /** The most tag bits a synapse has. */
    public static final int MAX_TAG_BITS = 8;
    /**
     * The id of Loihi 1's default cost table: the published per-event figures (Davies et al. 2018) with the learning
     * engine charged for every plastic synapse it visits, and static power from Blouw et al. 2019
     * ({@code loihi1-davies2018} is the per-event table alone).
     */
    public static final String COST_TABLE = "loihi1-davies2018-blouw2019";

    private static final String D18 = "Davies et al., IEEE Micro 38(1), 2018";

    /** Loihi 1 as the {@code loihi1} and {@code loihi1-reference} backends run it. */
    public static final BackendCapabilities CAPABILITIES = new BackendCapabilities("Loihi 1",
            List.of(new Feature(CompartmentPrototype.MODEL, "current-based LIF with Loihi-1 registers (dU, dV, "
                    + "vThMant, bias, refractoryDelay)")),
            new WeightFormat(SignMode.MIN_WEIGHT_BITS, SignMode.MAX_WEIGHT_BITS, MIN_EXPONENT, MAX_EXPONENT),
            MAX_DELAY, 0, true,
            List.of(new Feature(LearningSettings.DIALECT, "NxSDK rule text (dw, dd, dt), tEpoch up to "
                    + LearningSettings.MAX_T_EPOCH)),
            List.of(Resource.of("compartments", 1024, "", D18),
                    Resource.of("fan-in axons", 4096, "", D18),
                    Resource.of("fan-out axons", 4096, "", D18),
                    Resource.of("synaptic memory", 128 * 1024, "bytes", D18),
                    Resource.of("refractory delay", CompartmentPrototype.MAX_REFRACTORY_DELAY, "timesteps", D18)),
            List.of(Resource.of("cores", 128, "", D18),
                    Resource.of("neurons", 131_072, "", D18),
                    Resource.of("synapses", 130_000_000L, "", D18)));

    private Loihi1Model() {
    }

    /**
     * Checks that {@code network} asks for nothing Loihi 1 lacks: what {@link #CAPABILITIES} declares, and tags of
     * at most {@value #MAX_TAG_BITS} bits.
     *
     * @param backend the backend's id, for the message
     * @throws IllegalArgumentException in one line naming the backend, the feature and the group or connection
     */
    public static void check(Network network, String backend) {
        CAPABILITIES.check(network, backend);
        for (ConnectionGroup c : network.connections()) {
            if (c.tagBits() > MAX_TAG_BITS) {
                throw new IllegalArgumentException("backend " + backend + ": " + c.tagBits()
                        + " tag bits are out of range 0.." + MAX_TAG_BITS + " (connection " + c.name() + ")");
            }
        }
    }
}
