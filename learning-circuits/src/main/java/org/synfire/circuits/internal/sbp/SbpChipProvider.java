package org.synfire.circuits.internal.sbp;

import java.util.Objects;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;

/** {@code sbp}: the synfire-gated backprop circuit of Renner et al. 2024, trained entirely on a chip. */
public final class SbpChipProvider implements CircuitProvider {

    public static final String ID = "sbp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Synfire-gated backprop (Renner et al. 2024): 12-phase spiking circuit that learns on the chip";
    }

    @Override
    public boolean needsBackend() {
        return true;
    }

    @Override
    public TrainingSession open(CircuitSettings settings, ChipBackend backend) {
        Objects.requireNonNull(backend, "the sbp circuit runs on a chip backend");
        return new SbpChipSession(backend, settings, SbpInitialWeights.draw(ID, settings));
    }
}
