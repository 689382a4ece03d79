package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.InferenceNetwork;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;

/** The sBP circuit as dense threshold layers, for export: it must give the functional model's predictions. */
class SbpInferenceNetworkTest {

    /** W_l is inputs x units; the layer holds it transposed, units x inputs, with threshold 512 and no bias. */
    @Test
    void layersHoldTheTransposedMatricesWithTheForwardThreshold() {
        int[][] w1 = {{2, 4, 6}, {8, 10, 12}};  // 2 inputs, 3 hidden
        int[][] w2 = {{14}, {16}, {18}};        // 3 hidden, 1 output
        InferenceNetwork net = SbpInferenceNetwork.of(SbpWeights.of(w1, w2));

        assertEquals(2, net.layers().size());
        InferenceNetwork.Layer first = net.layers().get(0);
        assertEquals("w1", first.name());
        assertEquals(2, first.inputs());
        assertEquals(3, first.outputs());
        assertArrayEquals(new int[] {2, 8, 4, 10, 6, 12}, first.weight());
        assertArrayEquals(new int[] {0, 0, 0}, first.bias());
        assertArrayEquals(new int[] {512, 512, 512}, first.threshold());
        assertArrayEquals(new int[] {14, 16, 18}, net.layers().get(1).weight());
        assertEquals(0, net.weightExponent());
    }

    /**
     * A plain evaluation of the layers (the definition in {@link InferenceNetwork}'s Javadoc) predicts what
     * the functional evaluator predicts, sample by sample, at depths 1 to 3 after some training.
     */
    @Test
    void evaluatingTheLayersGivesTheFunctionalPredictions() {
        for (List<Integer> hidden : List.of(List.of(16), List.of(40, 30), List.of(40, 30, 20))) {
            CircuitSettings settings = CircuitSettings.layers(30, hidden, 5, 7, 1);
            Samples train = patterned(new SplittableRandom(11), 300);
            Samples test = patterned(new SplittableRandom(12), 200);
            try (TrainingSession session = new SbpFunctionalProvider().open(settings, null)) {
                if (hidden.size() >= 2) { // the deep default (exponent -2), from weights with which every layer learns
                    int[] sizes = settings.layerSizes();
                    session.restore(SbpFunctionalModelDepthTest.learnableWeights(sizes, -2, 3));
                }
                for (int n = 0; n < train.count(); n++) {
                    session.train(train, n);
                }
                InferenceNetwork net = session.inferenceNetwork().orElseThrow();
                Evaluation functional = session.evaluate(test);
                int[] predicted = new int[test.count()];
                for (int n = 0; n < test.count(); n++) {
                    predicted[n] = firstFiring(forward(net, test, n));
                }
                assertArrayEquals(functional.predictions(), predicted, "hidden " + hidden);
                // a test that can tell: the outputs fire, and not always the same one
                assertTrue(java.util.Arrays.stream(predicted).distinct().count() >= 3,
                        "hidden " + hidden + ": predictions too uniform to tell: " + functional.metrics());
                // the chip circuit's model says the same network for the same weights
                InferenceNetwork viaModel = new SbpModel("sbp").inferenceNetwork(settings, session.weights()).orElseThrow();
                for (int l = 0; l < net.layers().size(); l++) {
                    assertArrayEquals(net.layers().get(l).weight(), viaModel.layers().get(l).weight());
                }
            }
        }
    }

    /** 30 inputs, 5 classes, each a fixed random pattern with 5 % of the bits flipped: learnable. */
    private static Samples patterned(SplittableRandom random, int count) {
        SplittableRandom fixed = new SplittableRandom(99);
        byte[][] patterns = new byte[5][30];
        for (byte[] p : patterns) {
            for (int i = 0; i < p.length; i++) {
                p[i] = (byte) (fixed.nextInt(100) < 40 ? 1 : 0);
            }
        }
        byte[] x = new byte[count * 30];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = random.nextInt(5);
            for (int i = 0; i < 30; i++) {
                x[n * 30 + i] = (byte) (patterns[labels[n]][i] ^ (random.nextInt(100) < 5 ? 1 : 0));
            }
        }
        return new Samples(count, 30, x, labels, 5);
    }

    private static boolean[] forward(InferenceNetwork net, Samples samples, int n) {
        boolean[] x = new boolean[samples.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = samples.inputs()[n * samples.dimension() + i] != 0;
        }
        for (InferenceNetwork.Layer layer : net.layers()) {
            boolean[] y = new boolean[layer.outputs()];
            for (int j = 0; j < y.length; j++) {
                long sum = layer.bias(j);
                for (int i = 0; i < x.length; i++) {
                    sum += x[i] ? layer.weight(j, i) : 0;
                }
                y[j] = sum > layer.threshold(j);
            }
            x = y;
        }
        return x;
    }

    private static int firstFiring(boolean[] fired) {
        for (int k = 0; k < fired.length; k++) {
            if (fired[k]) {
                return k;
            }
        }
        return 0;
    }
}
