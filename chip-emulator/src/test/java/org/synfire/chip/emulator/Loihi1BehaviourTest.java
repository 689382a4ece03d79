package org.synfire.chip.emulator;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.BehaviourConformance;

/** The {@code loihi1} backend against the tier every backend passes. */
class Loihi1BehaviourTest extends BehaviourConformance {

    @Override
    protected ChipBackend backend() {
        return new Loihi1Backend();
    }
}
