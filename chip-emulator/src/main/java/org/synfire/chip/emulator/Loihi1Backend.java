package org.synfire.chip.emulator;

import java.util.Objects;
import java.util.Optional;

import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.spi.BackendCapabilities;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.emulator.internal.LearningEngineFactory;
import org.synfire.chip.emulator.internal.Loihi1Simulation;
import org.synfire.chip.model.loihi1.Loihi1Model;

/** The {@code loihi1} backend: emulates Intel's Loihi-1 chips integer for integer. */
public final class Loihi1Backend implements ChipBackend {

    /** The id configurations select this backend by. */
    public static final String ID = "loihi1";

    private final LearningEngineFactory learning;
    private final boolean reference;

    /** A backend whose plastic connections learn with the chip's sum-of-products learning engine. */
    public Loihi1Backend() {
        this(LearningEngineFactory.RULES, false);
    }

    /** A backend whose plastic connections learn with engines from {@code learning}. */
    Loihi1Backend(LearningEngineFactory learning) {
        this(learning, false);
    }

    private Loihi1Backend(LearningEngineFactory learning, boolean reference) {
        this.learning = Objects.requireNonNull(learning, "learning");
        this.reference = reference;
    }

    /**
     * The emulator on its readable reference paths only (every compartment updated in every timestep, every
     * synapse delivered one by one, every synapse's rule evaluated term by term): what the fast paths must equal,
     * bit for bit. Slow; the {@code loihi1-reference} backend (module {@code org.synfire.chip.emulator.reference})
     * ships it under an id of its own. Its {@link #id()} is still {@value #ID}.
     */
    public static Loihi1Backend reference() {
        return new Loihi1Backend(LearningEngineFactory.REFERENCE_RULES, true);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Bit-exact emulator of Intel's Loihi-1 neuromorphic chip";
    }

    /** Loihi 1's ({@link Loihi1Model#CAPABILITIES}). */
    @Override
    public BackendCapabilities capabilities() {
        return Loihi1Model.CAPABILITIES;
    }

    /** Loihi 1's per-event figures ({@value Loihi1Model#COST_TABLE}). */
    @Override
    public Optional<String> costTable() {
        return Optional.of(Loihi1Model.COST_TABLE);
    }

    @Override
    public ChipSimulation open(Network network, RunOptions options) {
        Loihi1Model.check(network, id());
        return new Loihi1Simulation(network, options, learning, reference);
    }
}
