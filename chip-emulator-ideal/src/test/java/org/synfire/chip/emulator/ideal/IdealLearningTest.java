package org.synfire.chip.emulator.ideal;

import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.LearningConformance;

/**
 * The conformance kit's learning on {@code ideal}: the rule syntax, the dependencies, the epochs, u_k, the pairing
 * window, reward, traces and the timing of a changed weight behave as on the chip. The tests that state the chip's
 * 7-bit trace cap, the weight's and tag's saturation at their bits, the stored weight grid and the seed's
 * stochastic rounding are left out (IdealLearningArithmeticTest has the ideal machine's numbers).
 */
class IdealLearningTest extends LearningConformance {

    @RegisterExtension
    static final NotOnIdeal LOIHI1_ONLY = NotOnIdeal.skipping(Map.of(
            "everyFactorKindActsThroughANetwork",
            "one case (y3) ends on an odd weight, 59, which the chip stores as 58 on the mixed 8-bit grid; the ideal "
                    + "machine keeps 59 (the other factor kinds: IdealLearningArithmeticTest)",
            "everySpikeAddsItsImpulseUpTo127",
            "the ideal machine's traces are not capped at 127: two impulses of 100 make 200",
            "weightsSaturateAtTheirModesLimits",
            "the ideal machine does not saturate a weight at its mode's range (only its sign is kept); the reported "
                    + "int is held within the stored range",
            "saturatedWeightStaysAtTheLimit",
            "no saturation: the real weight goes on growing (the reported int stops at 254)",
            "tagsAreSignedAndSaturateAtTheirBits",
            "the ideal machine's tags do not saturate at their bits",
            "differentSeedDifferentWeights",
            "the ideal machine draws nothing (no stochastic rounding): every seed gives the same weights"));

    @Override
    protected ChipBackend backend() {
        return new IdealBackend();
    }
}
