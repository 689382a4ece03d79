package org.synfire.chip.emulator.loihi2;

import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.conformance.SynapseConformance;

/**
 * The conformance kit's synapses on {@code loihi2}. One synapse's effective weight is the same on both chips (the
 * exponent floors a sum of one weight as it floors the weight), and inputs of one timestep add; the truncation table
 * and the 22-bit input wrap are Loihi 1's, left out here (Loihi2LavaDifferencesTest has Lava's numbers).
 */
class Loihi2SynapseTest extends SynapseConformance {

    @RegisterExtension
    static final NotOnLoihi2 LOIHI1_ONLY = NotOnLoihi2.skipping(Map.of(
            "weightsAreTruncatedToTheirBits",
            "Lava truncates an inhibitory weight's magnitude (toward zero) and clips -256 to -255",
            "inputIsWrappedTo22Bits",
            "Lava does not wrap a Dense output: the sum reaches the current whole"));

    @Override
    protected ChipBackend backend() {
        return new Loihi2Backend();
    }
}
