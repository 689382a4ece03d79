package org.synfire.chip.emulator;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.CompartmentDynamicsConformance;

/** The {@code loihi1} backend on its reference paths only (no fast path) against the conformance kit. */
class Loihi1ReferenceCompartmentDynamicsTest extends CompartmentDynamicsConformance {

    @Override
    protected ChipBackend backend() {
        return Loihi1Backend.reference();
    }
}
