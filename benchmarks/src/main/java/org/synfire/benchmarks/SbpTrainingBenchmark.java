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
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.emulator.Loihi1Backend;
import org.synfire.circuits.internal.sbp.SbpChipProvider;
import org.synfire.circuits.internal.sbp.SbpFunctionalProvider;

/**
 * One training sample of the 400-400-10 sBP circuit, on the emulated chip ({@code loihi1}, with 1 or 2
 * threads) or with the functional model: random 25 %-dense inputs, random labels, a fixed seed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SbpTrainingBenchmark {

    private static final int SAMPLES = 1024;

    @Param({"loihi1", "functional"})
    String backend;

    @Param({"1", "2"})
    int threads;

    private TrainingSession session;
    private Samples samples;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(3);
        byte[] inputs = new byte[SAMPLES * 400];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (byte) (random.nextInt(4) == 0 ? 1 : 0);
        }
        int[] labels = random.ints(SAMPLES, 0, 10).toArray();
        samples = new Samples(SAMPLES, 400, inputs, labels, 10);
        CircuitSettings settings = CircuitSettings.layers(400, java.util.List.of(400), 10, 1, threads);
        session = backend.equals("functional") ? new SbpFunctionalProvider().open(settings, null)
                : new SbpChipProvider().open(settings, new Loihi1Backend());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
    }

    @Benchmark
    public void trainOneSample() {
        session.train(samples, next);
        next = (next + 1) % SAMPLES;
    }
}
