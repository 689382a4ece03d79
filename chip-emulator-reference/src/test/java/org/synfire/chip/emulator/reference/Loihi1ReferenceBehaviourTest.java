package org.synfire.chip.emulator.reference;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.BehaviourConformance;

/** The {@code loihi1-reference} backend against the tier every backend passes. */
class Loihi1ReferenceBehaviourTest extends BehaviourConformance {

    @Override
    protected ChipBackend backend() {
        return new Loihi1ReferenceBackend();
    }
}
