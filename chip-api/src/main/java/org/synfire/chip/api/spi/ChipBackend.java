package org.synfire.chip.api.spi;

import java.util.Optional;

import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;

/**
 * Extension point for chip backends: something that compiles a network description onto (real or
 * emulated) chips and runs it. Every backend proves itself against the conformance kit that ships
 * as the test-jar of this module.
 */
public interface ChipBackend extends Extension {

    /** The id of the cost table of Loihi 1's published per-event figures (Davies et al. 2018), the default of
     *  {@link #costTable()}. */
    String LOIHI1_COST_TABLE = "loihi1-davies2018";

    /**
     * Maps {@code network} onto the chips of the board {@code options} describe and returns it ready to run.
     *
     * @throws IllegalArgumentException if the network does not fit, naming the limit, the group and the core
     */
    ChipSimulation open(Network network, RunOptions options);

    /**
     * What this backend supports (neuron models, weights, delays, graded spikes, refractory periods, rule dialects,
     * resources per core and per chip). The default is Loihi 1's ({@link BackendCapabilities#LOIHI1}), which the
     * {@code loihi1} backends run; a backend of another chip declares its own.
     */
    default BackendCapabilities capabilities() {
        return BackendCapabilities.LOIHI1;
    }

    /**
     * The id of the cost table ({@link CostModelProvider}) a run on this backend is costed with unless the run names
     * another. The default is Loihi 1's ({@value #LOIHI1_COST_TABLE}); a backend of another chip names its own table,
     * or none where no public per-event energy figures exist for its chip, and then a run makes no energy estimate
     * rather than cost the chip with another chip's figures.
     */
    default Optional<String> costTable() {
        return Optional.of(LOIHI1_COST_TABLE);
    }
}
