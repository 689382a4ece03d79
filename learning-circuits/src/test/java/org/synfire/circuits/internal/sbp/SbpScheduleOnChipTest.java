package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.EpochChange;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.emulator.Loihi1Backend;

/**
 * {@code lr-schedule}: at each of its epochs the host doubles every matrix and copy and lowers every weight exponent
 * by one (the session closed and opened again with the next {@code lr-stage}); the chip circuit, so reprogrammed,
 * learns exactly what the functional model learns across the change, and the change leaves the forward pass as it
 * was where no weight saturated.
 */
class SbpScheduleOnChipTest {

    private static final int EPOCH = 40;

    /**
     * Depth 1 (W_1 and the output lowered) and depth 2 (also W_2, from hidden-exponent -2); and the output matrix
     * alone ({@code halve-output@}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"24,10,4 halve@1,2", "30,40,40,4 halve@1,2", "24,10,4 halve-output@1,2",
        "30,40,40,4 halve-output@1,2"})
    void chipEqualsTheFunctionalModelAfterEverySampleAcrossEveryHalving(String run) {
        String layers = run.split(" ")[0];
        String schedule = run.split(" ")[1];
        int[] sizes = Arrays.stream(layers.split(",")).mapToInt(Integer::parseInt).toArray();
        List<Integer> hidden = Arrays.stream(sizes, 1, sizes.length - 1).boxed().toList();
        CircuitSettings settings = CircuitSettings.layers(sizes[0], hidden, sizes[sizes.length - 1], 11, 1,
                Map.of("init", "positive-output", "lr-schedule", schedule));
        String output = SbpWeights.name(sizes.length - 1);
        List<String> halved = schedule.startsWith("halve-output") ? List.of(output) : null;
        Samples train = RandomSamples.of(new SplittableRandom(5), 4 * EPOCH, sizes[0], sizes[sizes.length - 1]);
        Samples test = RandomSamples.of(new SplittableRandom(6), 60, sizes[0], sizes[sizes.length - 1]);
        SbpChipProvider chipProvider = new SbpChipProvider();
        SbpFunctionalProvider functionalProvider = new SbpFunctionalProvider();
        int exponent = SbpOptions.of("test", settings).hiddenExponent();
        Map<String, int[][]> start = SbpFunctionalModelDepthTest.learnableWeights(sizes, exponent, 51 - exponent);
        TrainingSession chip = chipProvider.open(settings, new Loihi1Backend());
        TrainingSession functional = functionalProvider.open(settings, null);
        int halvings = 0;
        int unsaturated = 0;
        try {
            chip.restore(start);
            functional.restore(start);
            for (int n = 0; n < train.count(); n++) {
                int epoch = n / EPOCH;
                if (n > 0 && n % EPOCH == 0) {
                    Map<String, int[][]> before = functional.weights();
                    Evaluation forward = functional.evaluate(test);
                    java.util.Optional<EpochChange> onChip = chipProvider.epochChange(settings, epoch, chip.weights(),
                            chip.matrices());
                    java.util.Optional<EpochChange> inModel = functionalProvider.epochChange(settings, epoch, before,
                            functional.matrices());
                    assertEquals(epoch <= 2, onChip.isPresent(), "a halving after epochs 1 and 2 only");
                    assertEquals(onChip.isPresent(), inModel.isPresent());
                    if (onChip.isPresent()) {
                        halvings++;
                        assertEquals(Integer.toString(epoch), onChip.get().settings().options().get("lr-stage"));
                        assertEquals(saturating(before, halved != null ? halved : functional.matrices()),
                                inModel.get().saturated());
                        assertEquals(inModel.get().saturated(), onChip.get().saturated());
                        chip.close();
                        functional.close();
                        chip = chipProvider.open(onChip.get().settings(), new Loihi1Backend());
                        functional = functionalProvider.open(inModel.get().settings(), null);
                        chip.restore(onChip.get().weights());
                        functional.restore(inModel.get().weights());
                        for (String m : functional.matrices()) {
                            int[][] doubled = functional.weights().get(m);
                            for (int i = 0; i < doubled.length; i++) {
                                for (int j = 0; j < doubled[i].length; j++) {
                                    assertEquals(halved == null || halved.contains(m)
                                            ? SbpWeights.clamp(2 * before.get(m)[i][j]) : before.get(m)[i][j],
                                            doubled[i][j], m);
                                }
                            }
                        }
                        if (inModel.get().saturated() == 0) {
                            Evaluation after = functional.evaluate(test);
                            assertArrayEquals(forward.predictions(), after.predictions(), "the forward pass moved");
                        }
                        unsaturated += sameForwardPass(functionalProvider, settings, epoch, before, test) ? 1 : 0;
                    }
                }
                chip.train(train, n);
                functional.train(train, n);
                Map<String, int[][]> onChip = chip.weights();
                for (Map.Entry<String, int[][]> e : functional.weights().entrySet()) {
                    assertArrayEquals(e.getValue(), onChip.get(e.getKey()), e.getKey() + " after sample " + n);
                }
            }
            assertEquals(2, halvings);
            assertEquals(2, unsaturated);
            assertEquals(0L, chip.diagnostics().get("spikes_out_of_phase"), chip.diagnostics().toString());
            Evaluation model = functional.evaluate(test);
            Evaluation inferred = chip.infer(test);
            assertArrayEquals(model.predictions(), inferred.predictions());
            assertEquals(model.metrics(), inferred.metrics());
        } finally {
            chip.close();
            functional.close();
        }
    }

    /**
     * Whether a halving leaves the forward pass as it was (predictions and every figure on {@code test}) for weights that
     * all fit: {@code weights} clipped to -128 .. 126, at the stage before epoch {@code epoch} and doubled at its stage.
     */
    private static boolean sameForwardPass(SbpFunctionalProvider provider, CircuitSettings settings, int epoch,
            Map<String, int[][]> weights, Samples test) {
        Map<String, int[][]> fitting = new HashMap<>();
        weights.forEach((m, rows) -> fitting.put(m, Arrays.stream(rows)
                .map(r -> Arrays.stream(r).map(w -> Math.max(-128, Math.min(126, w))).toArray()).toArray(int[][]::new)));
        EpochChange change = provider.epochChange(settings, epoch, fitting, List.copyOf(fitting.keySet())).orElseThrow();
        assertEquals(0, change.saturated());
        try (TrainingSession before = provider.open(provider.settingsAt(settings, epoch - 1), null);
                TrainingSession after = provider.open(change.settings(), null)) {
            before.restore(fitting);
            after.restore(change.weights());
            Evaluation was = before.evaluate(test);
            Evaluation is = after.evaluate(test);
            return Arrays.equals(was.predictions(), is.predictions()) && was.metrics().equals(is.metrics());
        }
    }

    /** The weights of these matrices whose double does not fit -256 .. 254. */
    private static long saturating(Map<String, int[][]> weights, List<String> matrices) {
        long n = 0;
        for (String m : matrices) {
            for (int[] row : weights.get(m)) {
                for (int w : row) {
                    n += w > 127 || w < -128 ? 1 : 0;
                }
            }
        }
        return n;
    }

    /** A run resumed at a halving's epoch opens at the stage before it: the settings of each epoch say so. */
    @Test
    void theSettingsOfAnEpochCarryTheHalvingsDoneBeforeIt() {
        CircuitSettings settings = CircuitSettings.layers(24, List.of(10), 4, 1, 1,
                Map.of("lr-schedule", "halve@20,40"));
        SbpChipProvider provider = new SbpChipProvider();
        assertEquals("0", provider.settingsAt(settings, 19).options().get("lr-stage"));
        assertEquals("1", provider.settingsAt(settings, 20).options().get("lr-stage"));
        assertEquals("2", provider.settingsAt(settings, 59).options().get("lr-stage"));
        assertArrayEquals(new int[] {0, 2, 2}, SbpOptions.of("sbp", provider.settingsAt(settings, 45)).shifts(3));
        assertArrayEquals(new int[] {0, 2, 4, 2}, SbpOptions.of("sbp", CircuitSettings.layers(24, List.of(10, 10), 4,
                1, 1, Map.of("lr-schedule", "halve@20,40", "lr-stage", "2"))).shifts(4));
        CircuitSettings none = CircuitSettings.layers(24, List.of(10), 4, 1, 1, Map.of());
        assertEquals(none, provider.settingsAt(none, 59), "no schedule: the settings as given");
        assertTrue(provider.epochChange(none, 20, Map.of(), List.of()).isEmpty());
        assertTrue(provider.epochChange(settings, 21, Map.of(), List.of()).isEmpty());
    }

    /** The epochs may be joined by '+' (a sweep's --set splits values at commas): the same schedule. */
    @Test
    void theEpochsOfAScheduleMayBeJoinedByPlus() {
        assertEquals(List.of(40, 50), SbpOptions.schedule("halve@40+50"));
        assertEquals(SbpOptions.schedule("halve-output@10,20,30"), SbpOptions.schedule("halve-output@10+20+30"));
        assertEquals(SbpOptions.schedule("halve@10,20,30"), SbpOptions.schedule("halve@10+20,30"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"halve", "halve@", "halve@x", "halve@0", "halve@20,20", "halve@30,20", "halve@1,2,3,4,5",
        "anneal@20", "halve@20,", "halve-output@", "halve-output@5,3", "halve@20+", "halve@20,+40", "halve@40+20"})
    void aMalformedScheduleIsOneLineNamingTheSyntax(String value) {
        Map<String, String> options = new HashMap<>(Map.of("lr-schedule", value));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SbpOptions.of("sbp",
                CircuitSettings.layers(24, List.of(10), 4, 1, 1, options)));
        assertTrue(e.getMessage().startsWith("circuit option lr-schedule=" + value), e.getMessage());
        assertTrue(e.getMessage().contains("expected none, halve@E1,E2,... or halve-output@E1,E2,..."), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
