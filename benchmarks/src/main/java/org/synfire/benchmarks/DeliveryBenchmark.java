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
import org.synfire.chip.emulator.Loihi1Backend;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * Synaptic delivery as in the sBP circuit's forward pass: in every timestep 100 of 400 inputs spike into three
 * 400-compartment groups over dense connections (the three copies of W1), 120,000 synaptic events per timestep.
 * The targets are memoryless and never reach their threshold, so the rest of the timestep is the update of
 * 1,200 compartments. {@code delays}: with synaptic delays 0 (the contiguous two-array loop) or 0..3 (the
 * general path, one accumulator slot per synapse). Divide the time per operation by 120,000 for the time per
 * synaptic event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeliveryBenchmark {

    private static final int SIZE = 400;
    private static final int ACTIVE = 100;
    private static final int PATTERNS = 64;

    @Param({"false", "true"})
    boolean delays;

    private ChipSimulation sim;
    private int[][] patterns;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        CompartmentPrototype silent = CompartmentPrototype.builder().dU(4096).dV(4096).vThMant(131_071).build();
        Network.Builder b = Network.builder().generator("x", SIZE);
        for (String copy : new String[] {"h", "h<", "h>"}) {
            int[][] w = new int[SIZE][SIZE];
            int[] d = new int[SIZE * SIZE];
            for (int i = 0; i < SIZE; i++) {
                for (int j = 0; j < SIZE; j++) {
                    w[i][j] = 2 * random.nextInt(-120, 121);
                    d[i * SIZE + j] = delays ? random.nextInt(4) : 0;
                }
            }
            b.group(copy, SIZE, silent).connect("x", copy).weights(w).delays(d).add();
        }
        sim = new Loihi1Backend().open(b.build(), RunOptions.seed(1));
        patterns = new int[PATTERNS][];
        for (int p = 0; p < PATTERNS; p++) {
            patterns[p] = random.ints(0, SIZE).distinct().limit(ACTIVE).toArray();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
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
