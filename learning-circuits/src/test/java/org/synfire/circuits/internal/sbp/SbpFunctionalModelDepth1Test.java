package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.data.Samples;

/**
 * With one hidden layer the model is the one it was before it learned N layers, bit for bit: compared
 * with {@link SbpFunctionalModelDepth1Oracle} (that code, frozen) after every sample, on random data
 * (also at the saturation edges) and on the embedded MNIST digits.
 */
class SbpFunctionalModelDepth1Test {

    @Test
    void equalsTheFrozenModelOnRandomData() {
        SplittableRandom random = new SplittableRandom(5);
        int[] sizes = {40, 16, 4};
        for (boolean edges : new boolean[] {false, true}) {
            List<int[][]> m = SbpFunctionalModelDepthTest.randomMatrices(sizes, random, edges);
            int count = 1500;
            byte[] inputs = new byte[count * sizes[0]];
            int[] labels = new int[count];
            for (int n = 0; n < count; n++) {
                for (int i = 0; i < sizes[0]; i++) {
                    inputs[n * sizes[0] + i] = (byte) (random.nextInt(10) < 3 ? 1 : 0);
                }
                labels[n] = random.nextInt(sizes[2]);
            }
            int learned = trainAlongside(m.get(0), m.get(1), new Samples(count, sizes[0], inputs, labels, sizes[2]));
            assertTrue(learned > count / 4, "W1 changed in " + learned + " of " + count + " samples (edges " + edges
                    + "); the test needs learning");
        }
    }

    @Test
    void equalsTheFrozenModelOnMnistDigits() {
        Samples digits = MnistMini.train();
        SbpWeights initial = SbpInitialWeights.draw(400, 400, 10, 1);
        int learned = trainAlongside(initial.toMap().get("w1"), initial.toMap().get("w2"), digits);
        assertTrue(learned > digits.count() / 4, "W1 changed in " + learned + " of " + digits.count() + " samples");
    }

    /** Both models on the same samples, every array and potential compared after each; returns how often W1 moved. */
    private static int trainAlongside(int[][] w1, int[][] w2, Samples samples) {
        SbpFunctionalModelDepth1Oracle oracle = new SbpFunctionalModelDepth1Oracle(
                new SbpFunctionalModelDepth1Oracle.Weights(w1, w2));
        SbpWeights weights = SbpWeights.of(w1, w2);
        SbpFunctionalModel model = new SbpFunctionalModel(weights);
        assertEquals(1, weights.depth());
        int learned = 0;
        for (int n = 0; n < samples.count(); n++) {
            int[] before = weights.w1.clone();
            int offset = n * samples.dimension();
            int label = samples.labels()[n];

            oracle.train(samples.inputs(), offset, label);
            model.train(samples.inputs(), offset, label);

            assertArrayEquals(oracle.hiddenPotential(), model.hiddenPotential(), "a1 of sample " + n);
            assertArrayEquals(oracle.outputPotential(), model.outputPotential(), "a2 of sample " + n);
            assertArrayEquals(oracle.w.w1, weights.w1, "W1 after sample " + n);
            assertArrayEquals(oracle.w.w2, weights.w2, "W2 after sample " + n);
            assertArrayEquals(oracle.w.w2tPlus, weights.w2tPlus, "W2T+ after sample " + n);
            assertArrayEquals(oracle.w.w2tMinus, weights.w2tMinus, "W2T- after sample " + n);
            learned += Arrays.equals(before, weights.w1) ? 0 : 1;
        }
        return learned;
    }
}
