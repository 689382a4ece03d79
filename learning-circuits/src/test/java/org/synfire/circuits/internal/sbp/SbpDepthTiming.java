package org.synfire.circuits.internal.sbp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.synfire.chip.api.data.Samples;

/**
 * A rough timing of the functional model's training, not a test: microseconds per sample on the
 * embedded MNIST digits (400 inputs) at depth 1 (400-400-10, also with the frozen pre-depth model for
 * comparison, the two taking turns repetition by repetition), 2 (400-400-400-10) and 3 (400-400-400-400-10);
 * a fresh model per repetition, the median of the repetitions after a warm-up round, in wall time and in the
 * thread's CPU time (the steadier figure on a shared machine). Run from the module directory with the test classes and
 * chip-api on the class path: {@code java -cp target/classes:target/test-classes:<chip-api jar>
 * org.synfire.circuits.internal.sbp.SbpDepthTiming [repetitions [samples]]}.
 */
final class SbpDepthTiming {

    private SbpDepthTiming() {
    }

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Samples digits = MnistMini.train();
        int samples = args.length > 1 ? Math.min(Integer.parseInt(args[1]), digits.count()) : digits.count();
        int[][] depths = {{400, 400, 10}, {400, 400, 400, 10}, {400, 400, 400, 400, 10}};
        System.out.printf("# %d samples per repetition, median of %d; wall and thread CPU time%n", samples,
                repetitions);
        for (int round = 0; round < 2; round++) { // the first round warms up
            // depth 1 and the frozen pre-depth model alternate repetition by repetition: both see the same load
            double[][] pair = time(repetitions, samples, List.of(() -> {
                SbpWeights w = SbpInitialWeights.draw(400, 400, 10, 1);
                SbpFunctionalModelDepth1Oracle model = new SbpFunctionalModelDepth1Oracle(
                        new SbpFunctionalModelDepth1Oracle.Weights(w.toMap().get("w1"), w.toMap().get("w2")));
                return n -> model.train(digits.inputs(), n * digits.dimension(), digits.labels()[n]);
            }, () -> {
                SbpFunctionalModel model = new SbpFunctionalModel(SbpInitialWeights.draw(depths[0], 1, false));
                return n -> model.train(digits.inputs(), n * digits.dimension(), digits.labels()[n]);
            }));
            if (round > 0) {
                print("pre-depth model", depths[0], pair[0]);
                print("depth 1", depths[0], pair[1]);
            }
            for (int d = 1; d < depths.length; d++) {
                int[] sizes = depths[d];
                double[][] one = time(repetitions, samples, List.of(() -> {
                    SbpFunctionalModel model = new SbpFunctionalModel(SbpInitialWeights.draw(sizes, 1, false));
                    return n -> model.train(digits.inputs(), n * digits.dimension(), digits.labels()[n]);
                }));
                if (round > 0) {
                    print("depth " + (sizes.length - 2), sizes, one[0]);
                }
            }
        }
    }

    private static void print(String what, int[] sizes, double[] micros) {
        System.out.printf("%-16s %-26s %8.2f us/sample wall %8.2f cpu %6.1f bytes allocated/sample%n", what,
                Arrays.toString(sizes), micros[0], micros[1], micros[2]);
    }

    /** The bytes this thread has allocated so far (HotSpot's count). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /**
     * Per setup, the medians per sample of {@code repetitions} runs (wall and thread CPU microseconds, bytes
     * allocated); each run
     * set up (untimed) by its setup, the setups taking turns.
     */
    private static double[][] time(int repetitions, int samples, List<Supplier<IntConsumer>> setups) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][][] micros = new double[setups.size()][3][repetitions];
        for (int r = 0; r < repetitions; r++) {
            for (int s = 0; s < setups.size(); s++) {
                IntConsumer train = setups.get(s).get();
                long bytes = allocated();
                long cpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                for (int n = 0; n < samples; n++) {
                    train.accept(n);
                }
                micros[s][0][r] = (System.nanoTime() - start) / 1e3 / samples;
                micros[s][1][r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / samples;
                micros[s][2][r] = (allocated() - bytes) / (double) samples;
            }
        }
        double[][] medians = new double[setups.size()][3];
        for (int s = 0; s < setups.size(); s++) {
            for (int k = 0; k < 3; k++) {
                Arrays.sort(micros[s][k]);
                medians[s][k] = micros[s][k][repetitions / 2];
            }
        }
        return medians;
    }
}
