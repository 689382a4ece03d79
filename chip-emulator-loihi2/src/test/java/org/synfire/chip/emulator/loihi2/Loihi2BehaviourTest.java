package org.synfire.chip.emulator.loihi2;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.BehaviourConformance;

/** The {@code loihi2} backend against the tier every backend passes: every test applies (it learns NxSDK rules). */
class Loihi2BehaviourTest extends BehaviourConformance {

    @Override
    protected ChipBackend backend() {
        return new Loihi2Backend();
    }
}
