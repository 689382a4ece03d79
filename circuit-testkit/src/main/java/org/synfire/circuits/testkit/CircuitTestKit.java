package org.synfire.circuits.testkit;

import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SplittableRandom;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.circuit.WeightDifference;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;

/**
 * Proves that a chip circuit equals its functional model: both are opened with the same settings, trained on the
 * same samples side by side, and their matrices compared before the first sample and after every one; then the
 * chip's inference must predict what the model's evaluation predicts. Any difference fails with an
 * {@link AssertionError} naming the sample, the matrix and the entry, so that a plugin's JUnit test (or any other
 * test framework's) is one call:
 *
 * <pre>{@code
 * @Test
 * void theChipCircuitLearnsWhatItsModelLearns() {
 *     CircuitTestKit.assertChipEqualsModel(new PerceptronProvider(), new PerceptronFunctionalProvider(),
 *             CircuitTestKit.settings(40, 10, 7), CircuitTestKit.randomSamples(60, 40, 10, 7));
 * }
 * }</pre>
 *
 * The chip circuit runs on the {@code loihi1} backend, found as a service (this kit's runtime dependency
 * {@code chip-emulator}), unless a backend is given.
 */
public final class CircuitTestKit {

    /** The backend chip circuits run on unless one is given. */
    public static final String DEFAULT_BACKEND = "loihi1";

    private CircuitTestKit() {
    }

    /**
     * Random binary samples: each input is 1 with probability 1/4 (about as many active inputs as an MNIST digit's
     * pixels), each label uniform among the classes; the same seed gives the same samples.
     */
    public static Samples randomSamples(int count, int inputs, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] values = new byte[count * inputs];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = random.nextInt(classes);
            for (int i = 0; i < inputs; i++) {
                values[n * inputs + i] = (byte) (random.nextInt(4) == 0 ? 1 : 0);
            }
        }
        return new Samples(count, inputs, values, labels, classes);
    }

    /** The settings of a circuit of {@code inputs} and {@code outputs} (no other parameters), one thread. */
    public static CircuitSettings settings(int inputs, int outputs, long seed) {
        return settings(inputs, outputs, seed, java.util.Map.of());
    }

    /**
     * The settings of a circuit of {@code inputs} and {@code outputs} and these parameters of its own by name (e.g.
     * {@code Map.of("K", List.of(40))}: what {@code --param K=40} gives a run), one thread.
     */
    public static CircuitSettings settings(int inputs, int outputs, long seed,
            java.util.Map<String, java.util.List<Integer>> own) {
        java.util.Map<String, java.util.List<Integer>> parameters = new java.util.LinkedHashMap<>(own);
        parameters.put(CircuitSettings.INPUTS, java.util.List.of(inputs));
        parameters.put(CircuitSettings.OUTPUTS, java.util.List.of(outputs));
        return new CircuitSettings(parameters, seed, 1, java.util.Map.of());
    }

    /** As {@link #assertChipEqualsModel(CircuitProvider, CircuitProvider, CircuitSettings, Samples, ChipBackend)}
     * on the {@value #DEFAULT_BACKEND} backend. */
    public static void assertChipEqualsModel(CircuitProvider chip, CircuitProvider model, CircuitSettings settings,
            Samples samples) {
        assertChipEqualsModel(chip, model, settings, samples, backend(DEFAULT_BACKEND));
    }

    /**
     * Trains {@code chip} on {@code backend} and {@code model} without one on every sample, in order, and fails at
     * the first sample after which a matrix of the model differs from the chip's; then fails if the chip's inference
     * and the model's evaluation of the trained weights predict differently for any sample.
     *
     * @throws AssertionError naming the sample, the matrix, the entry and both values, or the predictions that differ
     */
    public static void assertChipEqualsModel(CircuitProvider chip, CircuitProvider model, CircuitSettings settings,
            Samples samples, ChipBackend backend) {
        Objects.requireNonNull(backend, "backend");
        if (model.needsBackend()) {
            throw new IllegalArgumentException(model.id() + " needs a chip backend; give the functional model");
        }
        try (TrainingSession c = chip.open(settings, backend); TrainingSession m = model.open(settings, null)) {
            compare(chip, model, c, m, "before the first sample");
            java.util.Map<String, int[][]> initial = new java.util.HashMap<>(); // a copy: a session may train in place
            m.weights().forEach((name, w) -> initial.put(name, java.util.Arrays.stream(w).map(int[]::clone)
                    .toArray(int[][]::new)));
            for (int i = 0; i < samples.count(); i++) {
                c.train(samples, i);
                m.train(samples, i);
                compare(chip, model, c, m, "after sample " + (i + 1) + " of " + samples.count() + " (index " + i
                        + ", label " + samples.labels()[i] + ")");
            }
            if (WeightDifference.first(m.matrices(), initial, m.weights()).isEmpty()) {
                // equal weights that never moved prove nothing about the learning rules
                throw new AssertionError(chip.id() + " and " + model.id() + " agree, but no weight changed over "
                        + samples.count() + " samples, so the check proves nothing about learning: give samples "
                        + "that make the circuit learn (more samples, more active inputs) or look at its rules");
            }
            Evaluation onChip = c.infer(samples);
            Evaluation functional = m.evaluate(samples);
            int differ = functional.disagreements(onChip);
            if (differ != 0) {
                throw new AssertionError(chip.id() + " on " + backend.id() + ": the weights equal " + model.id()
                        + "'s after " + samples.count() + " samples, but " + differ + " of " + samples.count()
                        + " predictions of the chip's inference differ from the model's evaluation");
            }
        }
    }

    private static void compare(CircuitProvider chip, CircuitProvider model, TrainingSession c, TrainingSession m,
            String when) {
        Optional<WeightDifference> difference = WeightDifference.first(m.matrices(), c.weights(), m.weights());
        difference.ifPresent(d -> {
            throw new AssertionError(when + ": " + chip.id() + " and its functional model " + model.id() + " part: "
                    + d.describe());
        });
    }

    /**
     * The installed chip backend of this id.
     *
     * @throws IllegalStateException naming the backends there are
     */
    public static ChipBackend backend(String id) {
        java.util.List<ChipBackend> found = ServiceLoader.load(ChipBackend.class, CircuitTestKit.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
        return found.stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no chip backend '" + id + "' on the test's path; found "
                        + found.stream().map(ChipBackend::id).toList() + " (the kit's dependency chip-emulator "
                        + "provides loihi1)"));
    }
}
