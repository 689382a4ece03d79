package org.synfire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.cli.internal.run.Provenance;
import org.synfire.cli.internal.run.RunBundle;
import org.synfire.cli.internal.run.TrainedWeights;
import org.synfire.cli.internal.runtime.Extensions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synfire eval}: scores a run's weights on a test set, functionally, on the chip, or both. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluates trained weights on the test samples of a data set.",
            "With the functional forward pass (as the paper scored weights read off the chip), with the",
            "inference circuit on the chip (--on-chip), or both, comparing predictions sample by sample (--both).",
            "WEIGHTS is a run directory, a run bundle (.tar.gz) or an NPZ file of the circuit's matrices",
            "(for sBP: w1, w2, ...; the circuit, data set and hidden layers then come from options)."})
final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WEIGHTS", description = "Run directory, run bundle (.tar.gz) or weights (.npz).")
    Path source;

    @Option(names = "--on-chip", description = "Run the inference circuit on the chip backend.")
    boolean onChip;

    @Option(names = "--both", description = "Evaluate both ways and compare the predictions sample by sample.")
    boolean both;

    @Option(names = "--dataset", paramLabel = "ID", description = "Data set (default: the run's).")
    String dataset;

    @Option(names = "--circuit", paramLabel = "ID", description = "Circuit (default: the run's, or sbp).")
    String circuit;

    @Option(names = "--model", paramLabel = "chip|functional",
            description = "Which model of the circuit (default: the run's, or chip).")
    String model;

    @Option(names = "--backend", paramLabel = "ID", description = "Chip backend (default: the run's, or loihi1).")
    String backend;

    @Option(names = "--test-samples", paramLabel = "N", description = "Evaluate on the first N test samples only.")
    Integer testSamples;

    @Option(names = "--hidden", paramLabel = "N[,N...]", split = ",",
            description = "Units of each hidden layer (default: the run's, or 400).")
    List<Integer> hidden;

    @Mixin
    WeightsCircuit weightsCircuit;

    @Mixin
    DataLocation data;

    @Override
    public Integer call() throws IOException {
        return RunBundle.withRun(source, this::evaluate);
    }

    private int evaluate(Path directory) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Extensions extensions = main.platform(spec.commandLine().getErr()).extensions();
        TrainedWeights trained = weightsCircuit.read(directory);
        Path weightsFile = trained.file();
        CircuitProvider provider = trained.provider(extensions, circuit, model);
        String circuitId = provider.id();
        String backendId = trained.backend(backend);
        String datasetId = Optional.ofNullable(dataset).orElse(trained.run().map(Provenance.Session::dataset)
                .orElse(null));
        if (datasetId == null) {
            throw new IllegalArgumentException("--dataset is needed to evaluate an NPZ file");
        }
        boolean chip = onChip || both;
        Samples test = extensions.datasets().get(datasetId)
                .load(data.options()).test();
        if (testSamples != null) {
            test = test.head(testSamples);
        }
        List<Integer> layers = trained.hidden(hidden, provider);
        org.synfire.cli.internal.run.MemoryBudget.requireLayers(weightsFile.toString(), test.dimension(), layers,
                test.classes());
        CircuitSettings settings = trained.settings(provider, test.dimension(), layers, test.classes());
        try (TrainingSession session = trained.restore(provider,
                extensions.circuitModel(provider).needsBackend() || chip ? extensions.backends().get(backendId) : null, settings,
                hidden != null)) {
            Evaluation functional = onChip && !both ? null : session.evaluate(test);
            Evaluation inferred = chip ? session.infer(test) : null;
            out.printf("evaluated %s on %d test samples of %s%n", weightsFile.getFileName(), test.count(), datasetId);
            if (functional != null) {
                print(out, "functional", functional);
            }
            if (inferred != null) {
                print(out, "on chip (" + backendId + ")", inferred);
            }
            if (functional != null && inferred != null) {
                int differ = functional.disagreements(inferred);
                out.printf("predictions that differ: %d of %d%n", differ, functional.samples());
                return differ == 0 ? 0 : 1;
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, String how, Evaluation e) {
        StringBuilder line = new StringBuilder(String.format("%-20s", how));
        e.metrics().forEach((name, value) -> line.append(String.format(" %s %.4f,", name, value)));
        e.counts().forEach((name, value) -> line.append(String.format(" %s %d,", name, value)));
        out.println(line.substring(0, line.length() - 1));
    }
}
