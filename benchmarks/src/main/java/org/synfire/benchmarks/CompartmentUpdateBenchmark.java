package org.synfire.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

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
import org.synfire.chip.api.network.Mask;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.emulator.Loihi1Backend;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * The compartment update: 3,200 compartments (the sBP circuit has 3,282), eight groups of 400, each driven in
 * every timestep by one gate spike (400 synapses, so delivery is a small part), with the sBP units' negative bias;
 * half of the groups fire in each timestep. {@code memoryless}: dU = dV = 4096 as the sBP units (the emulator's
 * short path), or decaying state (dU = 1024, dV = 512: the general arithmetic).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompartmentUpdateBenchmark {

    private static final int GROUPS = 8;
    private static final int SIZE = 400;

    @Param({"true", "false"})
    boolean memoryless;

    private ChipSimulation sim;

    @Setup(Level.Trial)
    public void setUp() {
        int decayU = memoryless ? 4096 : 1024;
        int decayV = memoryless ? 4096 : 512;
        CompartmentPrototype unit = CompartmentPrototype.builder().dU(decayU).dV(decayV).vThMant(1024)
                .bias(-4096, 7).refractoryDelay(1).build();
        Network.Builder b = Network.builder().generator("gate", GROUPS);
        for (int g = 0; g < GROUPS; g++) {
            // gate g drives group g: 254 * 2^7 * 64 lifts odd groups over the bias and threshold, 254 * 64 does not
            String name = "p" + g;
            b.group(name, SIZE, unit).connect("gate", name).mask(new Mask.Explicit(fill(SIZE, g), range(SIZE)))
                    .weight(254).exponent(g % 2 == 1 ? 7 : 0).add();
        }
        sim = new Loihi1Backend().open(b.build(), RunOptions.seed(1));
    }

    private static int[] fill(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    private static int[] range(int n) {
        return IntStream.range(0, n).toArray();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sim.close();
    }

    @Benchmark
    public long timestep() {
        for (int g = 0; g < GROUPS; g++) {
            sim.inject("gate", g);
        }
        sim.run(1);
        return sim.timestep();
    }
}
