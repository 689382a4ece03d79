package org.synfire.cli.internal.experiment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One experiment: which circuit trains on which data set and backend, for how long, from which seed.
 * Read from YAML (field names in kebab case); absent optional fields take the defaults of
 * {@link #withDefaults()}, and {@link #validate(String)} rejects values out of range.
 *
 * @param name            the experiment's name, for the run directory
 * @param description     one line for listings
 * @param circuit         the circuit's id, e.g. {@code sbp} (or a model's provider id, e.g. {@code sbp-functional},
 *                        an alias of circuit {@code sbp} with model {@code functional})
 * @param model           which model of the circuit runs: {@code chip} or {@code functional} (absent: the one
 *                        {@code circuit} names, the chip circuit for a circuit's id)
 * @param backend         the chip backend's id, e.g. {@code loihi1} (unused by functional circuits)
 * @param dataset         the data set's id, e.g. {@code mnist20}
 * @param epochs          passes over the training samples, at least 1
 * @param seed            seed of every random choice of the run (initial weights, shuffling, rounding)
 * @param trainSamples    use only the first this many training samples (all when absent)
 * @param testSamples     evaluate on only the first this many test samples (all when absent)
 * @param hidden          units of each hidden layer, first layer first (YAML: {@code hidden: 400} or
 *                        {@code hidden: [400, 400]})
 * @param checkpointEvery epochs between checkpoints and evaluations, e.g. 0.5 as the paper did
 * @param threads         worker threads of the backend; results do not depend on it
 * @param inferenceCircuit a circuit whose inference runs on the chip with the trained weights at the end,
 *                        compared sample by sample with the functional evaluation (absent: none)
 * @param circuitOptions  the circuit's own settings by name, e.g. {@code init: spec} for the sBP circuits
 *                        (absent: none, each circuit's defaults)
 * @param parameters      values of the circuit's own parameters by name, each a whole number or a list of them,
 *                        e.g. {@code K: 40} (absent: the circuit's defaults); {@code inputs} and {@code outputs}
 *                        come from the data set and {@code hidden} from its own field
 * @param costTable       the id of the cost table the run's energy is costed with (absent: the backend's own,
 *                        {@code ChipBackend.costTable()}; a run records the one it used)
 */
@JsonPropertyOrder({"name", "description", "circuit", "model", "backend", "dataset", "epochs", "seed", "train-samples",
    "test-samples", "hidden", "checkpoint-every", "threads", "inference-circuit", "circuit-options",
    "parameters", "cost-table"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Experiment(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("circuit") String circuit,
        @JsonProperty("model") String model,
        @JsonProperty("backend") String backend,
        @JsonProperty("dataset") String dataset,
        @JsonProperty("epochs") Integer epochs,
        @JsonProperty("seed") Long seed,
        @JsonProperty("train-samples") Integer trainSamples,
        @JsonProperty("test-samples") Integer testSamples,
        @JsonProperty("hidden")
        @JsonFormat(with = {JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
            JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED}) List<Integer> hidden,
        @JsonProperty("checkpoint-every") Double checkpointEvery,
        @JsonProperty("threads") Integer threads,
        @JsonProperty("inference-circuit") String inferenceCircuit,
        @JsonProperty("circuit-options") Map<String, String> circuitOptions,
        @JsonProperty("parameters") Map<String, List<Integer>> parameters,
        @JsonProperty("cost-table") String costTable) {

    /** An experiment without a cost table of its own: its backend's is used. */
    public Experiment(String name, String description, String circuit, String model, String backend, String dataset,
            Integer epochs, Long seed, Integer trainSamples, Integer testSamples, List<Integer> hidden,
            Double checkpointEvery, Integer threads, String inferenceCircuit, Map<String, String> circuitOptions,
            Map<String, List<Integer>> parameters) {
        this(name, description, circuit, model, backend, dataset, epochs, seed, trainSamples, testSamples, hidden,
                checkpointEvery, threads, inferenceCircuit, circuitOptions, parameters, null);
    }

    /** The circuit's own settings (empty if none are given). */
    public Map<String, String> options() {
        return circuitOptions == null ? Map.of() : circuitOptions;
    }

    /** The circuit's own parameters set (empty if none are). */
    public Map<String, List<Integer>> circuitParameters() {
        return parameters == null ? Map.of() : parameters;
    }

    /** The same experiment under another name. */
    public Experiment withName(String newName) {
        return new Experiment(newName, description, circuit, model, backend, dataset, epochs, seed, trainSamples, testSamples,
                hidden, checkpointEvery, threads, inferenceCircuit, circuitOptions, parameters, costTable);
    }

    /** The same experiment with these parameters of the circuit's own (null: none set). */
    public Experiment withParameters(Map<String, List<Integer>> newParameters) {
        return new Experiment(name, description, circuit, model, backend, dataset, epochs, seed, trainSamples,
                testSamples, hidden, checkpointEvery, threads, inferenceCircuit, circuitOptions, newParameters, costTable);
    }

    /** The same experiment with these hidden layers (null: the circuit's default, or a circuit without any). */
    public Experiment withHidden(List<Integer> newHidden) {
        return new Experiment(name, description, circuit, model, backend, dataset, epochs, seed, trainSamples,
                testSamples, newHidden, checkpointEvery, threads, inferenceCircuit, circuitOptions, parameters, costTable);
    }

    /** The same experiment with these circuit options (null: none given, the circuit's defaults). */
    public Experiment withOptions(Map<String, String> newOptions) {
        return new Experiment(name, description, circuit, model, backend, dataset, epochs, seed, trainSamples,
                testSamples, hidden, checkpointEvery, threads, inferenceCircuit, newOptions, parameters, costTable);
    }

    /** The same experiment costed with this table (null: its backend's). */
    public Experiment withCostTable(String newCostTable) {
        return new Experiment(name, description, circuit, model, backend, dataset, epochs, seed, trainSamples,
                testSamples, hidden, checkpointEvery, threads, inferenceCircuit, circuitOptions, parameters,
                newCostTable);
    }

    /**
     * The same experiment with every absent optional field set to its default; the hidden layers and the circuit's
     * parameters stay absent, for the circuit's own defaults to stand (a run records the values it used).
     */
    public Experiment withDefaults() {
        return new Experiment(name, description == null ? "" : description,
                circuit == null ? "sbp" : circuit,
                model,
                backend == null ? "loihi1" : backend,
                dataset,
                epochs == null ? 1 : epochs,
                seed == null ? 1L : seed,
                trainSamples, testSamples,
                hidden == null || hidden.isEmpty() ? null : new java.util.ArrayList<>(hidden),
                checkpointEvery == null ? 0.5 : checkpointEvery,
                threads == null ? 1 : threads, inferenceCircuit,
                circuitOptions == null || circuitOptions.isEmpty() ? null : new TreeMap<>(circuitOptions),
                parameters == null || parameters.isEmpty() ? null : new TreeMap<>(parameters), costTable);
    }

    /**
     * Checks every field of an experiment that has its defaults applied.
     *
     * @param source where the experiment came from, for messages (a file name or "command line")
     * @return this experiment
     * @throws ConfigurationException naming the field, the value and what was expected
     */
    public Experiment validate(String source) {
        requireText(source, "name", name);
        requireFileName(source, "name", name);
        requireText(source, "circuit", circuit);
        if (model != null && model.isBlank()) {
            throw invalid(source, "model", "''", "chip or functional (or absent: the chip circuit)");
        }
        requireText(source, "backend", backend);
        requireText(source, "dataset", dataset);
        requireAtLeast(source, "epochs", epochs, 1);
        if (trainSamples != null) {
            requireAtLeast(source, "train-samples", trainSamples, 1);
        }
        if (testSamples != null) {
            requireAtLeast(source, "test-samples", testSamples, 1);
        }
        if (hidden != null) {
            if (hidden.stream().anyMatch(h -> h == null || h < 1)) {
                throw invalid(source, "hidden", hidden, "one whole number of at least 1 per hidden layer, e.g. 400 or "
                        + "[400, 400]");
            }
            org.synfire.cli.internal.run.MemoryBudget.requireHidden(source, hidden);
        }
        if (parameters != null) {
            parameters.forEach((key, values) -> {
                if (key == null || key.isBlank() || values == null || values.isEmpty()
                        || values.stream().anyMatch(v -> v == null)) {
                    // any whole number: the circuit's description judges the value (a size must be at least 1,
                    // an offset may be 0 or negative)
                    throw invalid(source, "parameters", parameters, "names with whole numbers, e.g. "
                            + "K: 40 or sizes: [40, 20]");
                }
                if (key.equals("inputs") || key.equals("outputs") || key.equals("hidden")) {
                    throw invalid(source, "parameters", parameters, "the circuit's own parameters; " + key
                            + (key.equals("hidden") ? " has a field of its own (hidden: 400)"
                                    : " comes from the data set"));
                }
            });
        }
        requireAtLeast(source, "threads", threads, 1);
        org.synfire.cli.internal.run.MemoryBudget.requireThreads(source, threads);
        if (circuitOptions != null) {
            circuitOptions.forEach((key, value) -> {
                if (key == null || key.isBlank() || value == null || value.isBlank()) {
                    throw invalid(source, "circuit-options", circuitOptions, "names with values, e.g. init: spec");
                }
            });
        }
        if (costTable != null && costTable.isBlank()) {
            throw invalid(source, "cost-table", "''", "a cost table's id, e.g. loihi1-davies2018 (see 'synfire list'), "
                    + "or absent for the backend's own");
        }
        if (!(checkpointEvery > 0) || checkpointEvery.isInfinite()) {
            throw invalid(source, "checkpoint-every", checkpointEvery, "a positive number of epochs, e.g. 0.5");
        }
        return this;
    }

    private static void requireText(String source, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(source + ": field '" + field + "' is missing");
        }
    }

    /**
     * A run directory is named after the experiment: its name must be one plain file name, so that the
     * run stays inside {@code --runs} (no path separators, no {@code .} or {@code ..}, nothing absolute,
     * no control characters).
     */
    static void requireFileName(String source, String field, String value) {
        String why = null;
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            why = "it holds a path separator";
        } else if (value.equals(".") || value.equals("..") || value.contains("..")) {
            why = "it holds '..'";
        } else if (value.length() > 1 && value.charAt(1) == ':') {
            why = "it is an absolute path";
        } else if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))) {
            why = "it holds a control character";
        } else if (value.length() > 100) {
            why = "it is longer than 100 characters";
        }
        if (why != null) {
            throw new ConfigurationException(source + ": field '" + field + "' is '" + printable(value)
                    + "'; " + why + "; expected a plain name for the run directory, e.g. quick-2");
        }
    }

    /** Text from a file, escaped and cut for a one-line message. */
    public static String printable(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < 80; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() < 80 ? b.toString() : b + "...";
    }

    private static void requireAtLeast(String source, String field, int value, int minimum) {
        if (value < minimum) {
            throw invalid(source, field, value, "a whole number of at least " + minimum);
        }
    }

    private static ConfigurationException invalid(String source, String field, Object value, String expected) {
        return new ConfigurationException(source + ": field '" + field + "' is " + value + "; expected " + expected);
    }
}
