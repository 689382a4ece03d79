package org.synfire.chip.emulator;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.TimingConformance;

/** The {@code loihi1} backend on its reference paths only (no fast path) against the conformance kit. */
class Loihi1ReferenceTimingTest extends TimingConformance {

    @Override
    protected ChipBackend backend() {
        return Loihi1Backend.reference();
    }
}
