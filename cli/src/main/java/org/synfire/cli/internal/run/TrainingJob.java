package org.synfire.cli.internal.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.DataOptions;
import org.synfire.chip.api.data.Dataset;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.chip.api.spi.DatasetProvider;
import org.synfire.chip.api.spi.Extension;
import org.synfire.chip.api.cost.CostModel;
import org.synfire.cli.internal.energy.CostTables;
import org.synfire.cli.internal.energy.EnergyReport;
import org.synfire.cli.internal.experiment.Experiment;
import org.synfire.cli.internal.experiment.Experiments;
import org.synfire.cli.internal.runtime.Extensions;

/**
 * One training run from start (or from its last checkpoint) to its summary: resolves the providers,
 * loads the data, trains with checkpoints and evaluations, and leaves a complete run directory.
 */
public final class TrainingJob {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Test samples the spike raster of a chip run shows. */
    static final int RASTER_SAMPLES = 3;

    /**
     * How to run.
     *
     * @param runs  where new run directories go
     * @param data  where the data set's files are looked for
     * @param quiet no progress bar
     */
    public record Options(Path runs, DataOptions data, boolean quiet) {
    }

    private final Extensions extensions;
    /** The energy estimate of the last on-chip inference, if any. */
    private Optional<EnergyReport> lastInferenceEnergy = Optional.empty();
    private final Options options;
    private final PrintWriter out;

    public TrainingJob(Extensions extensions, Options options, PrintWriter out) {
        this.extensions = extensions;
        this.options = options;
        this.out = out;
    }

    /** Starts a new run of {@code experiment}; returns its directory. */
    public RunDirectory start(Experiment experiment) throws IOException {
        Resolved resolved = resolve(experiment);
        RunDirectory run = RunDirectory.create(options.runs(), experiment.name());
        AtomicFiles.writeString(run.experiment(), Experiments.toYaml(experiment));
        AtomicFiles.write(run.provenance(), o -> JSON.writeValue(o, provenance(experiment, resolved)));
        out.println("run directory: " + run.path());
        train(run, experiment, resolved, Optional.empty());
        return run;
    }

    /** Continues a run from its newest checkpoint; the result is what an uninterrupted run gives. */
    public RunDirectory resume(Path directory) throws IOException {
        RunDirectory run = RunDirectory.existing(directory);
        Experiment experiment = run.readExperiment();
        Resolved resolved = resolve(experiment);
        Optional<Checkpoint> checkpoint = new CheckpointStore(run.checkpoints()).latest();
        out.println("resuming " + run.path() + checkpoint.map(c -> " after " + c.samples() + " samples")
                .orElse(" from the start (no checkpoint yet)"));
        train(run, experiment, resolved, checkpoint);
        return run;
    }

    /** The providers and data an experiment names. */
    private record Resolved(CircuitProvider circuit, ChipBackend backend, DatasetProvider datasetProvider,
            Samples train, Samples test) {
    }

    private Resolved resolve(Experiment experiment) throws IOException {
        CircuitProvider circuit = extensions.circuits().get(experiment.circuit());
        ChipBackend backend = circuit.needsBackend() ? extensions.backends().get(experiment.backend()) : null;
        DatasetProvider datasetProvider = extensions.datasets().get(experiment.dataset());
        Dataset dataset = datasetProvider.load(options.data());
        Samples train = experiment.trainSamples() == null ? dataset.train()
                : dataset.train().head(experiment.trainSamples());
        Samples test = experiment.testSamples() == null ? dataset.test() : dataset.test().head(experiment.testSamples());
        return new Resolved(circuit, backend, datasetProvider, train, test);
    }

    private void train(RunDirectory run, Experiment experiment, Resolved resolved, Optional<Checkpoint> from)
            throws IOException {
        RunSeeds seeds = RunSeeds.of(experiment.seed());
        CircuitSettings settings = CircuitSettings.layers(resolved.train().dimension(), experiment.hidden(),
                resolved.train().classes(), seeds.circuit(), experiment.threads(), experiment.options());
        TrainingLoop loop = new TrainingLoop(resolved.train(), resolved.test(), experiment.epochs(),
                experiment.checkpointEvery(), seeds.order());
        MetricsLog metrics = MetricsLog.open(run.path());
        CheckpointStore checkpoints = new CheckpointStore(run.checkpoints());
        long start = from.map(Checkpoint::samples).orElse(0L);
        metrics.truncateAfter(start);
        Instant began = Instant.now();
        Evaluation[] last = new Evaluation[1];
        Map<String, Long> diagnostics;
        Optional<EnergyReport> energy;
        try (TrainingSession session = resolved.circuit().open(settings, resolved.backend());
                Progress progress = Progress.of(experiment.name(), loop.totalSamples(), "samples", options.quiet())) {
            if (from.isEmpty()) {
                WeightsFile.write(run.initialWeights(), Figures.matricesOf(session.weights(), session.matrices()), 0);
            }
            from.ifPresent(c -> session.restore(c.weights()));
            progress.step(start);
            long[] reported = {start};
            loop.run(session, start, new TrainingLoop.Listener() {
                @Override
                public void trained(long samples) {
                    progress.step(samples - reported[0]);
                    reported[0] = samples;
                }

                @Override
                public void checkpoint(CheckpointMetrics m, Evaluation evaluation, Checkpoint checkpoint)
                        throws IOException {
                    checkpoints.save(checkpoint);
                    metrics.append(m);
                    last[0] = evaluation;
                    String headline = evaluation.headline();
                    if (!headline.isEmpty()) {
                        progress.remark(String.format(" | %s %.4f", headline, m.metric(headline)));
                    }
                }
            });
            WeightsFile.write(run.finalWeights(), session.weights(), loop.totalSamples());
            if (last[0] == null) {
                last[0] = session.evaluate(resolved.test());
            }
            Figures.accuracyAndWeights(run, experiment, metrics.entries(), session.weights(), session.matrices());
            energy = session.chipEvents().flatMap(e -> EnergyReport.of(experiment.circuit(), "training",
                    defaultCostModel(), e));
            if (energy.isPresent()) {
                energy.get().write(run.path().resolve("energy.json"), run.plots());
            }
            diagnostics = session.diagnostics();
            if (!diagnostics.isEmpty()) {
                Map<String, Long> d = diagnostics;
                AtomicFiles.write(run.path().resolve("diagnostics.json"), o -> JSON.writeValue(o, d));
            }
            Figures.raster(session, resolved.test(), last[0], RASTER_SAMPLES, run.plots().resolve("raster.png"));
        }
        Optional<String> inference = inferOnChip(run, experiment, resolved, settings, last[0]);
        Optional<EnergyReport> inferenceEnergy = lastInferenceEnergy;
        RunBundle.pack(run.path(), run.bundle());
        summarize(run, experiment, resolved, metrics, last[0], Duration.between(began, Instant.now()));
        energy.ifPresent(e -> e.print(out));
        if (!diagnostics.isEmpty()) {
            long problems = diagnostics.values().stream().mapToLong(Long::longValue).sum();
            out.printf("%-22s %s%n", "diagnostics", problems == 0
                    ? "weight copies agree, no population fired out of its phases"
                    : "attention: " + diagnostics + " (see diagnostics.json)");
        }
        inference.ifPresent(out::println);
        inferenceEnergy.ifPresent(e -> e.print(out));
        out.flush();
    }

    /**
     * Runs the inference circuit on the chip with the final weights (the experiment's inference circuit,
     * or the trained circuit itself when it runs on a chip), compares its predictions with the functional
     * evaluation and writes both to inference.json, and its energy estimate to energy-inference.json.
     */
    private Optional<String> inferOnChip(RunDirectory run, Experiment experiment, Resolved resolved,
            CircuitSettings settings, Evaluation functional) throws IOException {
        String circuitId = experiment.inferenceCircuit() != null ? experiment.inferenceCircuit()
                : resolved.circuit().needsBackend() ? experiment.circuit() : null;
        if (circuitId == null) {
            return Optional.empty();
        }
        CircuitProvider circuit = extensions.circuits().get(circuitId);
        Evaluation onChip;
        Map<String, int[][]> weights = WeightsFile.readWeights(run.finalWeights());
        try (TrainingSession session = circuit.open(settings, extensions.backends().get(experiment.backend()))) {
            session.restore(weights);
            onChip = session.infer(resolved.test());
            lastInferenceEnergy = session.inferenceEvents().flatMap(e -> EnergyReport.of(circuitId, "inference",
                    defaultCostModel(), e));
        }
        if (lastInferenceEnergy.isPresent()) {
            lastInferenceEnergy.get().write(run.path().resolve("energy-inference.json"),
                    run.plots().resolve("inference"));
        }
        int differ = functional.disagreements(onChip);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("inference_circuit", circuitId);
        report.put("backend", experiment.backend());
        report.put("samples", onChip.samples());
        functional.metrics().forEach((name, value) -> report.put(name + "_functional", value));
        onChip.metrics().forEach((name, value) -> report.put(name + "_on_chip", value));
        report.put("predictions_that_differ", differ);
        AtomicFiles.write(run.path().resolve("inference.json"), o -> JSON.writeValue(o, report));
        String headline = onChip.headline();
        return Optional.of(String.format("%-22s %s %.4f on %s (%s), %d of %d predictions differ "
                + "from the functional evaluation", "inference on chip", headline,
                headline.isEmpty() ? 0 : onChip.metric(headline), experiment.backend(), circuitId, differ,
                functional.samples()));
    }

    /** The cost model of the default table, as the platform found it. */
    private CostModel defaultCostModel() {
        return new CostModel(extensions.costModels().get(CostTables.defaultTable().id()).table());
    }

    private void summarize(RunDirectory run, Experiment experiment, Resolved resolved, MetricsLog metrics,
            Evaluation evaluation, Duration elapsed) {
        CheckpointMetrics last = metrics.entries().get(metrics.entries().size() - 1);
        out.println();
        out.printf("%-22s %s%n", "experiment", experiment.name());
        out.printf("%-22s %s on %s, data set %s%n", "circuit", experiment.circuit(),
                resolved.circuit().needsBackend() ? experiment.backend() : "no chip (functional)", experiment.dataset());
        out.printf("%-22s %d x %d epochs, seed %d%n", "training samples", resolved.train().count(),
                experiment.epochs(), experiment.seed());
        out.printf("%-22s %d%n", "test samples", resolved.test().count());
        out.printf("%-22s %s%n", "hidden layers", experiment.hidden());
        last.metrics().forEach((name, value) -> out.printf("%-22s %.4f%n", name, value));
        evaluation.counts().forEach((name, value) -> out.printf("%-22s %d%n", name, value));
        out.printf("%-22s %.0f samples/s (last interval), %s elapsed%n", "speed", last.samplesPerSecond(),
                formatDuration(elapsed));
        out.printf("%-22s %s%n", "run directory", run.path());
        out.printf("%-22s %s%n", "bundle", run.bundle());
        out.flush();
    }

    private static String formatDuration(Duration d) {
        return d.toHours() > 0 ? String.format("%dh %02dm", d.toHours(), d.toMinutesPart())
                : d.toMinutes() > 0 ? String.format("%dm %02ds", d.toMinutes(), d.toSecondsPart())
                : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static Map<String, Object> provenance(Experiment experiment, Resolved resolved) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("synfire", versionOf(TrainingJob.class));
        p.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("started", Instant.now().toString());
        p.put("seed", experiment.seed());
        RunSeeds seeds = RunSeeds.of(experiment.seed());
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("circuit", seeds.circuit());
        split.put("order", seeds.order());
        p.put("seeds", split);
        Map<String, Object> providers = new LinkedHashMap<>();
        providers.put("circuit", describe(resolved.circuit()));
        if (resolved.backend() != null) {
            providers.put("backend", describe(resolved.backend()));
        }
        providers.put("dataset", describe(resolved.datasetProvider()));
        p.put("providers", providers);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("train", resolved.train().count());
        data.put("test", resolved.test().count());
        data.put("dimension", resolved.train().dimension());
        data.put("classes", resolved.train().classes());
        p.put("data", data);
        return p;
    }

    private static Map<String, String> describe(Extension extension) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("id", extension.id());
        d.put("class", extension.getClass().getName());
        d.put("version", versionOf(extension.getClass()));
        return d;
    }

    private static String versionOf(Class<?> type) {
        return type.getModule().getDescriptor() != null
                ? type.getModule().getDescriptor().rawVersion().orElse("development")
                : Optional.ofNullable(type.getPackage().getImplementationVersion()).orElse("development");
    }
}
