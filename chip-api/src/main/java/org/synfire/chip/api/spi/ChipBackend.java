package org.synfire.chip.api.spi;

import java.util.Optional;

import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;

/**
 * Extension point for chip backends: something that compiles a network description onto (real or emulated) chips
 * and runs it. A backend declares the chip it runs ({@link #capabilities()}) and refuses a network that asks for
 * more. Every backend proves itself against a conformance kit: the tier every backend passes and the bit-exact
 * tier of its chip (for Loihi 1, the test-jar of the module {@code org.synfire.chip.model.loihi1}).
 */
public interface ChipBackend extends Extension {

    /**
     * Maps {@code network} onto the chips of the board {@code options} describe and returns it ready to run.
     *
     * @throws IllegalArgumentException if the network asks for a feature the backend lacks or does not fit, naming
     *                                  the feature or limit, the backend and the group or connection
     */
    ChipSimulation open(Network network, RunOptions options);

    /**
     * What this backend supports (neuron models, weights, delays, graded spikes, refractory periods, rule dialects,
     * resources per core and per chip); {@link BackendCapabilities#check} refuses what a network asks beyond it.
     */
    BackendCapabilities capabilities();

    /**
     * The id of the cost table ({@link CostModelProvider}) a run on this backend is costed with unless the run names
     * another, or empty where no public per-event energy figures exist for its chip: a run then makes no energy
     * estimate rather than cost the chip with another chip's figures.
     */
    Optional<String> costTable();
}
