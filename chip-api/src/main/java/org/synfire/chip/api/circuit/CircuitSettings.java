package org.synfire.chip.api.circuit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a circuit is sized and seeded.
 *
 * @param parameters the circuit's parameters by name, each a list of whole numbers (one number is a list of one);
 *                   the platform gives a classifier {@value #INPUTS} (values per sample), {@value #HIDDEN} (units
 *                   per hidden layer) and {@value #OUTPUTS} (classes); a circuit takes the ones it declares
 * @param seed       the run's seed: initial weights and every other random choice derive from it
 * @param threads    worker threads a backend may use; results do not depend on it
 * @param options    circuit-specific settings by name (for example {@code init}); a circuit refuses a name or value
 *                   it does not know, naming those it does
 */
public record CircuitSettings(Map<String, List<Integer>> parameters, long seed, int threads,
        Map<String, String> options) {

    /** Values per sample (one number). */
    public static final String INPUTS = "inputs";
    /** Units of each hidden layer, first layer first. */
    public static final String HIDDEN = "hidden";
    /** Classes (one number). */
    public static final String OUTPUTS = "outputs";

    public CircuitSettings {
        Objects.requireNonNull(parameters, "circuit settings: parameters");
        Map<String, List<Integer>> copy = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null)) {
                throw new IllegalArgumentException("circuit settings: parameter " + name + " = " + values
                        + " must be one or more whole numbers");
            }
            // sizes are counts; a circuit's own parameter may be 0 or negative (an offset, an exponent)
            if ((name.equals(INPUTS) || name.equals(HIDDEN) || name.equals(OUTPUTS)) && values.stream()
                    .anyMatch(v -> v < 1)) {
                throw new IllegalArgumentException("circuit settings: parameter " + name + " = " + values
                        + " must be one or more whole numbers of at least 1");
            }
            copy.put(name, List.copyOf(values));
        });
        parameters = java.util.Collections.unmodifiableMap(copy);
        if (threads < 1) {
            throw new IllegalArgumentException("circuit settings: threads " + threads + " must be at least 1");
        }
        options = Map.copyOf(Objects.requireNonNull(options, "circuit settings: options"));
    }

    /**
     * The settings of a layered classifier.
     *
     * @param hidden units of each hidden layer (at least one layer)
     */
    public static CircuitSettings layers(int inputs, List<Integer> hidden, int outputs, long seed, int threads,
            Map<String, String> options) {
        Map<String, List<Integer>> p = new LinkedHashMap<>();
        p.put(INPUTS, List.of(inputs));
        p.put(HIDDEN, List.copyOf(hidden));
        p.put(OUTPUTS, List.of(outputs));
        return new CircuitSettings(p, seed, threads, options);
    }

    /** A layered classifier without circuit-specific options (each circuit's defaults). */
    public static CircuitSettings layers(int inputs, List<Integer> hidden, int outputs, long seed, int threads) {
        return layers(inputs, hidden, outputs, seed, threads, Map.of());
    }

    /**
     * The values of parameter {@code name}.
     *
     * @throws IllegalArgumentException if it is not set, naming those that are
     */
    public List<Integer> parameter(String name) {
        List<Integer> values = parameters.get(name);
        if (values == null) {
            throw new IllegalArgumentException("circuit settings: parameter " + name + " is not set; set: "
                    + parameters.keySet());
        }
        return values;
    }

    /**
     * The one value of parameter {@code name}.
     *
     * @throws IllegalArgumentException if it is not set or holds more than one value
     */
    public int size(String name) {
        List<Integer> values = parameter(name);
        if (values.size() != 1) {
            throw new IllegalArgumentException("circuit settings: parameter " + name + " = " + values
                    + " holds " + values.size() + " values; one is needed");
        }
        return values.get(0);
    }

    /** The layer sizes of a layered classifier: inputs, each hidden layer, outputs. */
    public int[] layerSizes() {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(size(INPUTS));
        sizes.addAll(parameter(HIDDEN));
        sizes.add(size(OUTPUTS));
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The same settings with another seed. */
    public CircuitSettings withSeed(long newSeed) {
        return new CircuitSettings(parameters, newSeed, threads, options);
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
}
