package org.synfire.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.synfire.cli.internal.experiment.Experiment;
import org.synfire.cli.internal.run.TrainingJob;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every training command shares: overrides of the experiment's fields, and where things go. */
final class TrainingOptions {

    @Option(names = "--circuit", paramLabel = "ID", description = "Learning circuit (see 'synfire list'; default sbp).")
    String circuit;

    @Option(names = "--model", paramLabel = "chip|functional",
            description = "Which model of the circuit: chip (default; the spiking circuit on --backend) or functional "
                    + "(the same integer learning without spikes; sbp-functional is the same as --circuit sbp --model "
                    + "functional).")
    String model;

    @Option(names = "--backend", paramLabel = "ID", description = "Chip backend (see 'synfire list'; default loihi1).")
    String backend;

    @Option(names = "--dataset", paramLabel = "ID", description = "Data set (see 'synfire list'; required unless the experiment names one).")
    String dataset;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training samples (default 1).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice of the run (default 1).")
    Long seed;

    @Option(names = "--train-samples", paramLabel = "N", description = "Train on the first N training samples only.")
    Integer trainSamples;

    @Option(names = "--test-samples", paramLabel = "N", description = "Evaluate on the first N test samples only.")
    Integer testSamples;

    @Option(names = "--hidden", paramLabel = "N[,N...]", split = ",",
            description = "Units of each hidden layer, e.g. 400 or 400,400 for two layers (default 400).")
    List<Integer> hidden;

    @Option(names = "--checkpoint-every", paramLabel = "EPOCHS",
            description = "Epochs between checkpoints and evaluations (default 0.5, as the paper).")
    Double checkpointEvery;

    @Option(names = "--threads", paramLabel = "N", description = "Backend threads (default 1); results do not depend on it.")
    Integer threads;

    @Option(names = "--inference-circuit", paramLabel = "ID",
            description = "At the end, also run this circuit's inference on the chip with the trained weights and "
                    + "compare its predictions with the functional evaluation, e.g. sbp.")
    String inferenceCircuit;

    @Option(names = "--cost-table", paramLabel = "ID",
            description = "Cost table the energy estimate uses (see 'synfire list'; default: the backend's own, "
                    + "loihi1-davies2018-blouw2019 for loihi1; loihi2 and ideal have none, so no estimate is made "
                    + "unless one is named).")
    String costTable;

    @Option(names = "--circuit-option", paramLabel = "KEY=VALUE",
            description = "A setting of the circuit's own, repeatable; replaces the experiment's of that name. The sBP "
                    + "circuits take init=positive-output (default; the last matrix with a positive mean, as the "
                    + "published code's 'rand' mode: no dead output units; shifted-w2 is an alias) or init=spec (the "
                    + "paper's initial weights: about one seed in three ends with a dead output unit). With two or more "
                    + "hidden layers also hidden-exponent=0|-1|-2|-3 (default -2: the hidden-to-hidden weights' "
                    + "exponent, which keeps every layer learning), hidden-init=exponent-scaled|spec and "
                    + "hidden-window=0|128|256|512. At any depth lr-schedule=none|halve@E1,E2,...|"
                    + "halve-output@E1,E2,... (default none: "
                    + "after epoch E every weight doubled, saturating, and every weight exponent lowered by one, so "
                    + "the step halves; halve-output: the output matrix only; the epochs may be joined by '+' instead, "
                    + "as a sweep's --set needs: halve@40+50; measured without gain, "
                    + "docs/sbp-circuit.md).")
    Map<String, String> circuitOptions;

    @Option(names = "--param", paramLabel = "NAME=N[,N...]",
            description = "A parameter of the circuit's own, repeatable, e.g. K=40 (see its description's "
                    + "'parameters'); replaces the experiment's of that name. Unset ones keep the circuit's defaults.")
    Map<String, String> params;

    @Mixin
    DataLocation data;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "Where run directories are made (default: ${DEFAULT-VALUE}).")
    Path runs;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--check-model", description = "Train the circuit's functional model beside the chip circuit and "
            + "stop (exit 1) at the first sample after which their weights differ, naming the matrix and the sample.")
    boolean checkModel;

    /** The experiment with the fields given on the command line replaced. */
    Experiment apply(Experiment e) {
        return new Experiment(e.name(), e.description(), or(circuit, e.circuit()), or(model, e.model()), or(backend, e.backend()),
                or(dataset, e.dataset()), or(epochs, e.epochs()), or(seed, e.seed()), or(trainSamples, e.trainSamples()),
                or(testSamples, e.testSamples()), or(hidden, e.hidden()), or(checkpointEvery, e.checkpointEvery()),
                or(threads, e.threads()), or(inferenceCircuit, e.inferenceCircuit()), options(e), parameters(e),
                or(costTable, e.costTable())).withDefaults()
                .validate("command line");
    }

    /** The experiment's circuit parameters with those of the command line replacing theirs. */
    private Map<String, List<Integer>> parameters(Experiment e) {
        Map<String, List<Integer>> merged = new TreeMap<>(e.circuitParameters());
        if (params != null) {
            params.forEach((name, text) -> {
                List<Integer> values = new java.util.ArrayList<>();
                for (String v : text.split(",", -1)) {
                    try {
                        values.add(Integer.valueOf(v.strip()));
                    } catch (NumberFormatException x) {
                        throw new org.synfire.cli.internal.experiment.ConfigurationException("--param " + name + "="
                                + text + ": expected whole numbers separated by ',', e.g. " + name + "=40");
                    }
                }
                merged.put(name, values);
            });
        }
        return merged.isEmpty() ? null : merged;
    }

    /** The experiment's circuit options with those of the command line replacing theirs. */
    private Map<String, String> options(Experiment e) {
        Map<String, String> merged = new TreeMap<>(e.options());
        if (circuitOptions != null) {
            merged.putAll(circuitOptions);
        }
        return merged;
    }

    /**
     * The job's options; {@code --runs} is checked here, before any work starts.
     *
     * @param commandLine the arguments the command was given, recorded in the run's provenance
     */
    TrainingJob.Options jobOptions(List<String> commandLine) {
        org.synfire.cli.internal.run.OutputPaths.requireDirectory("--runs", runs);
        return new TrainingJob.Options(runs, data.options(), quiet, commandLine, checkModel);
    }

    private static <T> T or(T override, T value) {
        return override != null ? override : value;
    }
}
