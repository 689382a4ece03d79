package org.synfire.chip.emulator.ideal;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.TimingConformance;

/**
 * The conformance kit's timing on {@code ideal}: every test applies (a spike emitted at t arrives at t + 1 + delay,
 * probes, injection); the weights there are whole multiples of 64 in input units, which float64 holds exactly.
 */
class IdealTimingTest extends TimingConformance {

    @Override
    protected ChipBackend backend() {
        return new IdealBackend();
    }
}
