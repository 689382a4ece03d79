package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.emulator.Loihi1Backend;

/**
 * The sBP circuit with two and three hidden layers, spiking on the emulated Loihi, learns exactly what its
 * functional model computes: every matrix and transposed copy equal bit for bit after every sample, every
 * copy on the chip equal to its primary, no spike out of its phase; and the inference circuit of that
 * depth predicts what the functional forward pass predicts, sample by sample.
 */
class SbpDepthOnChipTest {

    /**
     * Layer sizes, then circuit options: depth 1 (its defaults), and deeper circuits as they were before
     * {@code hidden-exponent} (exponent 0, the specification's initial weights), also with a wider hidden window.
     */
    @ParameterizedTest
    @ValueSource(strings = {"24,10,4", "40,16,12,4 hidden-exponent=0 hidden-init=spec",
        "40,20,16,12,4 hidden-exponent=0 hidden-init=spec",
        "40,20,16,12,4 hidden-exponent=0 hidden-init=spec hidden-window=512"})
    void chipEqualsTheFunctionalModelAfterEverySample(String run) {
        String[] words = run.split(" ");
        int[] sizes = Arrays.stream(words[0].split(",")).mapToInt(Integer::parseInt).toArray();
        trainBoth(sizes, options(words), null);
    }

    /**
     * Depths 2 and 3 with the defaults of a deep circuit (hidden-to-hidden matrices at exponent -2, each mantissa
     * shifted before the sum as the chip does) and at exponent -1 (the sums halve), from random weights wide enough
     * that every layer learns: in a network this small the default initial weights barely reach layer 1 through
     * the lowered layers (the initialisation's own path is SbpInitialWeightsTest's, and the CLI's on-chip runs').
     */
    @ParameterizedTest
    @ValueSource(strings = {"30,40,40,4", "30,40,40,30,4", "30,40,40,30,4 hidden-exponent=-1"})
    void chipEqualsTheFunctionalModelAtLowerHiddenExponents(String run) {
        String[] words = run.split(" ");
        int[] sizes = Arrays.stream(words[0].split(",")).mapToInt(Integer::parseInt).toArray();
        Map<String, String> options = options(words);
        int exponent = SbpOptions.of("test", CircuitSettings.layers(sizes[0],
                Arrays.stream(sizes, 1, sizes.length - 1).boxed().toList(), sizes[sizes.length - 1], 1, 1, options))
                .hiddenExponent();
        trainBoth(sizes, options, SbpFunctionalModelDepthTest.learnableWeights(sizes, exponent, 51 - exponent));
    }

    /** The options {@code KEY=VALUE} after the first word, over {@code init=shifted-w2}. */
    private static Map<String, String> options(String[] words) {
        Map<String, String> options = new java.util.HashMap<>(Map.of("init", "shifted-w2"));
        for (int i = 1; i < words.length; i++) {
            options.put(words[i].substring(0, words[i].indexOf('=')), words[i].substring(words[i].indexOf('=') + 1));
        }
        return options;
    }

    /**
     * Trains the chip circuit and the functional model side by side on random samples and checks them as the class
     * says; {@code start}, when given, replaces both circuits' initial weights.
     */
    private static void trainBoth(int[] sizes, Map<String, String> options, Map<String, int[][]> start) {
        List<Integer> hidden = Arrays.stream(sizes, 1, sizes.length - 1).boxed().toList();
        CircuitSettings settings = CircuitSettings.layers(sizes[0], hidden, sizes[sizes.length - 1], 11, 1,
                options);
        Samples train = RandomSamples.of(new SplittableRandom(5), 240, sizes[0], sizes[sizes.length - 1]);
        Samples test = RandomSamples.of(new SplittableRandom(6), 60, sizes[0], sizes[sizes.length - 1]);
        try (TrainingSession chip = new SbpChipProvider().open(settings, new Loihi1Backend());
                TrainingSession functional = new SbpFunctionalProvider().open(settings, null)) {
            if (start != null) {
                chip.restore(start);
                functional.restore(start);
            }
            Map<String, int[][]> initial = functional.weights();
            for (int n = 0; n < train.count(); n++) {
                chip.train(train, n);
                functional.train(train, n);
                Map<String, int[][]> expected = functional.weights();
                Map<String, int[][]> onChip = chip.weights();
                for (Map.Entry<String, int[][]> e : expected.entrySet()) {
                    assertArrayEquals(e.getValue(), onChip.get(e.getKey()), e.getKey() + " after sample " + n);
                }
            }
            Map<String, int[][]> learned = functional.weights();
            for (String matrix : functional.matrices()) {
                assertTrue(!Arrays.deepEquals(initial.get(matrix), learned.get(matrix)),
                        "the test must exercise learning in " + matrix);
            }
            chip.weights().forEach((key, copy) -> {
                if (key.contains("@")) {
                    assertArrayEquals(chip.weights().get(key.substring(0, key.indexOf('@'))), copy, key);
                }
            });
            assertEquals(0L, chip.diagnostics().get("spikes_out_of_phase"), chip.diagnostics().toString());
            Evaluation model = functional.evaluate(test);
            Evaluation inferred = chip.infer(test);
            assertArrayEquals(model.predictions(), inferred.predictions());
            assertEquals(model.metrics(), inferred.metrics());
            assertEquals(model.counts(), inferred.counts());
        }
    }
}
