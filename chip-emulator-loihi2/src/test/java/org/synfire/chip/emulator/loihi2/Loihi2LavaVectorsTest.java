package org.synfire.chip.emulator.loihi2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * The numbers of Lava's own unit tests (lava-nc/lava v0.10.0), rerun on {@code loihi2} as networks. Lava's tests feed
 * a LIF's {@code a_in} directly or read a Dense's {@code a_out}; here a generator feeds a connection (one timestep
 * later: the Dense buffer) and a memoryless target (dU = 4096, so u = a << 6 in the step the output arrives) shows a
 * Dense output as its current. Lava's weights of 300 and -300 are written 255 and -256 (what Lava clips them to first;
 * today's network refuses a mantissa beyond 8 bits), and 0.5 and -0.4 are written 0 (Lava casts them to int32).
 */
class Loihi2LavaVectorsTest {

    private static final CompartmentPrototype QUIET = CompartmentPrototype.builder().vThMant(131_071).build();

    private static ProbeData run(Network network, int steps, String probe) {
        try (ChipSimulation sim = new Loihi2Backend().open(network, RunOptions.seed(1))) {
            sim.run(steps);
            return sim.probe(probe);
        }
    }

    private static int[] column(ProbeData data, int column) {
        return Arrays.stream(data.values()).mapToInt(r -> r[column]).toArray();
    }

    // ---- tests/lava/proc/lif/test_models.py, TestLIFProcessModelsFixed

    @Test
    void bitaccNoDecay() {
        // test_bitacc_pm_no_decay: du = dv = 0, bias 2 << 6 = 128, vth 8 (512): v = 128, 256, 384, 512 (not above),
        // 640 fires at the 5th step; Lava expects spikes at indices 4 and 9 of 10 steps, in all 10 neurons.
        // Lava's du = 0 is the network's dU = 1 (Lava adds 1).
        Network n = Network.builder()
                .group("lif", 10, CompartmentPrototype.builder().dU(1).dV(0).bias(2, 6).vThMant(8))
                .probe("s", Probe.Kind.SPIKES, "lif").build();
        ProbeData s = run(n, 10, "s");
        for (int c = 0; c < 10; c++) {
            assertArrayEquals(new int[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, column(s, c), "neuron " + c);
        }
    }

    /** A generator spike at 0 over weight 128 (exponent 0): a = 128 reaches the LIF at 1. */
    private static Network impulse(CompartmentPrototype.Builder lif) {
        return Network.builder().add(new SpikeGenerator("in", 1, new int[] {0}, new int[] {0}))
                .group("lif", 1, lif)
                .connect("in", "lif").weight(128).signMode(SignMode.EXCITATORY).add()
                .probe("u", Probe.Kind.CURRENT, "lif").probe("v", Probe.Kind.VOLTAGE, "lif").build();
    }

    @Test
    void bitaccImpulseDu() {
        // test_bitacc_pm_impulse_du: a = 128 once, du = 2047 (effective 2048: half the current each step), dv = 0,
        // vth 256: u = 1 << (13 - j) for j = 0 .. 7. Lava's du 2047 is the network's dU 2048.
        int[] u = column(run(impulse(CompartmentPrototype.builder().dU(2048).dV(0).vThMant(256)), 9, "u"), 0);
        assertArrayEquals(new int[] {0, 8192, 4096, 2048, 1024, 512, 256, 128, 64}, u);
    }

    @Test
    void bitaccImpulseDv() {
        // test_bitacc_pm_impulse_dv: a = 128 once, du = 0 (effective 1), dv = 2048, vth 256: Lava's expected voltages
        int[] v = column(run(impulse(CompartmentPrototype.builder().dU(1).dV(2048).vThMant(256)), 9, "v"), 0);
        assertArrayEquals(new int[] {0, 8192, 12286, 14331, 15351, 15859, 16111, 16235, 16295}, v);
    }

    @Test
    void bitaccScalingOfBias() {
        // test_bitacc_pm_scaling_of_bias: bias 4095 << 5 = 131,040 after one step, no overflow. Lava's vth 2^17 is
        // written 131071 (the network's largest; either is far above 131,040).
        Network n = Network.builder()
                .group("lif", 1, CompartmentPrototype.builder().dU(1).dV(0).bias(4095, 5).vThMant(131_071))
                .probe("v", Probe.Kind.VOLTAGE, "lif").build();
        assertArrayEquals(new int[] {131_040}, column(run(n, 1, "v"), 0));
    }

    // ---- tests/lava/proc/lif/test_models.py, TestLIFRefractory (a floating-point test, in integers)

    @Test
    void refractoryFloatModelInIntegers() {
        // TestLIFRefractory.test_float_model: biases 1 and 2, vth 4, refractory_period 1, no decay; Lava expects
        // v = [1, 2, 3, 4, 0, 0, 1, 2] and [2, 4, 0, 0, 2, 4, 0, 0]. In integers the bias and threshold are 2^6
        // times larger (bias mantissas 1 and 2 with exponent 6, vThMant 4), so v is 64 times Lava's; Lava's
        // refractory_period 1 is the network's refractoryDelay 2.
        Network n = Network.builder()
                .add(new org.synfire.chip.api.network.CompartmentGroup("lif", 2,
                        CompartmentPrototype.builder().dU(1).dV(0).vThMant(4).refractoryDelay(2).build(),
                        java.util.Optional.empty(), new int[] {1, 2}, new int[] {6, 6}))
                .probe("v", Probe.Kind.VOLTAGE, "lif").build();
        ProbeData v = run(n, 8, "v");
        assertArrayEquals(new int[] {64, 128, 192, 256, 0, 0, 64, 128}, column(v, 0));
        assertArrayEquals(new int[] {128, 256, 0, 0, 128, 256, 0, 0}, column(v, 1));
    }

    // ---- tests/lava/proc/dense/test_models.py, TestDenseProcessModelFixed and TestDelayDenseProcessModel

    /** One source spiking at 3, to three memoryless targets with the given weights; the targets' currents. */
    private static ProbeData fanOut(UnaryOperator<ConnectionGroup.Builder> connection, int steps) {
        Network.Builder b = Network.builder().add(new SpikeGenerator("in", 1, new int[] {3}, new int[] {0}))
                .group("out", 3, QUIET);
        return run(connection.apply(b.connect("in", "out").oneToAll()).add()
                .probe("u", Probe.Kind.CURRENT, "out").build(), steps, "u");
    }

    /** Lava's a_out at step 4 of 6 (index), as the currents a << 6; every other step 0. */
    private static int[][] at(int steps, int step, int... aOut) {
        int[][] rows = new int[steps][3];
        rows[step] = Arrays.stream(aOut).map(a -> a << 6).toArray();
        return rows;
    }

    @Test
    void bitaccFanOutExcitatory() {
        // test_bitacc_pm_fan_out_excitatory: weights [0.5, 300, 40] excitatory -> a_out [0, 255, 40] at index 4
        assertArrayEquals(at(6, 4, 0, 255, 40),
                fanOut(c -> c.weights(0, 255, 40).signMode(SignMode.EXCITATORY), 6).values());
    }

    @Test
    void bitaccFanOutMixedSign() {
        // test_bitacc_pm_fan_out_mixed_sign: [300, -300, 39] mixed -> [254, -256, 38] (the lowest bit dropped)
        assertArrayEquals(at(6, 4, 254, -256, 38), fanOut(c -> c.weights(255, -256, 39), 6).values());
    }

    @Test
    void bitaccFanOutWeightExp() {
        // test_bitacc_pm_fan_out_weight_exp: the same with weight_exp 1 -> [508, -512, 76]
        assertArrayEquals(at(6, 4, 508, -512, 76), fanOut(c -> c.weights(255, -256, 39).exponent(1), 6).values());
    }

    @Test
    void bitaccFanOutWeightPrecision() {
        // test_bitacc_pm_fan_out_weight_precision: num_weight_bits 7 -> [252, -256, 36] (multiples of 4)
        assertArrayEquals(at(6, 4, 252, -256, 36), fanOut(c -> c.weights(255, -256, 39).weightBits(7), 6).values());
    }

    @Test
    void bitaccFanInMixedSign() {
        // test_bitacc_pm_fan_in_mixed_sign: four sources at 3 into one target, [300, -300, 39, -0.4] -> 254 - 256 + 38
        // + 0 = 36 at index 4
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 4, new int[] {3, 3, 3, 3}, new int[] {0, 1, 2, 3}))
                .group("out", 1, QUIET)
                .connect("in", "out").weights(255, -256, 39, 0).add()
                .probe("u", Probe.Kind.CURRENT, "out").build();
        assertArrayEquals(new int[] {0, 0, 0, 0, 36 << 6, 0}, column(run(n, 6, "u"), 0));
    }

    @Test
    void bitaccFanOutExcitatoryDelay() {
        // test_bitacc_pm_fan_out_excitatory_delay: delays [0, 1, 2] -> 0 at index 4, 255 at 5, 40 at 6
        int[][] u = fanOut(c -> c.weights(0, 255, 40).signMode(SignMode.EXCITATORY).delays(0, 1, 2), 8).values();
        int[][] expected = new int[8][3];
        expected[5][1] = 255 << 6;
        expected[6][2] = 40 << 6;
        assertArrayEquals(expected, u);
    }

    @Test
    void bitaccFanOutMixedSignDelay() {
        // test_bitacc_pm_fan_out_mixed_sign_delay: every delay 2 -> [254, -256, 38] at index 6
        assertArrayEquals(at(8, 6, 254, -256, 38), fanOut(c -> c.weights(255, -256, 39).delay(2), 8).values());
    }

    @Test
    void bitaccFanOutWeightExpDelay() {
        // test_bitacc_pm_fan_out_weight_exp_delay: weight_exp 1, delays [0, 1, 2] -> 508 at 4, -512 at 5, 76 at 6
        int[][] u = fanOut(c -> c.weights(255, -256, 39).exponent(1).delays(0, 1, 2), 8).values();
        int[][] expected = new int[8][3];
        expected[4][0] = 508 << 6;
        expected[5][1] = -512 << 6;
        expected[6][2] = 76 << 6;
        assertArrayEquals(expected, u);
    }

    @Test
    void bitaccFanOutWeightPrecisionDelay() {
        // test_bitacc_pm_fan_out_weight_precision_delay: 7 bits, delay 2 -> [252, -256, 36] at index 6
        assertArrayEquals(at(8, 6, 252, -256, 36),
                fanOut(c -> c.weights(255, -256, 39).weightBits(7).delay(2), 8).values());
    }
}
