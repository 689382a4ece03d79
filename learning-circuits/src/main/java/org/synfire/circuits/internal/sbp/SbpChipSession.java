package org.synfire.circuits.internal.sbp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.ActivityCounts;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.circuits.dsl.ChipCircuitRunner;
import org.synfire.circuits.dsl.CircuitCompiler;
import org.synfire.circuits.dsl.CircuitDescription;
import org.synfire.circuits.dsl.CircuitDescriptions;
import org.synfire.circuits.dsl.CompiledCircuit;

/**
 * Training with the spiking sBP circuit on a chip backend: the host sends each sample's input,
 * target and reward spikes and never touches a weight; weights are read off the chip only for
 * {@link #weights()} and {@link #evaluate}, which scores them with the functional forward pass as
 * the paper did.
 */
final class SbpChipSession implements TrainingSession {

    /** The circuit's plastic connections, by the name of the matrix copy each holds. */
    static final Map<String, String> CONNECTIONS = Map.of(
            SbpWeights.W1, "x->h", "w1<", "x->h<", "w1>", "x->h>",
            SbpWeights.W2, "h->o", "w2<", "h->o<", "w2>", "h->o>",
            SbpWeights.W2T_PLUS, "o->h1T", SbpWeights.W2T_MINUS, "oT-->h1T");

    static final CircuitDescription TRAINING = CircuitDescriptions.resource(SbpChipSession.class,
            "/org/synfire/circuits/sbp/sbp-training.yaml");

    private final ChipBackend backend;
    private final CircuitSettings settings;
    private ChipCircuitRunner chip;
    private org.synfire.chip.api.circuit.PhaseEvents lastInference;

    SbpChipSession(ChipBackend backend, CircuitSettings settings, SbpWeights initial) {
        this.backend = backend;
        this.settings = settings;
        Map<String, int[][]> matrices = initial.toMap();
        this.chip = open(matrices.get(SbpWeights.W1), matrices.get(SbpWeights.W2), Map.of());
    }

    /** Opens the circuit with W1 and W2 (the circuit's matrices) and, optionally, each connection's own weights. */
    private ChipCircuitRunner open(int[][] w1, int[][] w2, Map<String, int[][]> connectionWeights) {
        CompiledCircuit circuit = CircuitCompiler.compile(TRAINING, Map.of("n_in", settings.inputs(),
                "n_hid", settings.hidden(), "n_out", settings.outputs()), Map.of("W1", w1, "W2", w2),
                connectionWeights);
        return new ChipCircuitRunner(backend, circuit, new RunOptions(settings.seed(), 1, settings.threads()));
    }

    /** The training circuit with every connection's weights as the chip holds them now. */
    private CompiledCircuit compile(Map<String, int[][]> byConnection) {
        return CircuitCompiler.compile(TRAINING, Map.of("n_in", settings.inputs(), "n_hid", settings.hidden(),
                "n_out", settings.outputs()), Map.of("W1", byConnection.get("x->h"), "W2", byConnection.get("h->o")),
                byConnection);
    }

    /** The weights of every matrix connection, by connection name. */
    private Map<String, int[][]> connectionWeights() {
        return chip.matrixWeights();
    }

    @Override
    public void train(Samples samples, int index) {
        chip.present(samples.inputs(), index * samples.dimension(), samples.labels()[index]);
    }

    @Override
    public Evaluation evaluate(Samples samples) {
        SbpWeights w = new SbpWeights(settings.inputs(), settings.hidden(), settings.outputs());
        w.restore(weights());
        return SbpEvaluator.evaluate(w, samples);
    }

    /** The 12 phases of the training circuit on the first samples, run on a copy of the chip. */
    @Override
    public java.util.Optional<org.synfire.chip.api.circuit.SpikeRaster> raster(Samples samples, int count) {
        CompiledCircuit circuit = compile(connectionWeights());
        return java.util.Optional.of(ChipCircuitRunner.raster(backend, circuit, new RunOptions(settings.seed(), 1),
                samples.inputs(), samples.dimension(), samples.labels(), Math.min(count, samples.count())));
    }

    @Override
    public java.util.Optional<org.synfire.chip.api.ResourceUsage> resources() {
        return java.util.Optional.of(chip.chip().resources());
    }

    /**
     * Whether the chip's copies still agree, as the circuit specification requires: entries where
     * W1<, W1> differ from W1; W2<, W2> from W2; W2T+ from W2^T; and W2T- from -W2^T (apart from where
     * W2 is -256, whose negation saturates at 254); and spikes of a population outside its phases,
     * which happen only where an input exceeds the gating margin (and may then make the chip learn
     * what the functional model does not).
     */
    @Override
    public Map<String, Long> diagnostics() {
        Map<String, int[][]> w = weights();
        int[][] w1 = w.get(SbpWeights.W1);
        int[][] w2 = w.get(SbpWeights.W2);
        long w1Copies = differing(w1, w.get("w1<")) + differing(w1, w.get("w1>"));
        long w2Copies = differing(w2, w.get("w2<")) + differing(w2, w.get("w2>"));
        long plus = 0;
        long minus = 0;
        int[][] tp = w.get(SbpWeights.W2T_PLUS);
        int[][] tm = w.get(SbpWeights.W2T_MINUS);
        for (int j = 0; j < w2.length; j++) {
            for (int k = 0; k < w2[j].length; k++) {
                plus += tp[k][j] == w2[j][k] ? 0 : 1;
                minus += tm[k][j] == SbpWeights.clamp(-w2[j][k]) ? 0 : 1;
            }
        }
        Map<String, Long> d = new LinkedHashMap<>();
        d.put("w1_copies_differing", w1Copies);
        d.put("w2_copies_differing", w2Copies);
        d.put("w2Tp_differing_from_w2T", plus);
        d.put("w2Tm_differing_from_minus_w2T", minus);
        d.put("spikes_out_of_phase", chip.outOfPhaseSpikes().values().stream().mapToLong(Long::longValue).sum());
        return d;
    }

    private static long differing(int[][] a, int[][] b) {
        long n = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                n += a[i][j] == b[i][j] ? 0 : 1;
            }
        }
        return n;
    }

    /** Runs the 4-phase inference circuit on the chip with the weights the training circuit holds now. */
    @Override
    public Evaluation infer(Samples samples) {
        Map<String, int[][]> m = weights();
        SbpChipInference.Result result = SbpChipInference.infer(backend, settings, m.get(SbpWeights.W1),
                m.get(SbpWeights.W2), samples);
        lastInference = result.events();
        return result.evaluation();
    }

    @Override
    public Optional<org.synfire.chip.api.circuit.PhaseEvents> inferenceEvents() {
        return Optional.ofNullable(lastInference);
    }

    /** Every copy: the four of the functional model by its names, and the others by copy name. */
    @Override
    public Map<String, int[][]> weights() {
        Map<String, int[][]> onChip = chip.matrixWeights();
        Map<String, int[][]> named = new LinkedHashMap<>();
        for (String name : new String[] {SbpWeights.W1, SbpWeights.W2, SbpWeights.W2T_PLUS, SbpWeights.W2T_MINUS,
            "w1<", "w1>", "w2<", "w2>"}) {
            named.put(name, onChip.get(CONNECTIONS.get(name)));
        }
        return named;
    }

    /** Reopens the chip with every copy as given (a missing copy of W1 or W2 takes the primary one). */
    @Override
    public void restore(Map<String, int[][]> weights) {
        Map<String, int[][]> byConnection = new LinkedHashMap<>();
        CONNECTIONS.forEach((copy, connection) -> {
            boolean extraCopy = copy.endsWith("<") || copy.endsWith(">");
            int[][] value = weights.getOrDefault(copy, extraCopy ? weights.get(copy.substring(0, 2)) : null);
            if (value == null) {
                throw new IllegalArgumentException("weights: matrix " + copy + " is missing; have " + weights.keySet());
            }
            byConnection.put(connection, value);
        });
        SbpWeights check = new SbpWeights(settings.inputs(), settings.hidden(), settings.outputs());
        check.restore(weights); // validates shapes and ranges of the four primary matrices
        chip.close();
        chip = open(byConnection.get("x->h"), byConnection.get("h->o"), byConnection);
    }

    /** The chip events of the samples trained since the chip was last opened (a restore reopens it). */
    @Override
    public java.util.Optional<org.synfire.chip.api.circuit.PhaseEvents> chipEvents() {
        return java.util.Optional.of(chip.phaseEvents());
    }

    @Override
    public Optional<ActivityCounts> activity() {
        return Optional.of(chip.chip().activity());
    }

    @Override
    public void close() {
        chip.close();
    }
}
