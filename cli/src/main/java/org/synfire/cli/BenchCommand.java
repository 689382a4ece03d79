package org.synfire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.synfire.chip.api.ActivityCounts;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.DataOptions;
import org.synfire.chip.api.data.Dataset;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.cli.internal.run.MemoryBudget;
import org.synfire.cli.internal.runtime.Extensions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code synfire bench}: times training and inference on the emulated chip and with the functional model, one
 * line per figure. Each training repetition opens a fresh session with the same seed (opening is not timed) and
 * trains on the first N samples in order; inference then runs the first test samples with the weights the
 * functional model learned (per sample, without the one-time cost of an evaluation, which has a line of its own).
 * A figure is the median over the repetitions, after untimed warm-up ones.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times training and inference on the emulated chip and with the functional model (median of"
                + " repetitions); checks that both give the same weights and predictions (exit 1 if not).",
            "Example: synfire bench --samples 500 --repetitions 5 --threads 2"})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--backend", paramLabel = "ID", defaultValue = "loihi1",
            description = "Chip backend (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--circuit", paramLabel = "ID", defaultValue = "sbp",
            description = "Circuit trained on the chip (default: ${DEFAULT-VALUE}).")
    String circuit;

    @Option(names = "--functional", paramLabel = "ID",
            description = "Functional model compared with it (default: the circuit's functional model).")
    String functional;

    @Option(names = "--dataset", paramLabel = "ID", defaultValue = "mnist20-mini",
            description = "Data set (default: ${DEFAULT-VALUE}; with --data-dir e.g. mnist20 for real MNIST).")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory with the data set's files.")
    Path dataDir;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "500",
            description = "Training samples per repetition (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--functional-samples", paramLabel = "N", defaultValue = "2000",
            description = "Training samples per repetition of the functional model (default: ${DEFAULT-VALUE}).")
    int functionalSamples;

    @Option(names = "--inference-samples", paramLabel = "N", defaultValue = "2000",
            description = "Test samples per repetition of inference (default: ${DEFAULT-VALUE}, at most the test set).")
    int inferenceSamples;

    @Option(names = "--repetitions", paramLabel = "N", defaultValue = "5",
            description = "Timed repetitions; the median is reported (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Untimed repetitions first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--hidden", paramLabel = "N[,N...]", split = ",", defaultValue = "400",
            description = "Units of each hidden layer (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Backend threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--skip-chip", description = "Time the functional model only.")
    boolean skipChip;

    /**
     * One timed figure: microseconds per sample, on a chip synaptic events per second, and the weights the
     * last repetition ended with.
     */
    record Figure(double microsPerSample, Optional<Double> eventsPerSecond, Map<String, int[][]> weights) {
    }

    @Override
    public Integer call() throws IOException {
        if (samples < 1 || functionalSamples < 1 || inferenceSamples < 1 || repetitions < 1 || warmup < 0) {
            throw new IllegalArgumentException("bench: --samples, --functional-samples, --inference-samples and"
                    + " --repetitions must be at least 1 and --warmup at least 0");
        }
        MemoryBudget.requireThreads("bench", threads);
        PrintWriter out = spec.commandLine().getOut();
        Extensions extensions = main.platform(spec.commandLine().getErr()).extensions();
        Dataset data = extensions.datasets().get(dataset).load(new DataOptions(Optional.ofNullable(dataDir), false));
        Samples train = data.train();
        Samples test = data.test().head(Math.min(inferenceSamples, data.test().count()));
        CircuitSettings settings = CircuitSettings.layers(train.dimension(), hidden, train.classes(), seed, threads);
        out.printf("# %s %d-%s-%d, %d threads, %s, %d repetitions (median) after %d warm-up%n", dataset,
                train.dimension(), hidden.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("-")),
                train.classes(), threads, Runtime.version(), repetitions, warmup);
        CircuitProvider functionalModel = functional != null ? extensions.circuits().get(functional)
                : extensions.circuit(circuit, CircuitProvider.FUNCTIONAL);
        String functionalId = functionalModel.id();
        Figure model = time(functionalModel, null, settings,
                train.head(Math.min(functionalSamples, train.count())));
        out.printf("functional %-8s train  %10.2f us/sample%n", functionalId, model.microsPerSample());
        if (!skipChip) {
            CircuitProvider chipCircuit = extensions.circuit(circuit, CircuitProvider.CHIP);
            ChipBackend chip = extensions.backends().get(backend);
            Figure emulated = time(chipCircuit, chip, settings, train.head(Math.min(samples, train.count())));
            out.printf("emulated   %-8s train  %10.2f us/sample%n", backend, emulated.microsPerSample());
            out.printf("ratio      %-8s train  %10.1f emulated/functional%n", backend,
                    emulated.microsPerSample() / model.microsPerSample());
            emulated.eventsPerSecond().ifPresent(e -> out.printf("events     %-8s train  %10.3g synaptic events/s%n",
                    backend, e));
            // the speed is worth nothing if the results moved: the chip must learn the functional model's weights
            Samples same = train.head(Math.min(samples, train.count()));
            Map<String, int[][]> expected;
            try (TrainingSession session = functionalModel.open(settings, null)) {
                for (int i = 0; i < same.count(); i++) {
                    session.train(same, i);
                }
                expected = session.weights();
            }
            boolean equal = expected.entrySet().stream()
                    .allMatch(e -> Arrays.deepEquals(e.getValue(), emulated.weights().get(e.getKey())));
            out.printf("check      %-8s train  weights %s the functional model's after %d samples%n", backend,
                    equal ? "equal" : "DIFFER FROM", same.count());
            out.flush();
            // inference with the trained weights: the functional forward pass, and the inference circuit on the chip
            Inference functionalInference = timeInference(functionalModel, null, settings,
                    expected, test, false);
            Inference chipInference = timeInference(chipCircuit, chip, settings, expected, test, true);
            out.printf("functional %-8s infer  %10.2f us/sample%n", functionalId, functionalInference.microsPerSample());
            out.printf("emulated   %-8s infer  %10.2f us/sample%n", backend, chipInference.microsPerSample());
            out.printf("setup      %-8s infer  %10.2f ms per evaluation (compile and map the inference circuit)%n",
                    backend, chipInference.setupMillis());
            out.printf("ratio      %-8s infer  %10.1f emulated/functional%n", backend,
                    chipInference.microsPerSample() / functionalInference.microsPerSample());
            int differ = chipInference.evaluation().disagreements(functionalInference.evaluation());
            out.printf("check      %-8s infer  %s on %d test samples%n", backend,
                    differ == 0 ? "predictions equal the functional model's" : differ + " PREDICTIONS DIFFER",
                    test.count());
            out.flush();
            return equal && differ == 0 ? 0 : 1;
        }
        out.flush();
        return 0;
    }

    private Figure time(CircuitProvider provider, ChipBackend chip, CircuitSettings settings, Samples data) {
        double[] micros = new double[repetitions];
        double[] events = new double[repetitions];
        boolean counted = false;
        Map<String, int[][]> weights = Map.of();
        for (int r = -warmup; r < repetitions; r++) {
            try (TrainingSession session = provider.open(settings, chip)) {
                long before = session.activity().map(ActivityCounts::synapticOperations).orElse(0L);
                collectUntimedGarbage();
                long start = System.nanoTime();
                for (int i = 0; i < data.count(); i++) {
                    session.train(data, i);
                }
                long nanos = System.nanoTime() - start;
                Optional<ActivityCounts> after = session.activity();
                if (r >= 0) {
                    micros[r] = nanos / 1e3 / data.count();
                    counted = after.isPresent();
                    events[r] = after.map(a -> (a.synapticOperations() - before) / (nanos / 1e9)).orElse(0.0);
                }
                weights = session.weights();
            }
        }
        return new Figure(median(micros), counted ? Optional.of(median(events)) : Optional.empty(), weights);
    }

    /**
     * Inference timed: microseconds per test sample, the one-time cost of an evaluation (on a chip: compiling and
     * mapping the inference circuit) in milliseconds, and the last repetition's scores.
     */
    record Inference(double microsPerSample, double setupMillis, Evaluation evaluation) {
    }

    /**
     * Times inference over {@code test} with {@code weights}, on the chip ({@code onChip}: the circuit's inference
     * circuit) or with the functional forward pass. Each evaluation pays a one-time cost first (the chip maps the
     * inference circuit), so each repetition times one sample and then all of them: the slope is the time per
     * sample, the rest the one-time cost.
     */
    private Inference timeInference(CircuitProvider provider, ChipBackend chip, CircuitSettings settings,
            Map<String, int[][]> weights, Samples test, boolean onChip) {
        double[] micros = new double[repetitions];
        double[] setup = new double[repetitions];
        Evaluation last = null;
        Samples one = test.head(1);
        try (TrainingSession session = provider.open(settings, chip)) {
            session.restore(weights);
            Function<Samples, Evaluation> evaluation = onChip ? session::infer : session::evaluate;
            for (int r = -warmup; r < repetitions; r++) {
                collectUntimedGarbage();
                long start = System.nanoTime();
                Evaluation single = evaluation.apply(one);
                long oneNanos = System.nanoTime() - start;
                collectUntimedGarbage();
                start = System.nanoTime();
                last = evaluation.apply(test);
                long allNanos = System.nanoTime() - start;
                if (r >= 0) {
                    // the functional forward pass has nothing to set up: all of its time is per sample
                    double perSample = onChip && test.count() > 1 ? (allNanos - oneNanos) / (test.count() - 1.0)
                            : (double) allNanos / test.count();
                    micros[r] = Math.max(perSample, 0) / 1e3;
                    setup[r] = Math.max(oneNanos - perSample, 0) / 1e6;
                }
                if (single.samples() != 1) {
                    throw new IllegalStateException("inference of one sample scored " + single.samples());
                }
            }
        }
        return new Inference(median(micros), median(setup), last);
    }

    /**
     * Collects what was left before a timed part (opening a session builds tens of MiB of networks and weight
     * copies), so that the collection it would cause sooner or later does not fall into the timed part: a young
     * collection here pauses for 20 to 60 ms, as long as a thousand inference samples. What the timed part itself
     * allocates is still paid for in it.
     */
    private static void collectUntimedGarbage() {
        System.gc();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
