package org.synfire.chip.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/** Two runs of the same network give the same spikes, states and traffic. */
class DeterminismTest {

    private static Network recurrent() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 60;
        int[][] w = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = 2 * (random.nextInt(61) - 24);
            }
        }
        int[] delays = new int[n * n];
        for (int k = 0; k < delays.length; k++) {
            delays[k] = random.nextInt(6);
        }
        return Network.builder()
                .group("a", n, CompartmentPrototype.builder().dU(512).dV(256).vThMant(60).bias(40, 3)
                        .refractoryDelay(3).build())
                .connect("a", "a").weights(w).delays(delays).add()
                .probe("s", Probe.Kind.SPIKES, "a")
                .probe("v", Probe.Kind.VOLTAGE, "a")
                .build();
    }

    @Test
    void runsRepeatBitForBitAlsoWhenSplitIntoSeveralRunCalls() {
        Network network = recurrent();
        int[][] spikes;
        int[][] voltages;
        try (ChipSimulation first = new Loihi1Backend().open(network, RunOptions.seed(3));
                ChipSimulation second = new Loihi1Backend().open(network, RunOptions.seed(3))) {
            first.run(300);
            second.run(150);
            second.run(150);
            spikes = first.probe("s").values();
            voltages = first.probe("v").values();
            assertArrayEquals(spikes, second.probe("s").values());
            assertArrayEquals(voltages, second.probe("v").values());
            assertEquals(first.traffic(), second.traffic());
        }
        long total = 0;
        for (int[] row : spikes) {
            for (int s : row) {
                total += s;
            }
        }
        assertTrue(total > 100, "the network is active, so the comparison means something: " + total + " spikes");
    }
}
