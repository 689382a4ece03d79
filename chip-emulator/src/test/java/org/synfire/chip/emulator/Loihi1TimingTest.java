package org.synfire.chip.emulator;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.TimingConformance;

/** The {@code loihi1} backend against the conformance kit's timing tests. */
class Loihi1TimingTest extends TimingConformance {

    @Override
    protected ChipBackend backend() {
        return new Loihi1Backend();
    }
}
