package org.synfire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.InferenceNetwork;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.cli.internal.run.AtomicFiles;
import org.synfire.cli.internal.run.CheckpointMetrics;
import org.synfire.cli.internal.run.InferenceNpz;
import org.synfire.cli.internal.run.MetricsLog;
import org.synfire.cli.internal.run.OutputPaths;
import org.synfire.cli.internal.run.Provenance;
import org.synfire.cli.internal.run.RunBundle;
import org.synfire.cli.internal.run.RunDirectory;
import org.synfire.cli.internal.run.TrainedWeights;
import org.synfire.cli.internal.runtime.Extensions;
import org.synfire.interchange.nir.NirExport;
import org.synfire.interchange.nir.NirFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synfire export}: a trained circuit's inference network as a NIR graph or an NPZ file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the trained inference network of a run, bundle or weights file.",
            "nir: a NIR graph (HDF5, NIR 1.0 layout), Input -> Affine -> Threshold ->",
            "... -> Output in the units of the functional model: evaluating it gives",
            "the functional evaluation's predictions. npz: the same layers as numpy",
            "arrays with their scales (docs/interchange.md)."})
final class ExportCommand implements Callable<Integer> {

    /** What a file holds. */
    enum Format { NIR, NPZ }

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WEIGHTS", description = "Run directory, run bundle (.tar.gz) or weights (.npz).")
    Path source;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Option(names = "--format", paramLabel = "nir|npz", defaultValue = "nir",
            description = "nir (default) or npz.")
    String format;

    @Option(names = "--neurons", paramLabel = "threshold|if", defaultValue = "threshold",
            description = "NIR node of the units: threshold (default; exact, stateless) or if (integrate and fire,"
                    + " for simulators of spiking dynamics; exact for one input volley per sample from rest).")
    String neurons;

    @Option(names = "--circuit", paramLabel = "ID", description = "Circuit (default: the run's, or sbp).")
    String circuit;

    @Option(names = "--model", paramLabel = "chip|functional",
            description = "Which model of the circuit (default: the run's, or chip).")
    String model;

    @Option(names = "--backend", paramLabel = "ID", description = "Chip backend, for circuits that need one to open"
            + " (default: the run's, or loihi1).")
    String backend;

    @Option(names = "--dataset", paramLabel = "ID", description = "Data set the weights were trained on, for a bare"
            + " NPZ: its inputs and classes size the circuit (default: the run's).")
    String dataset;

    @Option(names = "--hidden", paramLabel = "N[,N...]", split = ",",
            description = "Units of each hidden layer (default: the run's, or read off the weights).")
    List<Integer> hidden;

    @Mixin
    WeightsCircuit weightsCircuit;

    @Override
    public Integer call() throws IOException {
        Format what = choice("--format", format, Format.class);
        NirExport.Neurons units = choice("--neurons", neurons, NirExport.Neurons.class);
        if (what == Format.NPZ && units != NirExport.Neurons.THRESHOLD) {
            throw new IllegalArgumentException("--neurons applies to --format nir only");
        }
        OutputPaths.requireFile("--out", out);
        return RunBundle.withRun(source, directory -> export(directory, what, units));
    }

    private int export(Path directory, Format what, NirExport.Neurons units) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Extensions extensions = main.platform(spec.commandLine().getErr()).extensions();
        TrainedWeights trained = weightsCircuit.read(directory);
        Path weightsFile = trained.file();
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (trained.run().isPresent()) {
            RunDirectory.existing(directory).readProvenance().map(Provenance::seed)
                    .ifPresent(seed -> metadata.put("seed", seed));
            accuracy(directory).forEach(metadata::put);
        }
        CircuitProvider provider = trained.provider(extensions, circuit, model);
        String circuitId = provider.id();
        String backendId = trained.backend(backend);
        Sizes sizes = sizes(directory, trained, provider);
        List<Integer> layers = sizes.hidden();
        int[] io = {sizes.inputs(), sizes.classes()};
        org.synfire.cli.internal.run.MemoryBudget.requireLayers(weightsFile.toString(), io[0], layers, io[1]);
        CircuitSettings settings = trained.settings(provider, io[0], layers, io[1]);
        InferenceNetwork network;
        try (TrainingSession session = trained.restore(provider,
                extensions.circuitModel(provider).needsBackend() ? extensions.backends().get(backendId) : null, settings, hidden != null)) {
            network = session.inferenceNetwork().orElseThrow(() -> new IllegalArgumentException("circuit "
                    + circuitId + " does not describe its inference network, so it cannot be exported; its "
                    + "CircuitModel must implement inferenceNetwork(weights), returning the trained weights as layers"
                    + " of threshold units (InferenceNetwork; docs/writing-a-circuit.md, '7. Export and evaluate')"));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("circuit", circuitId);
        if (provider.parameters().contains(CircuitSettings.HIDDEN)) {
            meta.put("hidden", layers.toString());
        }
        meta.putAll(metadata);
        meta.put("synfire_version", Main.Version.version());
        meta.put("source", weightsFile.getFileName().toString());
        if (what == Format.NIR) {
            var graph = NirExport.of(network, units, meta);
            AtomicFiles.writeFile(out, file -> NirFile.write(graph, file));
        } else {
            InferenceNpz.write(out, network, meta);
        }
        stdout.printf("wrote %s: %s of circuit %s, %d layers (%s)%s%n", out,
                what.name().toLowerCase(Locale.ROOT), circuitId, network.layers().size(), shape(network),
                what == Format.NIR ? ", " + units.name().toLowerCase(Locale.ROOT) + " neurons" : "");
        return 0;
    }

    /** The headline figure of the run's last checkpoint, as {@code accuracy} with its name and sample count. */
    private static Map<String, Object> accuracy(Path directory) throws IOException {
        List<CheckpointMetrics> entries = MetricsLog.open(directory).entries();
        if (entries.isEmpty() || entries.get(entries.size() - 1).metrics().isEmpty()) {
            return Map.of();
        }
        CheckpointMetrics last = entries.get(entries.size() - 1);
        Map.Entry<String, Double> headline = last.metrics().entrySet().iterator().next();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", headline.getValue());
        m.put("accuracy_metric", headline.getKey());
        m.put("trained_samples", last.samples());
        return m;
    }

    /** The sizes a circuit is opened with: inputs and classes per sample, and hidden layers where it has them. */
    private record Sizes(int inputs, List<Integer> hidden, int classes) {
    }

    /**
     * The sizes of the trained circuit, never read off matrix names: a run's from its run.json (the data's inputs
     * and classes, the experiment's hidden layers); a bare NPZ's from --dataset, or for sBP's matrices w1 .. wN+1
     * from their shapes. --hidden replaces the hidden layers.
     */
    private Sizes sizes(Path directory, TrainedWeights trained, CircuitProvider circuit) throws IOException {
        Path file = trained.file();
        if (trained.run().isPresent()) {
            Provenance.Data data = RunDirectory.existing(directory).readProvenance().map(Provenance::data)
                    .orElse(null);
            if (data != null && data.dimension() != null && data.classes() != null) {
                return new Sizes(data.dimension(), trained.hidden(hidden, circuit), data.classes());
            }
        }
        if (dataset != null) {
            var provider = main.platform(spec.commandLine().getErr()).extensions().datasets().get(dataset);
            return new Sizes(provider.dimension(), trained.hidden(hidden, circuit), provider.classes());
        }
        // a bare NPZ of the sBP circuit: w1 is inputs x hidden 1, ..., w(N+1) is hidden N x classes
        Map<String, int[][]> weights = trained.weights();
        List<Integer> sizes = new java.util.ArrayList<>();
        for (int l = 1; weights.containsKey("w" + l) && weights.get("w" + l).length > 0; l++) {
            if (l == 1) {
                sizes.add(weights.get("w1").length);
            }
            sizes.add(weights.get("w" + l)[0].length);
        }
        if (sizes.size() < 3) {
            throw new IllegalArgumentException(file + ": a weights file alone does not say the circuit's inputs and "
                    + "classes; give --dataset ID (the data set it was trained on), or export the run directory");
        }
        List<Integer> layers = hidden != null ? hidden : List.copyOf(sizes.subList(1, sizes.size() - 1));
        int[][] last = weights.get("w" + (layers.size() + 1));
        if (last == null) {
            throw new IllegalArgumentException(file + ": has no matrix w" + (layers.size() + 1) + " for "
                    + layers.size() + " hidden layers; has " + weights.keySet());
        }
        return new Sizes(sizes.get(0), layers, last[0].length);
    }

    private static String shape(InferenceNetwork network) {
        StringBuilder s = new StringBuilder().append(network.inputs());
        network.layers().forEach(l -> s.append('-').append(l.outputs()));
        return s.toString();
    }

    private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        throw new IllegalArgumentException(option + " " + value + ": expected one of "
                + java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }
}
