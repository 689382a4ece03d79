package org.synfire.chip.emulator;

import java.util.SplittableRandom;

import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * Not a test: measures timesteps/s and synaptic events/s once, on generator (400, each source spiking with
 * probability p per timestep) -> A (400) -> B (400), both connections dense all-to-all 8-bit with random even
 * weights. Run with {@code java -cp <test-classes>:<classes>:<chip-api classes> org.synfire.chip.emulator.ThroughputHarness
 * [timesteps] [p]}.
 */
public final class ThroughputHarness {

    private ThroughputHarness() {
    }

    public static void main(String[] args) {
        int timesteps = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        double p = args.length > 1 ? Double.parseDouble(args[1]) : 0.1;
        int n = 400;
        SplittableRandom random = new SplittableRandom(2024);
        int[][] w1 = new int[n][n];
        int[][] w2 = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w1[i][j] = 2 * (random.nextInt(241) - 120);
                w2[i][j] = 2 * (random.nextInt(241) - 120);
            }
        }
        int expectedSpikes = (int) (timesteps * n * p * 1.1) + 16;
        int[] times = new int[expectedSpikes];
        int[] neurons = new int[expectedSpikes];
        int count = 0;
        for (int t = 0; t < timesteps && count < expectedSpikes; t++) {
            for (int i = 0; i < n && count < expectedSpikes; i++) {
                if (random.nextDouble() < p) {
                    times[count] = t;
                    neurons[count++] = i;
                }
            }
        }
        CompartmentPrototype lif = CompartmentPrototype.builder().dU(1024).dV(512).vThMant(400).refractoryDelay(2)
                .build();
        Network network = Network.builder()
                .add(new SpikeGenerator("in", n, java.util.Arrays.copyOf(times, count),
                        java.util.Arrays.copyOf(neurons, count)))
                .group("a", n, lif)
                .group("b", n, lif)
                .connect("in", "a").weights(w1).add()
                .connect("a", "b").weights(w2).add()
                .add(new Probe("sa", Probe.Kind.SPIKES, "a", 0, 1))
                .add(new Probe("sb", Probe.Kind.SPIKES, "b", 0, 1))
                .build();
        try (ChipSimulation warm = new Loihi1Backend().open(network, RunOptions.seed(1))) {
            warm.run(Math.min(timesteps, 2000));
        }
        try (ChipSimulation sim = new Loihi1Backend().open(network, RunOptions.seed(1))) {
            long start = System.nanoTime();
            sim.run(timesteps);
            double seconds = (System.nanoTime() - start) / 1e9;
            long aSpikes = spikes(sim.probe("sa"));
            long bSpikes = spikes(sim.probe("sb"));
            long events = sim.activity().synapticOperations();
            System.out.printf("%d timesteps in %.3f s: %.0f timesteps/s; generator spikes %d, a spikes %d, b spikes %d;"
                    + " %d synaptic events: %.3g events/s; traffic %s%n", timesteps, seconds, timesteps / seconds,
                    count, aSpikes, bSpikes, events, events / seconds, sim.traffic());
        }
    }

    private static long spikes(ProbeData data) {
        long s = 0;
        for (int[] row : data.values()) {
            for (int v : row) {
                s += v;
            }
        }
        return s;
    }
}
