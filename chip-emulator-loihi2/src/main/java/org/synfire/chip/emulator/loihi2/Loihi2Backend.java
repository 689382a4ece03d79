package org.synfire.chip.emulator.loihi2;

import java.util.Optional;

import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.spi.BackendCapabilities;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.emulator.loihi2.internal.Loihi2Chip;
import org.synfire.chip.emulator.loihi2.internal.Loihi2Simulation;

/**
 * The {@code loihi2} backend: Loihi 2's neuron and synapse arithmetic as Lava's bit-accurate CPU process models define
 * it (LIF, Dense and DelayDense), with learning as Lava's bit-approximate learning Dense runs it, on today's network
 * types. What those models cannot do (core pins, learned delays, learning with delays, ...) is refused in one line
 * naming the feature and the backend.
 */
public final class Loihi2Backend implements ChipBackend {

    /** The id configurations select this backend by. */
    public static final String ID = "loihi2";

    /** The backend; stateless, every {@link #open} starts a fresh simulation. */
    public Loihi2Backend() {
        // nothing to set up: each simulation compiles its own network
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Loihi 2's LIF and Dense arithmetic as Lava's bit-accurate models define it, learning as Lava's "
                + "bit-approximate learning Dense";
    }

    @Override
    public BackendCapabilities capabilities() {
        return Loihi2Chip.CAPABILITIES;
    }

    /**
     * None: Intel has published no energy per synaptic operation, update or message for Loihi 2, and costing it with
     * Loihi 1's figures would pass off one chip's energy as another's. A run may still name a table itself.
     */
    @Override
    public Optional<String> costTable() {
        return Optional.empty();
    }

    @Override
    public ChipSimulation open(Network network, RunOptions options) {
        return new Loihi2Simulation(network, options);
    }
}
