package org.synfire.chip.emulator.ideal;

import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.SynapseConformance;

/**
 * The conformance kit's synapses on {@code ideal}: inputs of one timestep add. The chip's floor of
 * {@code w * 2^e}, its truncation of weights to their bits and its 22-bit input wrap are the chip's finite
 * arithmetic, which the ideal machine does not have (IdealArithmeticTest has its numbers for the same networks).
 */
class IdealSynapseTest extends SynapseConformance {

    @RegisterExtension
    static final NotOnIdeal LOIHI1_ONLY = NotOnIdeal.skipping(Map.of(
            "effectiveWeightIsFlooredMantissaTimesTwoToTheExponentTimes64",
            "the ideal machine adds w * 2^e * 64 as a real number, without the floor (254 at -8 adds 63.5, not 0)",
            "weightsAreTruncatedToTheirBits",
            "the ideal machine keeps each weight as written (255 stays 255 at 8 mixed bits); weightBits are ignored",
            "inputIsWrappedTo22Bits",
            "the ideal machine's input does not wrap: two inputs of 2,080,768 make 4,161,536"));

    @Override
    protected ChipBackend backend() {
        return new IdealBackend();
    }
}
