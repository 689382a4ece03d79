package org.synfire.chip.emulator;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.LearningConformance;

/** The {@code loihi1} backend against the conformance kit's learning tests. */
class Loihi1LearningTest extends LearningConformance {

    @Override
    protected ChipBackend backend() {
        return new Loihi1Backend();
    }
}
