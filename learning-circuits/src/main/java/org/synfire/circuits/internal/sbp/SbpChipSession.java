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

    @Override
    public void train(Samples samples, int index) {
        chip.present(samples.inputs(), index * samples.dimension(), samples.labels()[index]);
    }

    @Override
    public Evaluation evaluate(Samples samples) {
        Map<String, int[][]> m = weights();
        SbpWeights w = SbpWeights.of(m.get(SbpWeights.W1), m.get(SbpWeights.W2));
        w.restore(m);
        return SbpEvaluator.evaluate(w, samples);
    }

    /** Every copy: the four of the functional model by its names, and the others by copy name. */
    @Override
    public Map<String, int[][]> weights() {
        Map<String, int[][]> onChip = chip.plasticWeights();
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

    @Override
    public Optional<ActivityCounts> activity() {
        return Optional.of(chip.chip().activity());
    }

    @Override
    public void close() {
        chip.close();
    }
}
