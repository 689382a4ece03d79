package org.synfire.chip.emulator.reference;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.LearningConformance;

/** The {@code loihi1-reference} backend (the emulator without fast paths) against the conformance kit. */
class Loihi1ReferenceLearningTest extends LearningConformance {

    @Override
    protected ChipBackend backend() {
        return new Loihi1ReferenceBackend();
    }
}
