package org.synfire.circuits.dsl;

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
