package org.synfire.chip.emulator.ideal;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.BehaviourConformance;

/** The {@code ideal} backend against the tier every backend passes: every test applies. */
class IdealBehaviourTest extends BehaviourConformance {

    @Override
    protected ChipBackend backend() {
        return new IdealBackend();
    }
}
