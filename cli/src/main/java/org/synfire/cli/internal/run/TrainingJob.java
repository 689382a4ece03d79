package org.synfire.cli.internal.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.DataFile;
import org.synfire.chip.api.data.DataOptions;
import org.synfire.chip.api.data.Dataset;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.chip.api.spi.DatasetProvider;
import org.synfire.chip.api.spi.Extension;
import org.synfire.chip.api.cost.CostModel;
import org.synfire.cli.internal.energy.EnergyReport;
import org.synfire.cli.internal.experiment.Experiment;
import org.synfire.cli.internal.experiment.Experiments;
import org.synfire.cli.internal.runtime.CircuitModel;
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
     * @param commandLine the arguments the {@code synfire} command was given, for the provenance
     * @param checkModel  train the circuit's functional model side by side with the chip circuit and stop at the
     *                    first sample whose weights differ ({@code train --check-model})
     */
    public record Options(Path runs, DataOptions data, boolean quiet, List<String> commandLine, boolean checkModel) {
        public Options {
            commandLine = List.copyOf(commandLine);
        }

        /** Options without the model check. */
        public Options(Path runs, DataOptions data, boolean quiet, List<String> commandLine) {
            this(runs, data, quiet, commandLine, false);
        }
    }

    private final Extensions extensions;
    /** The energy estimate of the last on-chip inference, if any. */
    private Optional<EnergyReport> lastInferenceEnergy = Optional.empty();
    /** Whether the last on-chip inference counted events that no cost table costed. */
    private boolean inferenceUncosted;
    private final Options options;
    private final PrintWriter out;
    /** Whether the last run was stopped by SIGINT or SIGTERM before its end. */
    private boolean interrupted;
    /** Whether the run's circuit opened: an error before it is one of configuration, and no run was made. */
    private boolean sessionOpened;

    public TrainingJob(Extensions extensions, Options options, PrintWriter out) {
        this.extensions = extensions;
        this.options = options;
        this.out = out;
    }

    /**
     * Whether the last run was stopped by SIGINT or SIGTERM: it finished its current sample, saved a
     * checkpoint and printed the command that resumes it; the command exits with {@link #INTERRUPTED_EXIT}.
     */
    public boolean interrupted() {
        return interrupted;
    }

    /** The exit code of a run stopped by a signal. */
    public static final int INTERRUPTED_EXIT = StopSignals.EXIT_CODE;

    /** Starts a new run of {@code experiment}; returns its directory. */
    public RunDirectory start(Experiment given) throws IOException {
        Resolved resolved = resolve(given);
        Experiment experiment = settle(given, resolved);
        RunDirectory run = RunDirectory.create(options.runs(), experiment.name());
        try {
            AtomicFiles.writeString(run.experiment(), Experiments.toYaml(experiment));
            provenance(experiment, resolved, options.commandLine()).write(run.provenance());
            out.println("run directory: " + run.path());
            train(run, experiment, resolved, Optional.empty());
        } catch (IllegalArgumentException e) {
            // a configuration error found when the circuit opened (e.g. its description, or a network the backend
            // cannot hold): no run was made, and no checkpoint can exist yet. One after it opened (a plugin's, say)
            // keeps what the run wrote.
            if (!sessionOpened) {
                deleteRecursively(run.path());
            }
            throw e;
        }
        return run;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = java.nio.file.Files.walk(directory)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The experiment with the values the run uses written in: the circuit's default hidden layers where it has
     * hidden layers and none were given (none for a circuit without them) and the defaults of its own parameters
     * not given, so that run.json and experiment.yaml say what ran.
     */
    private static Experiment settle(Experiment experiment, Resolved resolved) {
        CircuitProvider circuit = resolved.circuit();
        Map<String, List<Integer>> own = new java.util.TreeMap<>();
        circuit.parameterDefaults().forEach((name, values) -> {
            if (circuit.parameters().contains(name) && !name.equals(CircuitSettings.INPUTS)
                    && !name.equals(CircuitSettings.OUTPUTS) && !name.equals(CircuitSettings.HIDDEN)) {
                own.put(name, values);
            }
        });
        own.putAll(experiment.circuitParameters());
        Map<String, String> options = new java.util.TreeMap<>(circuit.optionDefaults()); // recorded: a later
        options.putAll(experiment.options()); // change of a default leaves what this run means as it was
        Experiment settled = experiment.withParameters(own.isEmpty() ? null : own)
                .withOptions(options.isEmpty() ? null : options)
                .withCostTable(resolved.cost().id().orElse(null));
        if (!circuit.parameters().contains(CircuitSettings.HIDDEN)) {
            return settled.withHidden(null);
        }
        if (experiment.hidden() != null) {
            return settled;
        }
        List<Integer> hidden = circuit.parameterDefaults().get(CircuitSettings.HIDDEN);
        if (hidden == null) {
            throw new org.synfire.cli.internal.experiment.ConfigurationException("circuit " + circuit.id()
                    + " has no default hidden layers; give them, e.g. --hidden 400");
        }
        return settled.withHidden(hidden);
    }

    /**
     * Starts a new run of {@code experiment} in {@code directory} itself (made if absent; it must not hold a
     * run yet): a sweep names its points' directories.
     */
    public RunDirectory startIn(Path directory, Experiment given) throws IOException {
        Resolved resolved = resolve(given);
        Experiment experiment = settle(given, resolved);
        java.nio.file.Files.createDirectories(directory);
        RunDirectory run = new RunDirectory(directory);
        if (java.nio.file.Files.exists(run.experiment())) {
            throw new IOException(directory + " already holds a run; resume it instead");
        }
        provenance(experiment, resolved, options.commandLine()).write(run.provenance());
        AtomicFiles.writeString(run.experiment(), Experiments.toYaml(experiment)); // last: it marks the run as begun
        out.println("run directory: " + run.path());
        train(run, experiment, resolved, Optional.empty());
        return run;
    }

    /** Continues a run from its newest checkpoint; the result is what an uninterrupted run gives. */
    public RunDirectory resume(Path directory) throws IOException {
        RunDirectory run = RunDirectory.existing(directory);
        Experiment experiment = run.readExperiment();
        Resolved resolved = resolve(experiment);
        long total = (long) experiment.epochs() * resolved.train().count();
        Optional<CheckpointStore.Found> found = new CheckpointStore(run.checkpoints())
                .latest(total, skipped -> out.println("warning: " + skipped));
        Optional<Checkpoint> checkpoint = found.map(CheckpointStore.Found::checkpoint);
        out.println("resuming " + run.path() + found.map(f -> " after " + f.checkpoint().samples() + " samples ("
                + f.file().getFileName() + ")").orElse(" from the start (no checkpoint yet)"));
        train(run, experiment, resolved, checkpoint);
        return run;
    }

    /**
     * The providers and data an experiment names.
     *
     * @param model the functional model trained beside the circuit to check it, if asked for
     * @param cost  the cost table the chip's events are costed with, or why there is none
     */
    private record Resolved(CircuitProvider circuit, Optional<CircuitProvider> model, ChipBackend backend,
            DatasetProvider datasetProvider, Samples train, Samples test, List<DataFile> files, Cost cost) {
    }

    /**
     * The cost table of a run: the one it names, else its backend's own; {@code model} is empty where neither names
     * one, and {@code none} then says in words why no energy estimate is made.
     */
    private record Cost(Optional<String> id, Optional<CostModel> model, String none) {

        /** The summary's line for an estimate of {@code what} not made. */
        String noEstimate(String what) {
            return String.format("%-22s none: %s", what, none);
        }
    }

    /**
     * The cost table an experiment's chip events are costed with: its {@code cost-table}, checked against the tables
     * found, else that of the backend it runs on.
     */
    private Cost cost(Experiment experiment) {
        if (experiment.costTable() != null) {
            String id = experiment.costTable();
            if (!extensions.costModels().byId().containsKey(id)) {
                throw new org.synfire.cli.internal.experiment.ConfigurationException("experiment " + experiment.name()
                        + ": field 'cost-table' (--cost-table) is '" + Experiment.printable(id) + "'; available: "
                        + String.join(", ", extensions.costModels().byId().keySet()));
            }
            return new Cost(Optional.of(id), Optional.of(new CostModel(extensions.costModels().get(id).table())), "");
        }
        ChipBackend backend = extensions.backends().get(experiment.backend());
        Optional<String> id = backend.costTable();
        if (id.isEmpty()) {
            return new Cost(id, Optional.empty(), "backend " + backend.id() + " names no cost table, as no "
                    + "per-event energy figures are public for " + backend.capabilities().chip() + " (another chip's "
                    + "figures would mislead); --cost-table ID names one");
        }
        if (!extensions.costModels().byId().containsKey(id.get())) {
            return new Cost(Optional.empty(), Optional.empty(), "backend " + backend.id() + " names cost "
                    + "table " + id.get() + ", which no provider contributes (available: "
                    + String.join(", ", extensions.costModels().byId().keySet()) + "); --cost-table ID names one");
        }
        return new Cost(id, Optional.of(new CostModel(extensions.costModels().get(id.get()).table())), "");
    }

    /** Refuses, before anything is made, a backend that declares no learning-rule dialect (BackendCapabilities). */
    private static void requireLearning(ChipBackend backend, String what) {
        if (backend.capabilities().ruleDialects().isEmpty()) {
            throw new org.synfire.cli.internal.experiment.ConfigurationException("backend " + backend.id() + " "
                    + what + ": it has no learning engine (its capabilities name no rule dialect); train the "
                    + "functional model (--model functional) or on a backend that learns, e.g. loihi1");
        }
    }

    private Resolved resolve(Experiment experiment) throws IOException {
        CircuitProvider circuit = extensions.circuit(experiment.circuit(), experiment.model());
        CircuitModel said = extensions.circuitModel(circuit); // as it said at load
        Optional<CircuitProvider> model = Optional.empty();
        if (options.checkModel()) {
            if (!said.needsBackend()) {
                throw new org.synfire.cli.internal.experiment.ConfigurationException("--check-model compares the "
                        + "chip circuit with its functional model, but " + circuit.id() + " is the " + said.model()
                        + " model; train --circuit " + said.circuit() + " --model " + CircuitProvider.CHIP);
            }
            model = Optional.of(extensions.circuit(said.circuit(), CircuitProvider.FUNCTIONAL));
        }
        HiddenLayers.require("experiment " + experiment.name(), circuit, experiment.hidden());
        ChipBackend backend = said.needsBackend() ? extensions.backends().get(experiment.backend()) : null;
        if (backend != null) {
            requireLearning(backend, "cannot train circuit " + circuit.id() + " on the chip");
        }
        if (experiment.inferenceCircuit() != null) {
            // the inference on the chip at the end opens the circuit's training description, learning rules and all
            requireLearning(extensions.backends().get(experiment.backend()), "cannot run the inference circuit "
                    + experiment.inferenceCircuit() + " at the end of the run");
        }
        // a functional run reaches a chip only for its inference circuit: otherwise it needs no table, but one it
        // names is still checked and recorded
        Cost cost = backend != null || experiment.inferenceCircuit() != null || experiment.costTable() != null
                ? cost(experiment) : new Cost(Optional.empty(), Optional.empty(), "");
        DatasetProvider datasetProvider = extensions.datasets().get(experiment.dataset());
        Dataset dataset = datasetProvider.load(options.data());
        Samples train = experiment.trainSamples() == null ? dataset.train()
                : dataset.train().head(experiment.trainSamples());
        Samples test = experiment.testSamples() == null ? dataset.test() : dataset.test().head(experiment.testSamples());
        MemoryBudget.requireLayers("experiment " + experiment.name(), train.dimension(),
                experiment.hidden() != null ? experiment.hidden() : circuit.parameterDefaults()
                        .getOrDefault(CircuitSettings.HIDDEN, List.of()), train.classes());
        List<String> unknown = experiment.circuitParameters().keySet().stream()
                .filter(p -> !circuit.parameters().contains(p)).sorted().toList();
        if (!unknown.isEmpty()) {
            List<String> own = circuit.parameters().stream().filter(p -> !p.equals(CircuitSettings.INPUTS)
                    && !p.equals(CircuitSettings.OUTPUTS) && !p.equals(CircuitSettings.HIDDEN)).sorted().toList();
            List<String> options = unknown.stream().map(p -> p.replace('_', '-'))
                    .filter(circuit.optionDefaults()::containsKey).toList();
            if (!options.isEmpty()) { // e.g. sBP's hidden_exponent, which its option sets for chip and model alike
                throw new org.synfire.cli.internal.experiment.ConfigurationException("circuit " + circuit.id()
                        + " sets " + String.join(", ", unknown) + " from its option; give --circuit-option "
                        + options.get(0) + "=VALUE (circuit-options in an experiment file)");
            }
            throw new org.synfire.cli.internal.experiment.ConfigurationException("circuit " + circuit.id()
                    + " has no parameter " + String.join(", ", unknown) + (own.isEmpty() ? "; it has none of its own"
                            : "; its parameters: " + own.stream().map(p -> p + circuit.parameterDefaults()
                                    .getOrDefault(p, List.of()).stream().map(String::valueOf)
                                    .collect(java.util.stream.Collectors.joining(",", "=", ""))).toList()));
        }
        return new Resolved(circuit, model, backend, datasetProvider, train, test, dataset.files(), cost);
    }

    private void train(RunDirectory run, Experiment experiment, Resolved resolved, Optional<Checkpoint> from)
            throws IOException {
        RunSeeds seeds = RunSeeds.of(experiment.seed());
        CircuitSettings settings = settings(resolved.train().dimension(), experiment.hidden(),
                resolved.train().classes(), experiment.circuitParameters(), seeds.circuit(), experiment.threads(),
                recordedOptions(resolved.circuit(), experiment.options()));
        TrainingLoop loop = new TrainingLoop(resolved.train(), resolved.test(), experiment.epochs(),
                experiment.checkpointEvery(), seeds.order());
        MetricsLog metrics = MetricsLog.open(run.path());
        int trainCount = resolved.train().count();
        // every weights file says which circuit its weights belong to: the options and the epoch of its last sample
        java.util.function.LongFunction<Optional<WeightsFile.Stage>> stageAfter = samples -> Optional.of(
                new WeightsFile.Stage(settings.options(), samples == 0 ? 0 : (int) ((samples - 1) / trainCount)));
        CheckpointStore checkpoints = new CheckpointStore(run.checkpoints(), stageAfter);
        long start = from.map(Checkpoint::samples).orElse(0L);
        metrics.truncateAfter(start);
        Instant began = Instant.now();
        Evaluation[] last = new Evaluation[1];
        Map<String, Long> diagnostics;
        Optional<EnergyReport> energy;
        Optional<String> noEnergy;
        long[] stoppedAt = {-1};
        int startEpoch = start == 0 ? 0 : (int) ((start - 1) / trainCount); // the epoch of the last sample trained
        List<String> changes = new java.util.ArrayList<>();
        // the chip events of the stages before the current one (a schedule reopens the circuit between epochs)
        List<org.synfire.chip.api.circuit.PhaseEvents> earlierStages = new java.util.ArrayList<>();
        try (Sessions sessions = new Sessions(open(resolved, resolved.circuit().settingsAt(settings, startEpoch), start));
                Progress progress = Progress.of(experiment.name(), loop.totalSamples(), start, "samples",
                        options.quiet());
                StopSignals signals = StopSignals.install()) {
            sessionOpened = true;
            TrainingSession session = sessions.current();
            if (from.isEmpty()) {
                WeightsFile.write(run.initialWeights(), Figures.matricesOf(session.weights(), session.matrices()), 0,
                        stageAfter.apply(0));
            }
            if (from.isPresent()) {
                checkpoints.requireMatches(from.get(), session.weights());
                session.restore(from.get().weights());
            }
            progress.doing("training");
            long[] reported = {start};
            loop.run(session, start, new TrainingLoop.Listener() {
                @Override
                public void trained(long samples) {
                    progress.step(samples - reported[0]);
                    reported[0] = samples;
                }

                @Override
                public void evaluating(int samples) {
                    progress.doing("evaluating " + samples + " test samples");
                }

                @Override
                public void checkpoint(CheckpointMetrics m, Evaluation evaluation, Checkpoint checkpoint)
                        throws IOException {
                    checkpoints.save(checkpoint);
                    metrics.append(m);
                    last[0] = evaluation;
                    progress.doing(m.samples() < loop.totalSamples() ? "training"
                            : "writing weights, figures and energy");
                    String headline = evaluation.headline();
                    if (!headline.isEmpty()) {
                        progress.remark(String.format(" | %s %.4f", headline, m.metric(headline)));
                    }
                }

                @Override
                public boolean stopRequested() {
                    return signals.requested();
                }

                @Override
                public void stopped(Checkpoint checkpoint) throws IOException {
                    checkpoints.save(checkpoint);
                    stoppedAt[0] = checkpoint.samples();
                }

                @Override
                public TrainingSession epochBegins(TrainingSession before, int epoch) {
                    Optional<org.synfire.chip.api.circuit.EpochChange> change = resolved.circuit().epochChange(
                            settings, epoch, before.weights(), before.matrices());
                    if (change.isEmpty()) {
                        return before;
                    }
                    before.chipEvents().ifPresent(earlierStages::add);
                    sessions.replace(open(resolved, change.get().settings(), (long) epoch * trainCount));
                    sessions.current().restore(change.get().weights());
                    String line = String.format("after epoch %d: %s; %d weights saturated", epoch,
                            change.get().what(), change.get().saturated());
                    changes.add(line);
                    progress.remark(" | " + line);
                    return sessions.current();
                }
            });
            session = sessions.current();
            if (stoppedAt[0] >= 0) {
                throw new StoppedBySignal(); // closes the session and the bar, then says how to resume
            }
            Map<String, int[][]> finalWeights = session.weights();
            WeightsFile.write(run.finalWeights(), finalWeights, loop.totalSamples(),
                    stageAfter.apply(loop.totalSamples()));
            if (last[0] == null) {
                last[0] = session.evaluate(resolved.test());
            }
            Figures.accuracyAndWeights(run, experiment, metrics.entries(), finalWeights, session.matrices());
            noEnergy = session.chipEvents().isPresent() && resolved.cost().model().isEmpty()
                    ? Optional.of(resolved.cost().noEstimate("energy / time")) : Optional.empty();
            energy = session.chipEvents().map(e -> earlierStages.stream().reduce(EnergyReport::combined)
                    .map(earlier -> EnergyReport.combined(earlier, e)).orElse(e))
                    .flatMap(e -> resolved.cost().model().flatMap(m -> EnergyReport.of(
                    experiment.circuit(), "training", m, e, earlierStages.size() + 1)));
            if (energy.isPresent()) {
                energy.get().write(run.path().resolve("energy.json"), run.plots());
            }
            diagnostics = session.diagnostics();
            if (!diagnostics.isEmpty()) {
                Map<String, Long> d = diagnostics;
                AtomicFiles.write(run.path().resolve("diagnostics.json"), o -> JSON.writeValue(o, d));
            }
            Figures.raster(session, resolved.test(), last[0], RASTER_SAMPLES, run.plots().resolve("raster.png"));
        } catch (StoppedBySignal e) {
            interrupted = true;
            out.println();
            out.printf("interrupted after %d of %d samples; checkpoint saved in %s%n", stoppedAt[0],
                    loop.totalSamples(), run.checkpoints());
            out.println("resume with: " + ResumeCommand.of(run.path(), options.commandLine()));
            out.flush();
            return;
        }
        Optional<String> inference = inferOnChip(run, experiment, resolved,
                resolved.circuit().settingsAt(settings, experiment.epochs() - 1), last[0]);
        Optional<EnergyReport> inferenceEnergy = lastInferenceEnergy;
        boolean inferenceUncosted = this.inferenceUncosted;
        RunBundle.pack(run.path(), run.bundle());
        Duration elapsed = Duration.between(began, Instant.now());
        summarize(run, experiment, resolved, metrics, last[0], elapsed);
        energy.ifPresent(e -> e.print(out));
        noEnergy.ifPresent(out::println);
        changes.forEach(c -> out.printf("%-22s %s%n", "between epochs", c));
        if (!diagnostics.isEmpty()) {
            out.printf("%-22s %s%n", "diagnostics", verdict(diagnostics, resolved.model().isPresent()));
        }
        resolved.model().ifPresent(m -> out.printf("%-22s the weights of %s equalled those of its functional model %s"
                + " after each of the %d samples trained%s%n", "model check", resolved.circuit().id(), m.id(),
                loop.totalSamples() - start, start == 0 ? "" : " since the checkpoint"));
        inference.ifPresent(out::println);
        inferenceEnergy.ifPresent(e -> e.print(out));
        if (inferenceUncosted) {
            out.println(resolved.cost().noEstimate("inference energy"));
        }
        CheckpointMetrics ended = metrics.entries().get(metrics.entries().size() - 1);
        new RunResult(ended.samples(), ended.metrics(), last[0].counts(), elapsed.toMillis() / 1000.0,
                energy.map(EnergyReport::joules).orElse(null),
                energy.map(e -> e.perSample().seconds()).orElse(null),
                inferenceEnergy.map(EnergyReport::joules).orElse(null),
                inferenceEnergy.map(e -> e.perSample().seconds()).orElse(null)).write(run.path());
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
                : extensions.circuitModel(resolved.circuit()).needsBackend() ? resolved.circuit().id() : null;
        if (circuitId == null) {
            return Optional.empty();
        }
        CircuitProvider circuit = extensions.circuits().get(circuitId);
        Evaluation onChip;
        Map<String, int[][]> weights = WeightsFile.readWeights(run.finalWeights());
        try (TrainingSession session = circuit.open(settings, extensions.backends().get(experiment.backend()));
                Progress progress = Progress.of("inference", resolved.test().count(), 0, "samples",
                        options.quiet())) {
            progress.doing("on-chip inference of " + resolved.test().count() + " test samples");
            session.restore(weights);
            long[] reported = {0};
            onChip = session.infer(resolved.test(), done -> {
                progress.step(done - reported[0]);
                reported[0] = done;
            });
            lastInferenceEnergy = session.inferenceEvents().flatMap(e -> resolved.cost().model().flatMap(m ->
                    EnergyReport.of(circuitId, "inference", m, e)));
            inferenceUncosted = session.inferenceEvents().isPresent() && resolved.cost().model().isEmpty();
            if (session.inferenceEvents().isEmpty()) {
                // no inference circuit ran on the chip: its predictions are the functional evaluation's own
                return Optional.of(String.format("%-22s none: circuit %s has no inference circuit (a description "
                        + "with a readout), so nothing was compared on the chip", "inference on chip", circuitId));
            }
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
                + "from the functional evaluation of the same weights", "inference on chip", headline,
                headline.isEmpty() ? 0 : onChip.metric(headline), experiment.backend(), circuitId, differ,
                functional.samples()));
    }

    /**
     * The options a recorded run (or a new one, which records every option: {@link #settle}) runs with: those it
     * recorded, and for each it did not record, what that option meant before it existed
     * ({@link CircuitProvider#optionsOfEarlierRuns()}).
     */
    public static Map<String, String> recordedOptions(CircuitProvider circuit, Map<String, String> recorded) {
        Map<String, String> options = new java.util.TreeMap<>(circuit.optionsOfEarlierRuns());
        options.putAll(recorded);
        return options;
    }

    /**
     * A circuit's settings: inputs and outputs from the data, the hidden layers where given (null: a circuit
     * without them, or an old run's), and the circuit's own parameters.
     */
    public static CircuitSettings settings(int inputs, List<Integer> hidden, int classes,
            Map<String, List<Integer>> parameters, long seed, int threads, Map<String, String> options) {
        Map<String, List<Integer>> p = new LinkedHashMap<>();
        p.put(CircuitSettings.INPUTS, List.of(inputs));
        if (hidden != null) {
            p.put(CircuitSettings.HIDDEN, hidden);
        }
        p.put(CircuitSettings.OUTPUTS, List.of(classes));
        p.putAll(parameters);
        return new CircuitSettings(p, seed, threads, options);
    }

    /** A session of the run's circuit; with the model check, trained side by side with its functional model. */
    private static TrainingSession open(Resolved resolved, CircuitSettings settings, long start) {
        TrainingSession chip = resolved.circuit().open(settings, resolved.backend());
        if (resolved.model().isEmpty()) {
            return chip;
        }
        try {
            return new ModelCheckedSession(chip, resolved.circuit().id(), resolved.model().get().open(settings, null),
                    resolved.model().get().id(), start);
        } catch (RuntimeException e) {
            chip.close();
            throw e;
        }
    }

    private void summarize(RunDirectory run, Experiment experiment, Resolved resolved, MetricsLog metrics,
            Evaluation evaluation, Duration elapsed) {
        CheckpointMetrics last = metrics.entries().get(metrics.entries().size() - 1);
        out.println();
        out.printf("%-22s %s%n", "experiment", experiment.name());
        CircuitModel said = extensions.circuitModel(resolved.circuit());
        out.printf("%-22s %s on %s, data set %s%n", "circuit", said.circuit()
                + (said.model().equals(CircuitProvider.CHIP) ? "" : " (" + said.model() + " model)"),
                said.needsBackend() ? experiment.backend() : "no chip (functional)", experiment.dataset());
        out.printf("%-22s %d x %d epochs, seed %d%n", "training samples", resolved.train().count(),
                experiment.epochs(), experiment.seed());
        out.printf("%-22s %d%n", "test samples", resolved.test().count());
        if (resolved.circuit().parameters().contains(CircuitSettings.HIDDEN)) {
            out.printf("%-22s %s%n", "hidden layers", experiment.hidden());
        }
        boolean paper = papersSetting(experiment, resolved.train().dimension(), resolved.train().classes());
        last.metrics().forEach((name, value) -> out.printf("%-22s %.4f%s%n", name, value,
                paper ? besidePaper(name, experiment.epochs()) : ""));
        evaluation.counts().forEach((name, value) -> out.printf("%-22s %d%n", name, value));
        deadOutputs(experiment, evaluation).ifPresent(out::println);
        out.printf("%-22s %.0f samples/s (last interval), %s elapsed%n", "speed", last.samplesPerSecond(),
                formatDuration(elapsed));
        out.printf("%-22s %s%n", "run directory", run.path());
        out.printf("%-22s %s%n", "bundle", run.bundle());
        out.flush();
    }

    /** The paper's test accuracies (Renner et al. 2024, sBP on Loihi, MNIST 20x20, 400-400-10, 60 epochs). */
    static final double PAPER_TOP1_SPIKES = 0.963;
    static final double PAPER_TOP1_POTENTIAL = 0.975;
    static final int PAPER_EPOCHS = 60;

    /** Whether the run is the paper's setting: the sBP circuit, MNIST 20x20 (400 inputs, 10 classes), 400 hidden. */
    static boolean papersSetting(Experiment experiment, int inputs, int classes) {
        return (experiment.circuit().equals("sbp") || experiment.circuit().equals("sbp-functional"))
                && experiment.dataset().equals("mnist20") && inputs == 400 && classes == 10
                && experiment.hidden().equals(java.util.List.of(400));
    }

    /** The paper's figure for metric {@code name}, to print beside the run's, or nothing if it has none. */
    static String besidePaper(String name, int epochs) {
        String after = epochs == PAPER_EPOCHS ? "after 60 epochs as here" : "after 60 epochs; this run " + epochs;
        return switch (name) {
            case "top1_spikes" -> String.format("   paper %.1f %% (%s)", PAPER_TOP1_SPIKES * 100, after);
            case "top1_potential" -> String.format("   paper %.1f %% (%s; the table's parenthesis, likely this "
                    + "figure)", PAPER_TOP1_POTENTIAL * 100, after);
            default -> "";
        };
    }

    /** The prefix of a population's out-of-phase spikes in one phase: {@code spikes_out_of_phase/h1/3}. */
    static final String OUT_OF_PHASE = "spikes_out_of_phase";
    /** Population-and-phase entries of out-of-phase spikes the summary names; diagnostics.json has them all. */
    static final int OUT_OF_PHASE_SHOWN = 3;

    /**
     * The diagnostics in one sentence: that every weight copy agrees with its matrix and no population fired
     * out of its phases, or what is wrong, in words (the populations and phases with the most out-of-phase
     * spikes by name, every count in diagnostics.json); and what these checks do not cover.
     *
     * @param modelChecked whether the run compared the weights with the functional model after every sample
     */
    static String verdict(Map<String, Long> diagnostics, boolean modelChecked) {
        long outOfPhase = diagnostics.getOrDefault(OUT_OF_PHASE, 0L);
        java.util.List<String> differing = new java.util.ArrayList<>();
        java.util.List<Map.Entry<String, Long>> places = new java.util.ArrayList<>();
        boolean copies = false;
        for (Map.Entry<String, Long> e : diagnostics.entrySet()) {
            if (e.getKey().startsWith(OUT_OF_PHASE + "/")) {
                // spikes_out_of_phase/<population>/<phase>: a population's name may hold '/', its phase does not
                String place = e.getKey().substring(OUT_OF_PHASE.length() + 1);
                int slash = place.lastIndexOf('/'); // none: a plugin's key that names the population only
                places.add(Map.entry(slash < 0 ? place : place.substring(0, slash) + " phase "
                        + place.substring(slash + 1), e.getValue()));
                continue;
            }
            if (e.getKey().equals(OUT_OF_PHASE)) {
                continue;
            }
            copies = true;
            if (e.getValue() != 0) {
                differing.add(e.getKey().replaceFirst("_copies_differing$", "").replaceFirst("_differing_from_.*$", "")
                        + " (" + e.getValue() + (e.getValue() == 1 ? " entry)" : " entries)"));
            }
        }
        String weights = differing.isEmpty() ? "every weight copy agrees with its matrix"
                : "weight copies differ from their matrix: " + String.join(", ", differing)
                        + " (a negated copy may differ where the matrix saturated)";
        places.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        String where = places.isEmpty() ? "" : ": most in " + String.join(", ", places.stream()
                .limit(OUT_OF_PHASE_SHOWN).map(p -> p.getKey() + " (" + p.getValue() + ")").toList());
        String phases = outOfPhase == 0 ? "no population fired out of its phases"
                : outOfPhase + (outOfPhase == 1 ? " spike" : " spikes") + " fell out of their populations' phases "
                        + "(an input exceeded the gating margin)" + where;
        String sentence = !copies ? phases : weights + "; " + phases;
        String counts = differing.isEmpty() && outOfPhase == 0 ? "" : "; counts in diagnostics.json";
        return sentence + counts + (modelChecked ? "" : " (these check the chip's state, not what it learns: "
                + "train --check-model compares the weights with the functional model after every sample)");
    }

    /**
     * What dead output units mean and how to avoid them, when the run ended with any: an output whose
     * potential never exceeds 0 gets no error signal, so it never learns and its class is never predicted.
     */
    static Optional<String> deadOutputs(Experiment experiment, Evaluation evaluation) {
        long dead = evaluation.counts().getOrDefault("dead_outputs", 0L);
        if (dead == 0) {
            return Optional.empty();
        }
        String init = experiment.options().get("init");
        String avoid = "spec".equals(init)
                ? "init=spec is the paper's initialisation, which leaves a dead output about one seed in three; "
                        + "--circuit-option init=positive-output (the default) draws the last matrix with a positive "
                        + "mean and avoids it"
                : experiment.circuit().startsWith("sbp")
                        ? "another --seed may avoid it; --circuit-option init=positive-output (the default) makes it "
                                + "rare"
                        : "another --seed or initialisation may avoid it";
        return Optional.of(String.format("%-22s %d output unit%s dead: %s potential never exceeded 0, so %s no "
                + "error signal and never learned (its class is never predicted); %s", "attention", dead,
                dead == 1 ? " is" : "s are", dead == 1 ? "its" : "their", dead == 1 ? "it got" : "they got", avoid));
    }

    /** Thrown out of the training block when a signal stopped the run, after its checkpoint was saved. */
    private static final class StoppedBySignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoppedBySignal() {
            super(null, null, false, false);
        }
    }

    private static String formatDuration(Duration d) {
        return d.toHours() > 0 ? String.format("%dh %02dm", d.toHours(), d.toMinutesPart())
                : d.toMinutes() > 0 ? String.format("%dm %02ds", d.toMinutes(), d.toSecondsPart())
                : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /** The provenance of a run that starts now: see {@link Provenance}. */
    private static Provenance provenance(Experiment experiment, Resolved resolved, List<String> commandLine) {
        Map<String, Provenance.Provider> providers = new LinkedHashMap<>();
        providers.put("circuit", describe(resolved.circuit()));
        if (resolved.backend() != null) {
            providers.put("backend", describe(resolved.backend()));
        }
        providers.put("dataset", describe(resolved.datasetProvider()));
        Provenance.Data data = new Provenance.Data(resolved.train().count(), resolved.test().count(),
                resolved.train().dimension(), resolved.train().classes(),
                resolved.files().stream().map(f -> new Provenance.DataFile(f.name(), f.sha256())).toList());
        return new Provenance(versionOf(TrainingJob.class), GitCommit.ofHome(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), Instant.now().toString(),
                commandLine, experiment.seed(), Provenance.Seeds.of(RunSeeds.of(experiment.seed())), experiment,
                providers, data);
    }

    private static Provenance.Provider describe(Extension extension) {
        return new Provenance.Provider(extension.id(), extension.getClass().getName(),
                versionOf(extension.getClass()));
    }

    private static String versionOf(Class<?> type) {
        return type.getModule().getDescriptor() != null
                ? type.getModule().getDescriptor().rawVersion().orElse("development")
                : Optional.ofNullable(type.getPackage().getImplementationVersion()).orElse("development");
    }

    /** The session a run trains with, replaced when the circuit changes between epochs; closes the one it holds. */
    private static final class Sessions implements AutoCloseable {

        private TrainingSession current;

        Sessions(TrainingSession first) {
            current = first;
        }

        TrainingSession current() {
            return current;
        }

        void replace(TrainingSession next) {
            TrainingSession before = current;
            current = next;
            before.close();
        }

        @Override
        public void close() {
            current.close();
        }
    }
}
