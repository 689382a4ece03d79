package org.synfire.circuits.dsl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;

/**
 * A learning circuit given as data: a training description, optionally an inference description, and
 * the few Java parts a description cannot say ({@link CircuitModel}). The generic runtime compiles the
 * description for the settings' parameters, runs it on a chip backend and reads, restores, diagnoses and
 * infers from it. A circuit plugin subclasses this with a public no-argument constructor and declares it
 * as a {@link CircuitProvider}.
 */
public abstract class DescribedCircuitProvider implements CircuitProvider {

    private final String id;
    private final String description;
    private final CircuitDescriptions.Template training;
    private final Optional<CircuitDescriptions.Template> inference;
    private final CircuitModel model;

    /**
     * @param id          the circuit's id
     * @param description one line for listings
     * @param training    the training circuit
     * @param inference   the inference circuit (with a readout), if the circuit has one
     * @param model       its Java parts
     */
    protected DescribedCircuitProvider(String id, String description, CircuitDescriptions.Template training,
            Optional<CircuitDescriptions.Template> inference, CircuitModel model) {
        this.id = id;
        this.description = description;
        this.training = Objects.requireNonNull(training, "training description");
        this.inference = Objects.requireNonNull(inference, "inference description");
        this.model = Objects.requireNonNull(model, "circuit model");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final boolean needsBackend() {
        return true;
    }

    /** The parameters the training circuit declares, less those its options set ({@link #parametersOfOptions()}). */
    @Override
    public final java.util.Set<String> parameters() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(training.parameterNames());
        names.removeAll(parametersOfOptions());
        return java.util.Collections.unmodifiableSet(names);
    }

    /** The defaults its training description declares for {@link #parameters()}. */
    @Override
    public final java.util.Map<String, java.util.List<Integer>> parameterDefaults() {
        java.util.Map<String, java.util.List<Integer>> defaults = new java.util.LinkedHashMap<>(
                training.parameterDefaults());
        defaults.keySet().removeAll(parametersOfOptions());
        return java.util.Collections.unmodifiableMap(defaults);
    }

    /**
     * The description's parameters that {@link #templateParameters} sets from the circuit's options, so that the
     * functional model, which reads the options, follows them too: not settable by name. None by default.
     */
    protected java.util.Set<String> parametersOfOptions() {
        return java.util.Set.of();
    }

    /**
     * The values the descriptions' parameters take for these settings: by default the settings' parameters; a
     * circuit whose options set parameters of its description (for example a weight exponent) adds them here.
     */
    protected java.util.Map<String, java.util.List<Long>> templateParameters(CircuitSettings settings) {
        return CircuitDescriptions.parameters(settings.parameters());
    }

    /**
     * Refuses more hidden layers than the circuit's descriptions can be built with. The limit is not a number
     * written anywhere: it is found by making the descriptions for 1, 2, 4, ... layers of one unit each (up to
     * {@code layers}) and, past the first depth that cannot be built, halving the gap to the last one that can;
     * the reason is what the description needs at the first depth too many (for sBP its longest synaptic delay,
     * which grows with the depth). A circuit without a {@code hidden} parameter, or whose description cannot be
     * built at one layer (opening it then says why), has no limit here.
     */
    @Override
    public void requireHiddenLayers(int layers) {
        if (layers < 1 || !training.parameterNames().contains(CircuitSettings.HIDDEN)) {
            return;
        }
        int built = 0;
        int failed = 0;
        String why = null;
        for (int depth = 1; ; depth = (int) Math.min((long) depth * 2, layers)) {
            Optional<String> failure = unbuildable(depth);
            if (failure.isPresent()) {
                failed = depth;
                why = failure.get();
                break;
            }
            built = depth;
            if (depth == layers) {
                return;
            }
        }
        if (built == 0) {
            return;
        }
        while (failed - built > 1) {
            int depth = built + (failed - built) / 2;
            Optional<String> failure = unbuildable(depth);
            if (failure.isPresent()) {
                failed = depth;
                why = failure.get();
            } else {
                built = depth;
            }
        }
        throw new IllegalArgumentException("the " + id + " circuit takes at most " + built + " hidden layer"
                + (built == 1 ? "" : "s") + ": with " + failed + ", " + why);
    }

    /** The largest matrix the depth probe makes (its layers have one unit; a matrix of another shape is not probed). */
    private static final long PROBE_MATRIX_ENTRIES = 1 << 16;

    /** Why the descriptions cannot be built with {@code depth} hidden layers of one unit, if they cannot. */
    private Optional<String> unbuildable(int depth) {
        try {
            // as a run of that depth would describe it, with the circuit's default options
            Map<String, List<Long>> parameters = templateParameters(
                    CircuitSettings.layers(1, Collections.nCopies(depth, 1), 1, 1, 1));
            compileWithZeros(training.describe(parameters), training.source());
            inference.ifPresent(t -> compileWithZeros(t.describe(parameters), t.source()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void compileWithZeros(CircuitDescription description, String source) {
        Map<String, int[][]> zeros = new LinkedHashMap<>();
        for (var e : description.matrices().entrySet()) {
            if (e.getValue().shape().size() != 2) {
                continue; // the compiler says what is wrong with the shape
            }
            int rows = CircuitCompiler.size(description, e.getValue().shape().get(0), "matrix " + e.getKey());
            int columns = CircuitCompiler.size(description, e.getValue().shape().get(1), "matrix " + e.getKey());
            if ((long) rows * columns > PROBE_MATRIX_ENTRIES) {
                return; // not a matrix of one-unit layers: too large to probe with, and opening it says why
            }
            zeros.put(e.getKey(), new int[rows][columns]);
        }
        try {
            CircuitCompiler.compile(description, zeros);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public TrainingSession open(CircuitSettings settings, ChipBackend backend) {
        Objects.requireNonNull(backend, "the " + id + " circuit runs on a chip backend");
        var parameters = templateParameters(settings);
        try {
            return new DescribedChipSession(backend, settings, training.describe(parameters),
                    inference.map(t -> t.describe(parameters)), model);
        } catch (org.synfire.chip.api.circuit.CircuitDescriptionException e) {
            // sizes and shapes are evaluated when the description compiles, where its let values are gone
            if (e.getMessage().startsWith(training.source() + ":")) {
                throw e; // read and checked when described, with its hint
            }
            throw new org.synfire.chip.api.circuit.CircuitDescriptionException(training.source() + ": "
                    + e.getMessage() + training.letHint(e.getMessage()), e);
        }
    }
}
