package org.synfire.chip.api.circuit;

/**
 * How a circuit is sized and seeded.
 *
 * @param inputs  input units (e.g. 400 for 20 x 20 images)
 * @param hidden  hidden units
 * @param outputs output units (classes)
 * @param seed    the run's seed: initial weights and every other random choice derive from it
 * @param threads worker threads a backend may use; results do not depend on it
 */
public record CircuitSettings(int inputs, int hidden, int outputs, long seed, int threads) {

    public CircuitSettings {
        positive("inputs", inputs);
        positive("hidden", hidden);
        positive("outputs", outputs);
        positive("threads", threads);
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("circuit settings: " + field + " " + value + " must be at least 1");
        }
    }
}
