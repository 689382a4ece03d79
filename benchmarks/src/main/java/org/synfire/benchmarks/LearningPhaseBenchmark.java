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
import org.openjdk.jmh.annotations.Warmup;
import org.synfire.chip.emulator.internal.learning.EpochInputs;
import org.synfire.chip.emulator.internal.learning.LearningRandom;
import org.synfire.chip.emulator.internal.learning.RuleEvaluator;
import org.synfire.chip.emulator.internal.learning.SynapseFormat;
import org.synfire.chip.emulator.internal.learning.WeightSign;
import org.synfire.chip.model.loihi1.learning.Rule;

/**
 * The learning phase of one epoch of a dense 400 x 400 plastic connection under the sBP rule, visiting every
 * synapse ({@code applyEpoch}) or only those it can change ({@code applyEpochByRows}). Spikes as in the sBP
 * circuit's learning phases: a quarter of the axons, a tenth of the compartments.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LearningPhaseBenchmark {

    @Param({"400"})
    int size;

    private int[] rowStart;
    private int[] pre;
    private int[] post;
    private int[] weight;
    private RuleEvaluator rule;
    private EpochInputs in;
    private LearningRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom seeds = new SplittableRandom(1);
        int n = size * size;
        rowStart = new int[size + 1];
        pre = new int[n];
        post = new int[n];
        weight = new int[n];
        for (int i = 0; i < size; i++) {
            rowStart[i + 1] = (i + 1) * size;
            for (int j = 0; j < size; j++) {
                pre[i * size + j] = i;
                post[i * size + j] = j;
                weight[i * size + j] = 2 * seeds.nextInt(-64, 64);
            }
        }
        rule = RuleEvaluator.compile(Rule.parse("dw = y0*x0*r1*4 - y0*x0*2"),
                new SynapseFormat(WeightSign.MIXED, 8, 0, 0));
        in = EpochInputs.spikes(1, spikes(seeds, size, 0.25), spikes(seeds, size, 0.10), true, 1);
        random = LearningRandom.forCore(1, 0);
    }

    private static long[] spikes(SplittableRandom seeds, int size, double p) {
        long[] bits = new long[(size + 63) >>> 6];
        for (int i = 0; i < size; i++) {
            if (seeds.nextDouble() < p) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        return bits;
    }

    @Benchmark
    public int everySynapse() {
        rule.applyEpoch(pre, post, weight, null, null, in, random);
        return weight[0];
    }

    @Benchmark
    public int eventDriven() {
        rule.applyEpochByRows(rowStart, pre, post, weight, null, null, in, random);
        return weight[0];
    }
}
