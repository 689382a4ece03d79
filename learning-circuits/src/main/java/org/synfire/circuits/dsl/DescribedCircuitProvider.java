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

    /** The parameters the training circuit declares. */
    @Override
    public final java.util.Set<String> parameters() {
        return training.parameterNames();
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

    /** Why the descriptions cannot be built with {@code depth} hidden layers of one unit, if they cannot. */
    private Optional<String> unbuildable(int depth) {
        Map<String, List<Long>> parameters = new LinkedHashMap<>();
        parameters.put(CircuitSettings.INPUTS, List.of(1L));
        parameters.put(CircuitSettings.HIDDEN, Collections.nCopies(depth, 1L));
        parameters.put(CircuitSettings.OUTPUTS, List.of(1L));
        try {
            compileWithZeros(training.describe(parameters));
            inference.ifPresent(t -> compileWithZeros(t.describe(parameters)));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void compileWithZeros(CircuitDescription description) {
        Map<String, int[][]> zeros = new LinkedHashMap<>();
        description.matrices().forEach((name, matrix) -> {
            if (matrix.shape().size() == 2) {
                zeros.put(name, new int[CircuitCompiler.size(description, matrix.shape().get(0), "matrix " + name)]
                        [CircuitCompiler.size(description, matrix.shape().get(1), "matrix " + name)]);
            }
        });
        CircuitCompiler.compile(description, zeros);
    }

    @Override
    public TrainingSession open(CircuitSettings settings, ChipBackend backend) {
        Objects.requireNonNull(backend, "the " + id + " circuit runs on a chip backend");
        var parameters = CircuitDescriptions.parameters(settings.parameters());
        return new DescribedChipSession(backend, settings, training.describe(parameters),
                inference.map(t -> t.describe(parameters)), model);
    }
}
