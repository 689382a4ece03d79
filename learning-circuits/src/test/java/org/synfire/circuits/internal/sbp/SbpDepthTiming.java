package org.synfire.circuits.internal.sbp;

import java.util.Arrays;

import org.synfire.chip.api.data.Samples;

/**
 * A rough timing of the functional model's training, not a test: microseconds per sample on the
 * embedded MNIST digits (400 inputs) at depth 1 (400-400-10, also with the frozen pre-depth model for
 * comparison), 2 (400-400-400-10) and 3 (400-400-400-400-10); a fresh model per repetition, the median
 * of the repetitions after warm-up ones. Run from the module directory with the test classes and
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
        for (int round = 0; round < 2; round++) { // the first round warms up
            double old = time(repetitions, () -> {
                SbpWeights w = SbpInitialWeights.draw(400, 400, 10, 1);
                SbpFunctionalModelDepth1Oracle model = new SbpFunctionalModelDepth1Oracle(
                        new SbpFunctionalModelDepth1Oracle.Weights(w.toMap().get("w1"), w.toMap().get("w2")));
                return () -> {
                    for (int n = 0; n < samples; n++) {
                        model.train(digits.inputs(), n * digits.dimension(), digits.labels()[n]);
                    }
                };
            }) / samples;
            if (round > 0) {
                System.out.printf("pre-depth model 400-400-10           %8.2f us/sample%n", old);
            }
            for (int[] sizes : depths) {
                double now = time(repetitions, () -> {
                    SbpFunctionalModel model = new SbpFunctionalModel(SbpInitialWeights.draw(sizes, 1, false));
                    return () -> {
                        for (int n = 0; n < samples; n++) {
                            model.train(digits.inputs(), n * digits.dimension(), digits.labels()[n]);
                        }
                    };
                }) / samples;
                if (round > 0) {
                    System.out.printf("depth %d %-28s %8.2f us/sample%n", sizes.length - 2, Arrays.toString(sizes),
                            now);
                }
            }
        }
    }

    /** The median microseconds of {@code repetitions} runs, each set up (untimed) by {@code setup}. */
    private static double time(int repetitions, java.util.function.Supplier<Runnable> setup) {
        double[] micros = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            Runnable run = setup.get();
            long start = System.nanoTime();
            run.run();
            micros[r] = (System.nanoTime() - start) / 1e3;
        }
        Arrays.sort(micros);
        return micros[repetitions / 2];
    }
}
