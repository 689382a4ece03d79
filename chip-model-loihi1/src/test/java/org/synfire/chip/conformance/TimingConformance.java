package org.synfire.chip.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/** A spike emitted at t reaches its targets at t + 1 + delay, from generators and compartments alike. */
public abstract class TimingConformance extends BackendConformance {

    @ParameterizedTest(name = "delay {0}")
    @ValueSource(ints = {0, 1, 5, 62})
    void generatorSpikeArrivesAfterOnePlusDelay(int delay) {
        // spike at 2, memoryless target: u = 640 exactly at 3 + delay
        int[] u = run(single(quiet().build(), new int[] {2}, c -> c.weight(10).delay(delay)), 70, "u", 0);
        int[] expected = new int[70];
        expected[3 + delay] = 640;
        assertArrayEquals(expected, u);
    }

    @Test
    void delayRingIsReusedAcrossManyTimesteps() {
        // weight 2 (128), delay 62, from spikes at 0 and 64 arrives at 63 and 127; nothing else is ever left in a slot
        int[] u = run(single(quiet().build(), new int[] {0, 64}, c -> c.weight(2).delay(62)), 130, "u", 0);
        int[] expected = new int[130];
        expected[63] = 128;
        expected[127] = 128;
        assertArrayEquals(expected, u);
    }

    @ParameterizedTest(name = "delay {0}")
    @ValueSource(ints = {0, 2})
    void compartmentSpikeArrivesAfterOnePlusDelay(int delay) {
        // in spikes at 0 -> a receives 2 * 64 = 128 > vTh 64 at 1 and fires at 1 -> b's u is 640 at 2 + delay
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 1, new int[] {0}, new int[] {0}))
                .group("a", 1, CompartmentPrototype.builder().vThMant(1).build())
                .group("b", 1, quiet().build())
                .connect("in", "a").weight(2).add()
                .connect("a", "b").weight(10).delay(delay).add()
                .probe("a", Probe.Kind.SPIKES, "a")
                .probe("b", Probe.Kind.CURRENT, "b")
                .build();
        try (ChipSimulation sim = open(n)) {
            sim.run(6);
            assertArrayEquals(new int[] {1}, spikeTimes(column(sim.probe("a"), 0)));
            int[] expected = new int[6];
            expected[2 + delay] = 640;
            assertArrayEquals(expected, column(sim.probe("b"), 0));
        }
    }

    @Test
    void injectedSpikesAreEmittedAtTheNextTimestepToRun() {
        // weights 2 and 4 (128, 256); source 0 scheduled at 1;
        // source 1 injected before timestep 3 runs: emitted at 3, arrives at 4
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 2, new int[] {1}, new int[] {0}))
                .group("n", 1, quiet().build())
                .connect("in", "n").weights(2, 4).add()
                .probe("u", Probe.Kind.CURRENT, "n")
                .build();
        try (ChipSimulation sim = open(n)) {
            sim.run(3);
            sim.inject("in", 1);
            sim.run(3);
            assertArrayEquals(new int[] {0, 0, 128, 0, 256, 0}, column(sim.probe("u"), 0));
        }
    }

    @Test
    void probesSampleFromT0EveryK() {
        // bias 1 with dV = 0: v = t + 1; sampled at 2, 5, 8
        Network n = Network.builder()
                .group("n", 1, quiet().dV(0).bias(1, 0).build())
                .add(new Probe("v", Probe.Kind.VOLTAGE, "n", 2, 3))
                .build();
        try (ChipSimulation sim = open(n)) {
            sim.run(10);
            assertArrayEquals(new int[] {2, 5, 8}, sim.probe("v").timesteps());
            assertArrayEquals(new int[] {3, 6, 9}, column(sim.probe("v"), 0));
        }
    }

    @Test
    void probeColumnsAreTheGroupsCompartmentsInOrder() {
        // in -> n one to one with weights 2, 4, 6: u at 1 is 128, 256, 384
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 3, new int[] {0, 0, 0}, new int[] {0, 1, 2}))
                .group("n", 3, quiet().build())
                .connect("in", "n").oneToOne().weights(2, 4, 6).add()
                .probe("u", Probe.Kind.CURRENT, "n")
                .build();
        try (ChipSimulation sim = open(n)) {
            sim.run(2);
            assertArrayEquals(new int[] {128, 256, 384}, sim.probe("u").values()[1]);
        }
    }
}
