package org.synfire.chip.emulator.ideal;

import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.CompartmentDynamicsConformance;

/**
 * The conformance kit's compartment dynamics on {@code ideal}: the bias, the strict threshold, the reset, the
 * refractory period and the decays that come out whole (0, 4095, 4096) behave as on the chip. The tests that state
 * the chip's rounding of a decay toward zero, its minimum decay of 1/4096, its voltage saturation and its 24-bit wrap
 * are left out (IdealArithmeticTest has the ideal machine's numbers for the same networks).
 */
class IdealCompartmentDynamicsTest extends CompartmentDynamicsConformance {

    @RegisterExtension
    static final NotOnIdeal LOIHI1_ONLY = NotOnIdeal.skipping(Map.of(
            "currentDecaysByAtLeastOneIn4096",
            "the ideal machine decays by exactly dU/4096 (dU = 0 keeps the current) and does not round: "
                    + "640 * 4095/4096 = 639.84 reads 640",
            "negativeCurrentDecaysTowardZero",
            "no rounding toward zero: -640 * 4095/4096 = -639.84 reads -640",
            "voltageDecay1",
            "no rounding: 640 * 4095/4096 = 639.84 reads 640",
            "currentKeepsIntegratingWhileRefractory",
            "the current integrates while refractory as on the chip, but decays without rounding: 639.84 reads 640",
            "voltageSaturatesAtMinus2To23",
            "the ideal machine's voltage does not saturate: it goes on falling below -2^23",
            "largeNegativeInputWrapsAroundAndFires",
            "the ideal machine's current does not wrap at 24 bits, so a large negative input never fires"));

    @Override
    protected ChipBackend backend() {
        return new IdealBackend();
    }
}
