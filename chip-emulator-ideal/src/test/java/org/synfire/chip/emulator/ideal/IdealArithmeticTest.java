package org.synfire.chip.emulator.ideal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.emulator.ideal.internal.IdealSimulation;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * The ideal machine's compartments, synapses and delays in float64, each value worked out by hand in the comment
 * (every one is exact in binary: decays by powers of two or by 4095/4096 a few times, weights times 2^e times 64).
 * Where the loihi1 backend rounds, its number is asserted beside the ideal one.
 */
class IdealArithmeticTest {

    private static final ChipBackend IDEAL = new IdealBackend();
    private static final ChipBackend LOIHI1 = Loihi1.backend();

    /** A compartment that never fires (the largest threshold), memoryless unless the builder says otherwise. */
    private static CompartmentPrototype.Builder quiet() {
        return CompartmentPrototype.builder().vThMant(CompartmentPrototype.MAX_VTH_MANT);
    }

    /** Generator {@code in} spiking at {@code times} -> group {@code n} of one compartment, probed u, v, s. */
    private static Network single(CompartmentPrototype p, int[] times, int weight, int exponent, int delay) {
        return Network.builder().add(new SpikeGenerator("in", 1, times, new int[times.length]))
                .group("n", 1, p)
                .connect("in", "n").weight(weight).exponent(exponent).delay(delay).add()
                .probe("u", Probe.Kind.CURRENT, "n")
                .probe("v", Probe.Kind.VOLTAGE, "n")
                .probe("s", Probe.Kind.SPIKES, "n")
                .build();
    }

    private static IdealSimulation open(Network n) {
        return (IdealSimulation) IDEAL.open(n, RunOptions.seed(1));
    }

    private static int[] column(ProbeData data) {
        int[] out = new int[data.samples()];
        for (int s = 0; s < out.length; s++) {
            out[s] = data.get(s, 0);
        }
        return out;
    }

    private static int[] spikeTimes(ChipSimulation sim) {
        int[] s = column(sim.probe("s"));
        return java.util.stream.IntStream.range(0, s.length).filter(t -> s[t] == 1).toArray();
    }

    @Test
    void currentDecaysByExactly4095Over4096() {
        // weight 10 at exponent 0: q = 640 arrives at 1; dU = 1 keeps 4095/4096 of it each timestep, unrounded:
        // u(1) = 640, u(2) = 640 * 4095 / 4096 = 639.84375, u(3) = 639.84375 * 4095 / 4096 = 639.687538146972656..
        // (5 * 4095^2 / 2^17: exact in float64). The loihi1 backend rounds toward zero: 640, 639, 638.
        Network n = single(quiet().dU(1).build(), new int[] {0}, 10, 0, 0);
        try (IdealSimulation sim = open(n)) {
            sim.run(2);
            assertEquals(640.0, sim.current("n", 0), 0.0);
            sim.run(1);
            assertEquals(639.84375, sim.current("n", 0), 0.0);
            sim.run(1);
            assertEquals(640.0 * 4095 * 4095 / 4096 / 4096, sim.current("n", 0), 0.0);
            assertEquals(639.687538146972656, sim.current("n", 0), 1e-12);
            // reported rounded to the nearest integer
            assertArrayEquals(new int[] {0, 640, 640, 640}, column(sim.probe("u")));
        }
        try (ChipSimulation chip = LOIHI1.open(n, RunOptions.seed(1))) {
            chip.run(4);
            assertArrayEquals(new int[] {0, 640, 639, 638}, column(chip.probe("u")));
        }
    }

    @Test
    void dU0KeepsTheCurrentWhole() {
        // the ideal decay is exactly dU / 4096: dU = 0 is a perfect integrator (the chip decays by at least 1/4096)
        Network n = single(quiet().dU(0).build(), new int[] {0, 1}, 10, 0, 0);
        try (IdealSimulation sim = open(n)) {
            sim.run(5);
            assertEquals(1280.0, sim.current("n", 0), 0.0);
        }
    }

    @Test
    void voltageHalvesAndCrossesTheThreshold() {
        // bias 100 (mantissa 100, exponent 0), dV = 2048 keeps half the voltage: v = v / 2 + 100, from 0:
        // 100, 150, 175, 187.5, 193.75 > vThMant 3 * 64 = 192 fires at 4 and resets to 0; the same again fires at 9.
        // loihi1 floors the half: 100, 150, 175, 187, 193 > 192: the same spike times, other voltages.
        Network n = Network.builder().group("n", 1, CompartmentPrototype.builder().dV(2048).vThMant(3).bias(100, 0))
                .probe("v", Probe.Kind.VOLTAGE, "n").probe("s", Probe.Kind.SPIKES, "n").build();
        try (IdealSimulation sim = open(n)) {
            sim.run(4);
            assertEquals(187.5, sim.voltage("n", 0), 0.0);
            sim.run(6);
            assertArrayEquals(new int[] {4, 9}, spikeTimes(sim));
            // 187.5 reads 188 (halves up)
            assertArrayEquals(new int[] {100, 150, 175, 188, 0}, java.util.Arrays.copyOf(column(sim.probe("v")), 5));
        }
        try (ChipSimulation chip = LOIHI1.open(n, RunOptions.seed(1))) {
            chip.run(10);
            assertArrayEquals(new int[] {4, 9}, spikeTimes(chip));
            assertArrayEquals(new int[] {100, 150, 175, 187, 0}, java.util.Arrays.copyOf(column(chip.probe("v")), 5));
        }
    }

    @Test
    void thresholdIsStrictOnRealVoltages() {
        // bias 63.5 cannot be written; a weight of 127 at exponent -1 is 63.5 * 64 = 4064 as a real input. With
        // vThMant 63 (4032) it fires (4064 > 4032); loihi1 floors 63.5 to 63: 4032, not above 4032, never fires.
        Network n = single(CompartmentPrototype.builder().vThMant(63).build(), new int[] {0}, 127, -1, 0);
        try (IdealSimulation sim = open(n)) {
            sim.run(3);
            assertArrayEquals(new int[] {1}, spikeTimes(sim));
        }
        try (ChipSimulation chip = LOIHI1.open(n, RunOptions.seed(1))) {
            chip.run(3);
            assertArrayEquals(new int[0], spikeTimes(chip));
            assertArrayEquals(new int[] {0, 4032, 0}, column(chip.probe("u")));
        }
    }

    @Test
    void smallWeightsAreNotFlooredAway() {
        // weight 1 at exponent -8: 1/256 * 64 = 0.25 per spike, three spikes into dU = 0, dV = 4096: u = 0.25, 0.5,
        // 0.75 at 1, 2, 3 (reads 0, 1, 1: 0.5 rounds up). loihi1 floors 1/256 to 0: nothing ever arrives.
        Network n = single(quiet().dU(0).build(), new int[] {0, 1, 2}, 1, -8, 0);
        try (IdealSimulation sim = open(n)) {
            sim.run(4);
            assertEquals(0.75, sim.current("n", 0), 0.0);
            assertArrayEquals(new int[] {0, 0, 1, 1}, column(sim.probe("u")));
        }
        try (ChipSimulation chip = LOIHI1.open(n, RunOptions.seed(1))) {
            chip.run(4);
            assertArrayEquals(new int[] {0, 0, 0, 0}, column(chip.probe("u")));
        }
    }

    @Test
    void delaysShiftArrivalsAndTheirInputsAdd() {
        // weight 3 at exponent -2 is 0.75 * 64 = 48. Spikes at 0 and 3 over a delay of 5 arrive at 6 and 9; dU = 2048
        // halves the current: u = 48 at 6, 24, 12, then 6 + 48 = 54 at 9, 27 at 10.
        Network n = single(quiet().dU(2048).build(), new int[] {0, 3}, 3, -2, 5);
        try (IdealSimulation sim = open(n)) {
            sim.run(11);
            assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 48, 24, 12, 54, 27}, column(sim.probe("u")));
            assertEquals(27.0, sim.current("n", 0), 0.0);
        }
    }

    @Test
    void refractoryCompartmentIntegratesItsCurrentButNotItsVoltage() {
        // bias 65 > 64 fires at 0; refractoryDelay 3 silences 1 and 2 (v = 0), fires again at 3, 6. An input of
        // weight 1 at exponent -2 (16) spiking at 0 arrives at 1 inside the dead time; dU = 2048 halves it:
        // u = 16, 8, 4, 2 at 1 .. 4, exact; at 3, v = 4 + 65 = 69 > 64 fires.
        Network n = single(CompartmentPrototype.builder().dU(2048).vThMant(1).bias(65, 0).refractoryDelay(3).build(),
                new int[] {0}, 1, -2, 0);
        try (IdealSimulation sim = open(n)) {
            sim.run(2);
            assertEquals(16.0, sim.current("n", 0), 0.0);
            assertEquals(0.0, sim.voltage("n", 0), 0.0);
            sim.run(5);
            assertArrayEquals(new int[] {0, 3, 6}, spikeTimes(sim));
            assertArrayEquals(new int[] {0, 16, 8, 4, 2, 1, 1}, column(sim.probe("u"))); // 0.5 at 5 reads 1
            assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0}, column(sim.probe("v")));
        }
    }

    @Test
    void nothingWrapsOrSaturates() {
        // two inputs of 254 * 2^7 * 64 = 2,080,768 at once make 4,161,536 (loihi1 wraps it at 22 bits to -32,768);
        // a bias of -524,288 integrated 20 times (dV = 0) reaches -10,485,760 (loihi1 stops at -2^23)
        Network input = Network.builder().add(new SpikeGenerator("in", 2, new int[] {0, 0}, new int[] {0, 1}))
                .group("n", 1, quiet().build()).connect("in", "n").weight(254).exponent(7).add()
                .probe("u", Probe.Kind.CURRENT, "n").build();
        try (IdealSimulation sim = open(input)) {
            sim.run(2);
            assertEquals(4_161_536.0, sim.current("n", 0), 0.0);
        }
        Network bias = Network.builder().group("n", 1, quiet().dV(0).bias(-4096, 7)).build();
        try (IdealSimulation sim = open(bias)) {
            sim.run(20);
            assertEquals(-10_485_760.0, sim.voltage("n", 0), 0.0);
        }
    }
}
