package org.synfire.chip.emulator;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.CompartmentDynamicsConformance;

/** The {@code loihi1} backend against the conformance kit's compartmentdynamics tests. */
class Loihi1CompartmentDynamicsTest extends CompartmentDynamicsConformance {

    @Override
    protected ChipBackend backend() {
        return new Loihi1Backend();
    }
}
