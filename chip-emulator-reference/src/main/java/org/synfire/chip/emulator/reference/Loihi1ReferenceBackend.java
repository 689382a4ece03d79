package org.synfire.chip.emulator.reference;

import java.util.Optional;

import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.spi.BackendCapabilities;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.emulator.Loihi1Backend;
import org.synfire.chip.model.loihi1.Loihi1Model;

/**
 * The {@code loihi1-reference} backend: Loihi-1 as the plain per-synapse model. Every compartment is updated in
 * every timestep, every spike is delivered synapse by synapse, and every plastic synapse's learning rule is
 * evaluated term by term at the end of every epoch; none of the fast paths of {@code loihi1} (compartments at
 * rest skipped, idle cores skipped, contiguous and paired delivery, event-driven and one-pass learning) is
 * taken. It computes the same integers as {@code loihi1} (the emulator's tests hold its fast paths to these
 * reference paths), only more slowly: a second opinion to check a run against, and the model to read.
 */
public final class Loihi1ReferenceBackend implements ChipBackend {

    /** The id configurations select this backend by. */
    public static final String ID = "loihi1-reference";

    private final ChipBackend emulator = Loihi1Backend.reference();

    /** The backend; stateless, every {@link #open} starts a fresh simulation. */
    public Loihi1ReferenceBackend() {
        // the emulator on its reference paths does the work
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Loihi-1 as the plain per-synapse reference model (no fast paths; slow, equals loihi1)";
    }

    /** Loihi 1's, as {@code loihi1}'s. */
    @Override
    public BackendCapabilities capabilities() {
        return emulator.capabilities();
    }

    /** Loihi 1's per-event figures, as {@code loihi1}'s. */
    @Override
    public Optional<String> costTable() {
        return emulator.costTable();
    }

    @Override
    public ChipSimulation open(Network network, RunOptions options) {
        Loihi1Model.check(network, ID);
        return emulator.open(network, options);
    }
}
