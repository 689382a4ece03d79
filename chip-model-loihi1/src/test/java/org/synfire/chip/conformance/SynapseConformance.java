package org.synfire.chip.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;

/** Effective weights, weight truncation per sign mode and width, and the 22-bit input wrap. */
public abstract class SynapseConformance extends BackendConformance {

    @ParameterizedTest(name = "w = {0}, e = {1}: u = {2}")
    @CsvSource({
        // floor(w * 2^e) * 64
        "10, 0, 640",
        "10, 7, 81920",        // 10 * 128 * 64
        "254, 7, 2080768",     // 254 * 128 * 64
        "200, -3, 1600",       // floor(25) * 64
        "254, -8, 0",          // floor(0.992) = 0
        "-10, -8, -64",        // floor(-0.039) = -1
        "-3, -1, -128",        // floor(-1.5) = -2
        "-256, -8, -64"        // floor(-1) = -1
    })
    void effectiveWeightIsFlooredMantissaTimesTwoToTheExponentTimes64(int w, int e, int expected) {
        int[] u = run(single(quiet().build(), new int[] {0}, c -> c.weight(w).exponent(e)), 2, "u", 0);
        assertEquals(expected, u[1]);
    }

    @ParameterizedTest(name = "{1} {2} bits: {0} -> {3}")
    @CsvSource({
        // s = 8 - (bits - isMixed); stored w = (w >> s) << s
        "255, MIXED, 8, 254",         // s = 1
        "253, MIXED, 8, 252",
        "-3, MIXED, 8, -4",           // s = 1, arithmetic shift rounds down
        "100, MIXED, 4, 96",          // s = 5: 100 >> 5 = 3, 3 << 5 = 96
        "-100, MIXED, 4, -128",       // s = 5: -100 >> 5 = -4
        "-256, MIXED, 1, -256",       // s = 8: only -256 and 0
        "255, EXCITATORY, 8, 255",    // s = 0
        "100, EXCITATORY, 4, 96",     // s = 4: 6 << 4
        "200, EXCITATORY, 1, 128",    // s = 7
        "100, EXCITATORY, 1, 0",
        "-255, INHIBITORY, 8, -255",  // s = 0
        "-5, INHIBITORY, 6, -8",      // s = 2, arithmetic shift
        "-4, INHIBITORY, 6, -4"
    })
    void weightsAreTruncatedToTheirBits(int w, SignMode mode, int bits, int stored) {
        Network n = single(quiet().build(), new int[] {0},
                c -> c.weight(w).signMode(mode).weightBits(bits));
        try (ChipSimulation sim = open(n)) {
            assertArrayEquals(new int[] {stored}, sim.weights("in->n"));
            sim.run(2);
            assertEquals(stored * 64, column(sim.probe("u"), 0)[1], "the stored weight is what acts");
        }
    }

    @Test
    void inputIsWrappedTo22Bits() {
        // two synapses of 254 * 2^7 * 64 = 2,080,768 at once: q = 4,161,536 >= 2^21 wraps to 4,161,536 - 2^22 = -32,768
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 2, new int[] {0, 0}, new int[] {0, 1}))
                .group("n", 1, quiet().build())
                .connect("in", "n").weight(254).exponent(7).add()
                .probe("u", org.synfire.chip.api.network.Probe.Kind.CURRENT, "n")
                .build();
        assertArrayEquals(new int[] {0, -32_768}, run(n, 2, "u", 0));
    }

    @Test
    void inputsOfOneTimestepAdd() {
        // 10 * 64 + (-4 * 64) from two sources in the same timestep
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 2, new int[] {0, 0}, new int[] {0, 1}))
                .group("n", 1, quiet().build())
                .connect("in", "n").weights(10, -4).add()
                .probe("u", org.synfire.chip.api.network.Probe.Kind.CURRENT, "n")
                .build();
        assertArrayEquals(new int[] {0, 384}, run(n, 2, "u", 0));
    }
}
