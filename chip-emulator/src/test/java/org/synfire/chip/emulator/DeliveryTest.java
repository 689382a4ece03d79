package org.synfire.chip.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ActivityCounts;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Mask;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/** Spike delivery across core boundaries and through sparse masks, against a direct sum as the independent model. */
class DeliveryTest {

    private static final CompartmentPrototype QUIET = CompartmentPrototype.builder().vThMant(131_071).build();

    @Test
    void aGroupSplitOverTwoCoresReceivesEverySynapse() {
        // 128 sources all-to-all into 1024 compartments: memory splits the group after 1022 (see CoreMappingTest)
        int pre = 128;
        int post = 1024;
        int[][] w = new int[pre][post];
        int[] times = new int[pre];
        int[] neurons = new int[pre];
        for (int i = 0; i < pre; i++) {
            neurons[i] = i;
            for (int j = 0; j < post; j++) {
                w[i][j] = 2 * ((i + 3 * j) % 7) - 6;
            }
        }
        Network n = Network.builder()
                .add(new SpikeGenerator("in", pre, times, neurons))
                .group("n", post, QUIET)
                .connect("in", "n").weights(w).add()
                .probe("u", Probe.Kind.CURRENT, "n")
                .build();
        try (ChipSimulation sim = new Loihi1Backend().open(n, RunOptions.seed(1))) {
            sim.run(2);
            assertEquals(1, sim.coreOf("n", 1022));
            int[] expected = new int[post];
            for (int j = 0; j < post; j++) {
                for (int i = 0; i < pre; i++) {
                    expected[j] += w[i][j] * 64;
                }
            }
            assertArrayEquals(expected, sim.probe("u").values()[1]);
            // 128 host spikes, each to both cores of n, through 128 x 1024 synapses; 2 timesteps of 1024 compartments
            assertEquals(256, sim.traffic().messages());
            assertEquals(new ActivityCounts(2, 2048, 0, 128, 128 * 1024), sim.activity());
        }
    }

    @Test
    void sparseMasksDeliverInAnyOrderAndReportWeightsInMaskOrder() {
        // synapses listed out of row order: 2->0 (w 6), 0->1 (w 4), 2->1 (w -2, delay 1), 1->0 (w 8)
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 3, new int[] {0, 0, 0}, new int[] {0, 1, 2}))
                .group("n", 2, QUIET)
                .connect("in", "n").mask(new Mask.Explicit(new int[] {2, 0, 2, 1}, new int[] {0, 1, 1, 0}))
                .weights(6, 4, -2, 8).delays(0, 0, 1, 0).add()
                .probe("u", Probe.Kind.CURRENT, "n")
                .probe("w", Probe.Kind.WEIGHTS, "in->n")
                .build();
        try (ChipSimulation sim = new Loihi1Backend().open(n, RunOptions.seed(1))) {
            sim.run(3);
            // t 1: n0 = (6 + 8) * 64 = 896, n1 = 4 * 64 = 256; t 2: n1 = -2 * 64 = -128 (delay 1)
            assertArrayEquals(new int[][] {{0, 0}, {896, 256}, {0, -128}}, sim.probe("u").values());
            assertArrayEquals(new int[] {6, 4, -2, 8}, sim.weights("in->n"));
            assertArrayEquals(new int[] {6, 4, -2, 8}, sim.probe("w").values()[2]);
        }
    }
}
