package org.synfire.chip.api.circuit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a circuit is sized and seeded.
 *
 * @param inputs  input units (e.g. 400 for 20 x 20 images)
 * @param hidden  hidden units
 * @param outputs output units (classes)
 * @param seed    the run's seed: initial weights and every other random choice derive from it
 * @param threads worker threads a backend may use; results do not depend on it
 * @param options circuit-specific settings by name (for example {@code init}); a circuit refuses a name or value it
 *                does not know, naming those it does
 */
public record CircuitSettings(int inputs, int hidden, int outputs, long seed, int threads, Map<String, String> options) {

    public CircuitSettings {
        positive("inputs", inputs);
        positive("hidden", hidden);
        positive("outputs", outputs);
        positive("threads", threads);
        options = Map.copyOf(Objects.requireNonNull(options, "circuit settings: options"));
    }

    /** Settings without circuit-specific options (each circuit's defaults). */
    public CircuitSettings(int inputs, int hidden, int outputs, long seed, int threads) {
        this(inputs, hidden, outputs, seed, threads, Map.of());
    }

    /**
     * The value of option {@code name}, or {@code fallback} if it is not set.
     *
     * @param allowed the values the circuit knows; any other is refused with a message naming them
     * @throws IllegalArgumentException if the option is set to a value not in {@code allowed}
     */
    public String option(String name, String fallback, List<String> allowed) {
        String value = options.getOrDefault(name, fallback);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("circuit option " + name + "=" + value + " is not known; expected one of "
                    + allowed);
        }
        return value;
    }

    /**
     * Refuses options whose names are not in {@code known}.
     *
     * @param circuit the circuit's id, for the message
     * @throws IllegalArgumentException naming the unknown options and the known ones
     */
    public void requireOnly(String circuit, Set<String> known) {
        List<String> unknown = options.keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("circuit " + circuit + " has no option " + String.join(", ", unknown)
                    + (known.isEmpty() ? "; it takes none" : "; its options are " + known.stream().sorted().toList()));
        }
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("circuit settings: " + field + " " + value + " must be at least 1");
        }
    }
}
