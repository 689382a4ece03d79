package org.example.perceptron;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.InferenceNetwork;
import org.synfire.chip.api.data.Samples;
import org.synfire.circuits.dsl.CircuitModel;
import org.synfire.circuits.dsl.ClassificationTally;

/**
 * What the perceptron's description cannot say: its initial weights and its forward pass. The functional
 * model of one sample, as the chip computes it (weights are even mantissas, -256 .. 254):
 * <pre>
 *   a = x w;  o = [a > 512];  om = [a > 0];  op = [a > 1024]
 *   dp = om and t and not o;  dn = om and o and not t and not op
 *   w += 2 outer(x, dp)   (phase 4)      w -= 2 outer(x, dn)   (phase 6)      each step clamped
 * </pre>
 */
final class PerceptronModel implements CircuitModel {

    static final String MATRIX = "w";

    /**
     * w normal with mean 10.24 and standard deviation 20.48 (the sBP published code's {@code rand} mode for its
     * output layer: a positive mean keeps every output alive), clipped to +-240 and truncated to even values.
     */
    @Override
    public Map<String, int[][]> initialWeights(CircuitSettings settings) {
        settings.requireOnly("perceptron", java.util.Set.of());
        int inputs = settings.size(CircuitSettings.INPUTS);
        int outputs = settings.size(CircuitSettings.OUTPUTS);
        SplittableRandom random = new SplittableRandom(settings.seed());
        int[][] w = new int[inputs][outputs];
        for (int[] row : w) {
            for (int k = 0; k < outputs; k++) {
                double u1 = 1.0 - random.nextDouble();
                double u2 = random.nextDouble();
                double normal = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
                double value = Math.max(-240, Math.min(240, (normal + 0.5) * 1024 / 50));
                row[k] = 2 * (int) (value / 2);
            }
        }
        return Map.of(MATRIX, w);
    }

    @Override
    public Evaluation evaluate(Map<String, int[][]> weights, Samples samples) {
        int[][] w = weights.get(MATRIX);
        int outputs = w[0].length;
        ClassificationTally tally = new ClassificationTally(outputs, 0);
        int[] a = new int[outputs];
        boolean[] fired = new boolean[outputs];
        for (int n = 0; n < samples.count(); n++) {
            forward(w, samples.inputs(), n * samples.dimension(), a);
            for (int k = 0; k < outputs; k++) {
                fired[k] = a[k] > 512;
            }
            tally.add(samples.labels()[n], fired, a, new boolean[0]);
        }
        return tally.evaluation();
    }

    /**
     * The trained perceptron for {@code synfire export}: one layer of threshold units, unit k firing iff its sum
     * {@code a = x w} exceeds 512, as {@link #evaluate} has it; weights in mantissa units at exponent 0.
     */
    @Override
    public Optional<InferenceNetwork> inferenceNetwork(Map<String, int[][]> weights) {
        int[][] w = weights.get(MATRIX);
        int inputs = w.length;
        int outputs = w[0].length;
        int[] transposed = new int[inputs * outputs]; // the layer holds outputs x inputs, row-major
        for (int i = 0; i < inputs; i++) {
            for (int k = 0; k < outputs; k++) {
                transposed[k * inputs + i] = w[i][k];
            }
        }
        int[] threshold = new int[outputs];
        java.util.Arrays.fill(threshold, 512);
        return Optional.of(new InferenceNetwork(List.of(new InferenceNetwork.Layer(MATRIX, inputs, outputs,
                transposed, new int[outputs], threshold)), 0,
                "weight mantissa at exponent 0; a unit fires iff its sum exceeds 512",
                "the first output unit that fires, 0 when none fires"));
    }

    /** a = x w for the sample at {@code offset}. */
    static void forward(int[][] w, byte[] x, int offset, int[] a) {
        java.util.Arrays.fill(a, 0);
        for (int i = 0; i < w.length; i++) {
            if (x[offset + i] != 0) {
                for (int k = 0; k < a.length; k++) {
                    a[k] += w[i][k];
                }
            }
        }
    }

    /** One training sample of the functional model: the output-layer rule, as the chip's phases 4 and 6 apply it. */
    static void train(int[][] w, byte[] x, int offset, int label) {
        int outputs = w[0].length;
        int[] a = new int[outputs];
        forward(w, x, offset, a);
        for (int step : new int[] {+2, -2}) {
            for (int k = 0; k < outputs; k++) {
                boolean o = a[k] > 512;
                boolean om = a[k] > 0;
                boolean op = a[k] > 1024;
                boolean t = k == label;
                boolean error = step > 0 ? om && t && !o : om && o && !t && !op;
                if (error) {
                    for (int i = 0; i < w.length; i++) {
                        if (x[offset + i] != 0) {
                            w[i][k] = Math.max(-256, Math.min(254, w[i][k] + step));
                        }
                    }
                }
            }
        }
    }
}
