package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.emulator.Loihi1Backend;
import org.synfire.chip.emulator.reference.Loihi1ReferenceBackend;

/**
 * The sBP circuit trained on {@code loihi1-reference} (no fast paths) and on {@code loihi1}: after every one of a
 * few hundred random samples, every weight array the sessions report (the matrices and the chip's extra copies)
 * is equal, at one hidden layer and at two.
 */
class SbpReferenceBackendTest {

    @Test
    void oneHiddenLayerLearnsTheSameWeightsOnBothBackends() {
        trainBoth(CircuitSettings.layers(40, List.of(16), 4, 7, 1), 300, 11);
    }

    /** Two hidden layers with the deep default, w2 at exponent -2, from weights with which every layer learns. */
    @Test
    void twoHiddenLayersLearnTheSameWeightsOnBothBackends() {
        trainBoth(CircuitSettings.layers(40, List.of(12, 8), 4, 9, 1), 200, 12,
                SbpFunctionalModelDepthTest.learnableWeights(new int[] {40, 12, 8, 4}, -2, 9));
    }

    private static void trainBoth(CircuitSettings settings, int count, long dataSeed) {
        trainBoth(settings, count, dataSeed, null);
    }

    private static void trainBoth(CircuitSettings settings, int count, long dataSeed, Map<String, int[][]> start) {
        Samples train = randomSamples(new SplittableRandom(dataSeed), count);
        try (TrainingSession fast = new SbpChipProvider().open(settings, new Loihi1Backend());
                TrainingSession reference = new SbpChipProvider().open(settings, new Loihi1ReferenceBackend())) {
            if (start != null) {
                fast.restore(start);
                reference.restore(start);
            }
            Map<String, int[][]> initial = fast.weights();
            assertSameWeights(initial, reference.weights(), -1);
            for (int n = 0; n < train.count(); n++) {
                fast.train(train, n);
                reference.train(train, n);
                assertSameWeights(fast.weights(), reference.weights(), n);
            }
            assertFalse(java.util.Arrays.deepEquals(initial.get("w1"), fast.weights().get("w1")),
                    "training must change W1");
            assertEquals(fast.diagnostics(), reference.diagnostics());
        }
    }

    private static void assertSameWeights(Map<String, int[][]> expected, Map<String, int[][]> actual, int sample) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name + " after sample " + sample);
        }
    }

    private static Samples randomSamples(SplittableRandom random, int count) {
        return RandomSamples.of(random, count, 40, 4);
    }
}
