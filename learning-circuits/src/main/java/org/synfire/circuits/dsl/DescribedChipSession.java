package org.synfire.circuits.dsl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.ActivityCounts;
import org.synfire.chip.api.ResourceUsage;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.PhaseEvents;
import org.synfire.chip.api.circuit.SpikeRaster;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.spi.ChipBackend;

/**
 * Training with a described circuit on a chip backend: the host sends each sample's spikes as the
 * description's generators say and never touches a weight; weights are read off the chip only for
 * {@link #weights()}, {@link #evaluate} (which scores them with the circuit's functional forward pass, as
 * the sBP paper did) and {@link #infer} (the circuit's inference description on the chip).
 */
final class DescribedChipSession implements TrainingSession {

    private final ChipBackend backend;
    private final CircuitSettings settings;
    private final CircuitDescription training;
    private final Optional<CircuitDescription> inference;
    private final CircuitModel model;
    private ChipCircuitRunner chip;
    private PhaseEvents lastInference;

    DescribedChipSession(ChipBackend backend, CircuitSettings settings, CircuitDescription training,
            Optional<CircuitDescription> inference, CircuitModel model) {
        this.backend = backend;
        this.settings = settings;
        this.training = training;
        this.inference = inference;
        this.model = model;
        Map<String, int[][]> initial = model.initialWeights(settings);
        CompiledCircuit compiled;
        try {
            compiled = CircuitCompiler.compile(training, initial);
        } catch (org.synfire.chip.api.circuit.CircuitDescriptionException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // the description is wrong; not fitting on the chip is the mapping's, below
            throw new org.synfire.chip.api.circuit.CircuitDescriptionException(e.getMessage(), e);
        }
        this.chip = open(compiled);
    }

    private ChipCircuitRunner open(CompiledCircuit circuit) {
        return new ChipCircuitRunner(backend, circuit, new RunOptions(settings.seed(), 1, settings.threads()),
                model.hostInputs());
    }

    @Override
    public void train(Samples samples, int index) {
        chip.present(samples.inputs(), index * samples.dimension(), samples.labels()[index]);
    }

    @Override
    public Evaluation evaluate(Samples samples) {
        return model.evaluate(settings, weights(), samples);
    }

    /** Runs the circuit's inference description on the chip with the weights the training circuit holds now. */
    @Override
    public Evaluation infer(Samples samples) {
        return infer(samples, done -> { });
    }

    @Override
    public Evaluation infer(Samples samples, java.util.function.LongConsumer done) {
        if (inference.isEmpty()) {
            Evaluation evaluation = evaluate(samples);
            done.accept(samples.count());
            return evaluation;
        }
        ChipInference.Result result = ChipInference.infer(backend, inference.get(), weights(), samples,
                settings.seed(), done);
        lastInference = result.events();
        return result.evaluation();
    }

    @Override
    public Optional<PhaseEvents> inferenceEvents() {
        return Optional.ofNullable(lastInference);
    }

    /** Every phase of the training circuit on the first samples, run on a copy of the chip. */
    @Override
    public Optional<SpikeRaster> raster(Samples samples, int count) {
        Map<String, int[][]> now = weights();
        CompiledCircuit circuit = CircuitCompiler.compile(training, matrices(now), byConnection(now));
        return Optional.of(ChipCircuitRunner.raster(backend, circuit, new RunOptions(settings.seed(), 1),
                samples.inputs(), samples.dimension(), samples.labels(), Math.min(count, samples.count())));
    }

    @Override
    public Optional<ResourceUsage> resources() {
        return Optional.of(chip.chip().resources());
    }

    /** The prefix of the out-of-phase count of one population in one phase: {@code spikes_out_of_phase/h1/3}. */
    public static final String OUT_OF_PHASE_PREFIX = "spikes_out_of_phase/";

    /**
     * Whether the chip's copies still agree: for each view of a matrix held by several connections, the
     * entries where a copy differs from the first ({@code <view>_copies_differing}); for a transposed view,
     * the entries where it differs from the matrix transposed ({@code <view>_differing_from_<matrix>T}) or,
     * negated, from the matrix transposed and negated with saturation
     * ({@code <view>_differing_from_minus_<matrix>T}; the copies saturate on their own, so this may be
     * non-zero where the matrix reached its lowest value); and the spikes of populations outside their phases
     * ({@code spikes_out_of_phase}), which happen only where an input exceeds the gating margin, and of each
     * population in each phase where there were any ({@value #OUT_OF_PHASE_PREFIX}{@code <population>/<phase>}).
     */
    @Override
    public Map<String, Long> diagnostics() {
        Map<String, int[][]> w = weights();
        Map<String, Long> d = new LinkedHashMap<>();
        for (CompiledCircuit.MatrixConnection c : chip.circuit().matrixConnections()) {
            int[][] copy = w.get(c.key());
            if (!c.primary()) {
                d.merge(c.view() + "_copies_differing", differing(w.get(c.view()), copy, false, false), Long::sum);
            } else if (!c.direct()) {
                boolean negated = c.orientation() == WeightExpression.Orientation.NEGATED_TRANSPOSED;
                d.put(c.view() + "_differing_from_" + (negated ? "minus_" : "") + c.matrix() + "T",
                        differing(w.get(c.matrix()), copy, true, negated));
            }
        }
        d.put("spikes_out_of_phase", chip.outOfPhaseSpikes().values().stream().mapToLong(Long::longValue).sum());
        chip.outOfPhaseSpikesByPhase().forEach((population, byPhase) -> byPhase.forEach((phase, n) ->
                d.put(OUT_OF_PHASE_PREFIX + population + "/" + phase, n)));
        return d;
    }

    /** Entries of {@code copy} that differ from {@code of} (transposed, and negated with saturation). */
    private static long differing(int[][] of, int[][] copy, boolean transposed, boolean negated) {
        long n = 0;
        for (int i = 0; i < copy.length; i++) {
            for (int j = 0; j < copy[i].length; j++) {
                int expected = transposed ? of[j][i] : of[i][j];
                if (negated) {
                    expected = Math.max(CircuitCompiler.MATRIX_SIGN_MODE.minStored(CircuitCompiler.MATRIX_WEIGHT_BITS),
                            Math.min(CircuitCompiler.MATRIX_SIGN_MODE.maxStored(CircuitCompiler.MATRIX_WEIGHT_BITS),
                                    -expected));
                }
                n += copy[i][j] == expected ? 0 : 1;
            }
        }
        return n;
    }

    /** The circuit model's inference network of the weights on the chip now. */
    @Override
    public Optional<org.synfire.chip.api.circuit.InferenceNetwork> inferenceNetwork() {
        return model.inferenceNetwork(settings, weights());
    }

    /** Every copy of every matrix, the matrices first under their own names (see {@link CompiledCircuit.MatrixConnection}). */
    @Override
    public Map<String, int[][]> weights() {
        return chip.weights();
    }

    @Override
    public List<String> matrices() {
        return List.copyOf(training.matrices().keySet());
    }

    /**
     * Reopens the chip with the weights given: each matrix under its name (required), and each view or copy
     * under its name where given; a copy that is not given takes its view's primary copy, a view that is not
     * given is made from its matrix.
     */
    @Override
    public void restore(Map<String, int[][]> weights) {
        CompiledCircuit reopened = CircuitCompiler.compile(training, matrices(weights), byConnection(weights));
        chip.close();
        chip = open(reopened);
    }

    private Map<String, int[][]> matrices(Map<String, int[][]> weights) {
        Map<String, int[][]> matrices = new LinkedHashMap<>();
        for (String name : training.matrices().keySet()) {
            int[][] value = weights.get(name);
            if (value == null) {
                throw new IllegalArgumentException("weights: matrix " + name + " is missing; have " + weights.keySet());
            }
            matrices.put(name, value);
        }
        return matrices;
    }

    /** The weights of each connection that are given, checked, [pre][post]. */
    private Map<String, int[][]> byConnection(Map<String, int[][]> weights) {
        Map<String, int[][]> byConnection = new LinkedHashMap<>();
        List<CompiledCircuit.MatrixConnection> connections = chip.circuit().matrixConnections();
        for (CompiledCircuit.MatrixConnection c : connections) {
            int[][] value = weights.get(c.key());
            if (value == null && !c.primary()) {
                value = weights.get(c.view());
            }
            if (value != null) {
                requireShape(c.key(), value, c.direct() ? c.rows() : c.columns(), c.direct() ? c.columns() : c.rows());
                byConnection.put(c.connection(), value);
            }
        }
        return byConnection;
    }

    /** Checks a matrix's shape and that each entry is a weight the chip can hold (even, -256 .. 254). */
    private static void requireShape(String name, int[][] value, int rows, int columns) {
        SignMode mode = CircuitCompiler.MATRIX_SIGN_MODE;
        int bits = CircuitCompiler.MATRIX_WEIGHT_BITS;
        if (value.length != rows) {
            throw new IllegalArgumentException("weights: matrix " + name + " has " + value.length
                    + " rows; expected " + rows + " x " + columns);
        }
        for (int r = 0; r < rows; r++) {
            if (value[r].length != columns) {
                throw new IllegalArgumentException("weights: matrix " + name + " row " + r + " has "
                        + value[r].length + " columns; expected " + columns);
            }
            for (int c = 0; c < columns; c++) {
                int w = value[r][c];
                if (w < mode.minStored(bits) || w > mode.maxStored(bits) || mode.truncate(w, bits) != w) {
                    throw new IllegalArgumentException("weights: matrix " + name + " [" + r + "][" + c + "] = " + w
                            + " is not a weight the chip holds (" + mode + ", " + bits + " bits: "
                            + mode.minStored(bits) + " .. " + mode.maxStored(bits) + ")");
                }
            }
        }
    }

    @Override
    public Optional<PhaseEvents> chipEvents() {
        return Optional.of(chip.phaseEvents());
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
