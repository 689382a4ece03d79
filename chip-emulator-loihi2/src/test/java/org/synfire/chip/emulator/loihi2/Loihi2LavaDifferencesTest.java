package org.synfire.chip.emulator.loihi2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * Where Lava's arithmetic differs from Loihi 1's: the same network on {@code loihi2} and on {@code loihi1}, each
 * expected value worked out by hand in the comment (Lava's from its models' formulas, Loihi 1's from the project's
 * Loihi-1 semantics page). These are the cases the conformance kit's Loihi-1-only tests leave out on loihi2.
 */
class Loihi2LavaDifferencesTest {

    private static final CompartmentPrototype QUIET = CompartmentPrototype.builder().vThMant(131_071).build();

    private static int[] run(ChipBackend backend, Network network, int steps, String probe) {
        try (ChipSimulation sim = backend.open(network, RunOptions.seed(1))) {
            sim.run(steps);
            return Arrays.stream(sim.probe(probe).values()).mapToInt(r -> r[0]).toArray();
        }
    }

    private static int[] loihi2(Network network, int steps, String probe) {
        return run(new Loihi2Backend(), network, steps, probe);
    }

    private static int[] loihi1(Network network, int steps, String probe) {
        return run(Loihi1.backend(), network, steps, probe);
    }

    @Test
    void theExponentScalesTheSumNotEachWeight() {
        // two sources at 0, excitatory weights 1 and 1 (mixed ones would drop their lowest bit), exponent -1, into one
        // memoryless compartment:
        // Lava floors the sum once: (1 + 1) >> 1 = 1, u = 1 << 6 = 64 at 1;
        // Loihi 1 floors each weight: (1 >> 1) + (1 >> 1) = 0, u = 0.
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 2, new int[] {0, 0}, new int[] {0, 1}))
                .group("n", 1, QUIET)
                .connect("in", "n").weights(1, 1).signMode(SignMode.EXCITATORY).exponent(-1).add()
                .probe("u", Probe.Kind.CURRENT, "n").build();
        assertArrayEquals(new int[] {0, 64, 0}, loihi2(n, 3, "u"));
        assertArrayEquals(new int[] {0, 0, 0}, loihi1(n, 3, "u"));
    }

    @Test
    void aNegativeExponentFloorsEachTimestepsSumPerDelay() {
        // DelayDense shifts each timestep's sum per delay before buffering it: source 0 at 0 with delay 1 and source 1
        // at 1 with delay 0, both weight 1 (excitatory), exponent -1, both arrive at 2: floor(1/2) + floor(1/2) = 0.
        // Sources 0 and 1 both at 0 with delay 1: floor(2/2) = 1, u = 64 at 2.
        Network apart = Network.builder()
                .add(new SpikeGenerator("in", 2, new int[] {0, 1}, new int[] {0, 1}))
                .group("n", 1, QUIET)
                .connect("in", "n").weights(1, 1).signMode(SignMode.EXCITATORY).delays(1, 0).exponent(-1).add()
                .probe("u", Probe.Kind.CURRENT, "n").build();
        Network together = Network.builder()
                .add(new SpikeGenerator("in", 2, new int[] {0, 0}, new int[] {0, 1}))
                .group("n", 1, QUIET)
                .connect("in", "n").weights(1, 1).signMode(SignMode.EXCITATORY).delays(1, 1).exponent(-1).add()
                .probe("u", Probe.Kind.CURRENT, "n").build();
        assertArrayEquals(new int[] {0, 0, 0, 0}, loihi2(apart, 4, "u"));
        assertArrayEquals(new int[] {0, 0, 64, 0}, loihi2(together, 4, "u"));
    }

    @Test
    void theInputIsNotWrappedAt22Bits() {
        // two synapses of 254 * 2^7 at once: a = 65,024, a << 6 = 4,161,536 < 2^23, kept whole on Lava;
        // Loihi 1 wraps q at 22 bits: 4,161,536 - 2^22 = -32,768
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 2, new int[] {0, 0}, new int[] {0, 1}))
                .group("n", 1, QUIET)
                .connect("in", "n").weight(254).exponent(7).add()
                .probe("u", Probe.Kind.CURRENT, "n").build();
        assertArrayEquals(new int[] {0, 4_161_536}, loihi2(n, 2, "u"));
        assertArrayEquals(new int[] {0, -32_768}, loihi1(n, 2, "u"));
    }

    @Test
    void theCurrentWrapsOnceAndKeeps2To23() {
        // memoryless current (dU = 4096), u = a << 6.
        // 8 synapses of 128 * 2^7: a = 131,072, u = 2^23 = 8,388,608: not above 2^23, kept (a modulo would give -2^23).
        // Plus a second connection of weight 1 (exponent 0): a = 131,073, a << 6 = 8,388,672 > 2^23, which loses 2^24:
        // -8,388,544.
        // 4 synapses of -256 * 2^7: a = -131,072, u = -2^23, at or below -2^23, gains 2^24: +8,388,608.
        Network up = Network.builder()
                .add(new SpikeGenerator("in", 8, new int[8], new int[] {0, 1, 2, 3, 4, 5, 6, 7}))
                .add(new SpikeGenerator("one", 1, new int[] {1}, new int[] {0}))
                .group("n", 1, QUIET)
                .connect("in", "n").weight(128).signMode(SignMode.EXCITATORY).exponent(7).add()
                .connect("one", "n").weight(1).signMode(SignMode.EXCITATORY).add()
                .add(new SpikeGenerator("in2", 8, new int[8], new int[] {0, 1, 2, 3, 4, 5, 6, 7}))
                .probe("u", Probe.Kind.CURRENT, "n").build();
        Network upPlusOne = Network.builder()
                .add(new SpikeGenerator("in", 8, new int[8], new int[] {0, 1, 2, 3, 4, 5, 6, 7}))
                .add(new SpikeGenerator("one", 1, new int[] {0}, new int[] {0}))
                .group("n", 1, QUIET)
                .connect("in", "n").weight(128).signMode(SignMode.EXCITATORY).exponent(7).add()
                .connect("one", "n").weight(1).signMode(SignMode.EXCITATORY).add()
                .probe("u", Probe.Kind.CURRENT, "n").build();
        Network down = Network.builder()
                .add(new SpikeGenerator("in", 4, new int[4], new int[] {0, 1, 2, 3}))
                .group("n", 1, QUIET)
                .connect("in", "n").weight(-256).exponent(7).add()
                .probe("u", Probe.Kind.CURRENT, "n").build();
        assertArrayEquals(new int[] {0, 8_388_608, 64}, loihi2(up, 3, "u"));
        assertArrayEquals(new int[] {0, -8_388_544}, loihi2(upPlusOne, 2, "u"));
        assertArrayEquals(new int[] {0, 8_388_608}, loihi2(down, 2, "u"));
    }

    @Test
    void theVoltageIsClippedSymmetrically() {
        // dV = 0 integrates bias -4096 * 2^7 = -524,288 = -2^19: v = -2^19 (t + 1) passes -(2^23 - 1) at t = 15, where
        // Lava clips it to -8,388,607; Loihi 1 saturates one lower, at -2^23 = -8,388,608
        Network n = Network.builder()
                .group("n", 1, CompartmentPrototype.builder().vThMant(131_071).dV(0).bias(-4096, 7))
                .probe("v", Probe.Kind.VOLTAGE, "n").build();
        assertArrayEquals(new int[] {-7_864_320, -8_388_607, -8_388_607},
                Arrays.copyOfRange(loihi2(n, 17, "v"), 14, 17));
        assertArrayEquals(new int[] {-7_864_320, -8_388_608, -8_388_608},
                Arrays.copyOfRange(loihi1(n, 17, "v"), 14, 17));
    }

    @Test
    void theBiasIsAddedToTheVoltageWithoutAWrap() {
        // weight -256 * 2^7: a = -32,768, a << 6 = -2,097,152 arrives at 1, 2, 3, 4; dU = 1 (Lava's du 0): u1 =
        // -2,097,152, u2 = -4,193,792, u3 = -6,289,920, u4 = -8,385,536 (the conformance kit's numbers).
        // Bias -524,288, dV = 4096: v = u + bias = -524,288, -2,621,440, -4,718,080, -6,814,208, and at 4
        // -8,909,824, clipped to -8,388,607: no spike on Lava. Loihi 1 wraps u + bias at 24 bits to 7,867,392 and fires.
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 1, new int[] {0, 1, 2, 3}, new int[4]))
                .group("n", 1, CompartmentPrototype.builder().dU(1).vThMant(1024).bias(-4096, 7))
                .connect("in", "n").weight(-256).exponent(7).add()
                .probe("u", Probe.Kind.CURRENT, "n").probe("v", Probe.Kind.VOLTAGE, "n")
                .probe("s", Probe.Kind.SPIKES, "n").build();
        assertArrayEquals(new int[] {0, -2_097_152, -4_193_792, -6_289_920, -8_385_536}, loihi2(n, 5, "u"));
        assertArrayEquals(new int[] {-524_288, -2_621_440, -4_718_080, -6_814_208, -8_388_607}, loihi2(n, 5, "v"));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0}, loihi2(n, 5, "s"));
        assertArrayEquals(new int[] {0, 0, 0, 0, 1}, loihi1(n, 5, "s"));
    }

    @Test
    void inhibitoryWeightsAreTruncatedTowardZero() {
        // Lava negates an inhibitory weight, clips it to 0 .. 255 and drops low bits of the magnitude:
        // -5 at 6 bits (shift 2): 5 >> 2 << 2 = 4, stored -4 (Loihi 1: -5 >> 2 << 2 = -8);
        // -256 at 8 bits: clipped to -255 (Loihi 1 keeps -256);
        // mixed weights round down on both chips: -3 at 8 bits (shift 1) is -4, 255 is 254.
        assertArrayEquals(new int[] {-4}, stored(-5, SignMode.INHIBITORY, 6, new Loihi2Backend()));
        assertArrayEquals(new int[] {-8}, stored(-5, SignMode.INHIBITORY, 6, Loihi1.backend()));
        assertArrayEquals(new int[] {-255}, stored(-256, SignMode.INHIBITORY, 8, new Loihi2Backend()));
        assertArrayEquals(new int[] {-256}, stored(-256, SignMode.INHIBITORY, 8, Loihi1.backend()));
        assertArrayEquals(new int[] {-4}, stored(-3, SignMode.MIXED, 8, new Loihi2Backend()));
        assertArrayEquals(new int[] {254}, stored(255, SignMode.MIXED, 8, new Loihi2Backend()));
        assertArrayEquals(new int[] {96}, stored(100, SignMode.EXCITATORY, 4, new Loihi2Backend()));
    }

    private static int[] stored(int w, SignMode mode, int bits, ChipBackend backend) {
        Network n = Network.builder().generator("in", 1).group("n", 1, QUIET)
                .connect("in", "n").weight(w).signMode(mode).weightBits(bits).add().build();
        try (ChipSimulation sim = backend.open(n, RunOptions.seed(1))) {
            return sim.weights("in->n");
        }
    }

    @Test
    void theStoredInhibitoryWeightIsWhatActs() {
        // -5 inhibitory at 6 bits is stored -4: u = -4 << 6 = -256 in the step after the spike
        Network n = Network.builder().add(new SpikeGenerator("in", 1, new int[] {0}, new int[] {0}))
                .group("n", 1, QUIET)
                .connect("in", "n").weight(-5).signMode(SignMode.INHIBITORY).weightBits(6).add()
                .probe("u", Probe.Kind.CURRENT, "n").build();
        assertArrayEquals(new int[] {0, -256}, loihi2(n, 2, "u"));
    }
}
