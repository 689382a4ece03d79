package org.synfire.chip.emulator.loihi2;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.TimingConformance;

/**
 * The conformance kit's timing on {@code loihi2}: every test applies (a spike emitted at t arrives at t + 1 + delay,
 * Lava's one-step Dense buffer plus DelayDense's delay; probes; injection).
 */
class Loihi2TimingTest extends TimingConformance {

    @Override
    protected ChipBackend backend() {
        return new Loihi2Backend();
    }
}
