package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.emulator.Loihi1Backend;

/** The spiking circuit on the emulator and the functional model, through the circuit SPI. */
class SbpProvidersTest {

    private static final CircuitSettings SETTINGS = CircuitSettings.layers(40, java.util.List.of(16), 4, 5, 1);

    @Test
    void chipAndFunctionalModelLearnTheSameWeightsAndPredictions() {
        Samples train = randomSamples(new SplittableRandom(1), 120);
        Samples test = randomSamples(new SplittableRandom(2), 50);
        try (TrainingSession chip = new SbpChipProvider().open(SETTINGS, new Loihi1Backend());
                TrainingSession functional = new SbpFunctionalProvider().open(SETTINGS, null)) {
            Map<String, int[][]> initial = functional.weights();
            for (int n = 0; n < train.count(); n++) {
                chip.train(train, n);
                functional.train(train, n);
            }
            assertSameWeights(functional.weights(), chip.weights());
            assertEquals(Map.of("w1_copies_differing", 0L, "w2_copies_differing", 0L, "w2Tp_differing_from_w2T", 0L,
                    "w2Tm_differing_from_minus_w2T", 0L, "spikes_out_of_phase", 0L), chip.diagnostics());
            assertFalse(java.util.Arrays.deepEquals(initial.get("w1"), functional.weights().get("w1")),
                    "training must change W1");
            Evaluation fromChipWeights = chip.evaluate(test);
            Evaluation model = functional.evaluate(test);
            assertArrayEquals(model.predictions(), fromChipWeights.predictions());
            assertEquals(model.metrics(), fromChipWeights.metrics());
            // the 4-phase inference circuit on the chip agrees sample by sample with the functional pass
            Evaluation inferred = chip.infer(test);
            assertArrayEquals(model.predictions(), inferred.predictions());
            assertEquals(model.metrics(), inferred.metrics());
            assertEquals(model.counts(), inferred.counts());
            assertTrue(model.metric("top1_spikes") > 0 && model.metric("top1_spikes") < 1, "a test that can tell");
            // progress is told after every sample, in order
            java.util.List<Long> told = new java.util.ArrayList<>();
            Evaluation again = chip.infer(test, told::add);
            assertArrayEquals(inferred.predictions(), again.predictions());
            assertEquals(java.util.stream.LongStream.rangeClosed(1, test.count()).boxed().toList(), told);
        }
    }

    @Test
    void aRestoredSessionEndsWithTheWeightsOfAnUninterruptedOne() {
        Samples train = randomSamples(new SplittableRandom(3), 100);
        Map<String, int[][]> uninterrupted;
        try (TrainingSession chip = new SbpChipProvider().open(SETTINGS, new Loihi1Backend())) {
            for (int n = 0; n < train.count(); n++) {
                chip.train(train, n);
            }
            uninterrupted = chip.weights();
        }
        Map<String, int[][]> checkpoint;
        try (TrainingSession first = new SbpChipProvider().open(SETTINGS, new Loihi1Backend())) {
            for (int n = 0; n < 40; n++) {
                first.train(train, n);
            }
            checkpoint = first.weights();
        }
        try (TrainingSession resumed = new SbpChipProvider().open(SETTINGS, new Loihi1Backend())) {
            resumed.restore(checkpoint);
            for (int n = 40; n < train.count(); n++) {
                resumed.train(train, n);
            }
            assertSameWeights(uninterrupted, resumed.weights());
        }
    }

    @Test
    void diagnosticsCountCopiesThatDisagree() {
        try (TrainingSession chip = new SbpChipProvider().open(SETTINGS, new Loihi1Backend())) {
            Map<String, int[][]> weights = new java.util.LinkedHashMap<>(chip.weights());
            int[][] w1Copy = weights.get("w1@x->h1<").clone();
            w1Copy[0] = w1Copy[0].clone();
            w1Copy[0][0] += w1Copy[0][0] < 0 ? 2 : -2;
            w1Copy[0][1] += w1Copy[0][1] < 0 ? 2 : -2;
            weights.put("w1@x->h1<", w1Copy);
            chip.restore(weights);

            assertEquals(2L, chip.diagnostics().get("w1_copies_differing"));
            assertEquals(0L, chip.diagnostics().get("w2Tm_differing_from_minus_w2T"));
        }
    }

    private static void assertSameWeights(Map<String, int[][]> expected, Map<String, int[][]> actual) {
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
        // the chip's extra copies equal the primary ones
        for (String copy : actual.keySet()) {
            if (copy.contains("@")) {
                assertArrayEquals(actual.get(copy.substring(0, copy.indexOf('@'))), actual.get(copy), copy);
            }
        }
    }

    private static Samples randomSamples(SplittableRandom random, int count) {
        return RandomSamples.of(random, count, 40, 4);
    }
}
