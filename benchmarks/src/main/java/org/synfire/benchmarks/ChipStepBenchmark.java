package org.synfire.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.emulator.Loihi1Backend;
import org.synfire.chip.emulator.loihi2.Loihi2Backend;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * One timestep of the same network on each chip backend: 400 inputs of which 100 (p = 0.25) spike in every
 * timestep, all to all into a population of 400, all to all into a second population of 400 (320,000 synapses),
 * leaky compartments (dU = 1024, dV = 1024) with thresholds that let a part of each population fire. The trial's
 * spikes per timestep are printed at its end, so the two backends' activity can be compared (their arithmetic
 * differs in places, their activity should not much).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChipStepBenchmark {

    private static final int SIZE = 400;
    private static final int ACTIVE = 100;
    private static final int PATTERNS = 64;

    @Param({"loihi1", "loihi2"})
    String backend;

    private ChipSimulation sim;
    private int[][] patterns;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        Network.Builder b = Network.builder().generator("x", SIZE);
        String source = "x";
        int[] thresholds = {24_000, 10_000};
        for (int layer = 0; layer < 2; layer++) {
            String name = "h" + (layer + 1);
            int[][] w = new int[SIZE][SIZE];
            for (int i = 0; i < SIZE; i++) {
                for (int j = 0; j < SIZE; j++) {
                    w[i][j] = 2 * random.nextInt(-20, 41);
                }
            }
            b.group(name, SIZE, CompartmentPrototype.builder().dU(1024).dV(1024).vThMant(thresholds[layer]))
                    .connect(source, name).weights(w).add();
            source = name;
        }
        ChipBackend chip = switch (backend) {
            case "loihi1" -> new Loihi1Backend();
            case "loihi2" -> new Loihi2Backend();
            default -> throw new IllegalArgumentException("backend " + backend + ": expected loihi1 or loihi2");
        };
        sim = chip.open(b.build(), RunOptions.seed(1));
        patterns = new int[PATTERNS][];
        for (int p = 0; p < PATTERNS; p++) {
            patterns[p] = random.ints(0, SIZE).distinct().limit(ACTIVE).toArray();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long[] spikes = sim.spikesPerGroup();
        System.out.printf("%n%s: %d timesteps, spikes per timestep h1 %.1f, h2 %.1f%n", backend, sim.timestep(),
                spikes[0] / (double) sim.timestep(), spikes[1] / (double) sim.timestep());
        sim.close();
    }

    @Benchmark
    public long timestep() {
        for (int i : patterns[next]) {
            sim.inject("x", i);
        }
        next = (next + 1) % PATTERNS;
        sim.run(1);
        return sim.timestep();
    }
}
