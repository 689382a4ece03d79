package org.synfire.chip.emulator;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.SynapseConformance;

/** The {@code loihi1} backend against the conformance kit's synapse tests. */
class Loihi1SynapseTest extends SynapseConformance {

    @Override
    protected ChipBackend backend() {
        return new Loihi1Backend();
    }
}
