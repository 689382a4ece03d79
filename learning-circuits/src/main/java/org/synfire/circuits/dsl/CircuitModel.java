package org.synfire.circuits.dsl;

import java.util.Map;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.data.Samples;

/**
 * What a learning circuit says in Java because its description cannot: its initial weights, how its
 * weights are scored without a chip, and any kinds of host input of its own. Everything else (the chip
 * network, its learning, the host's spikes, reading and restoring weights, on-chip inference) the
 * generic runtime ({@link DescribedCircuitProvider}) does from the description.
 */
public interface CircuitModel {

    /**
     * The initial value of every matrix the circuit's description declares, by name, [row][column].
     *
     * @throws IllegalArgumentException for an option the circuit does not know
     */
    Map<String, int[][]> initialWeights(CircuitSettings settings);

    /**
     * Scores weights on samples without learning (the circuit's functional forward pass).
     *
     * @param weights every matrix by name, as {@link org.synfire.chip.api.circuit.TrainingSession#weights()}
     *                gives them (the matrices themselves, and their views and copies)
     */
    Evaluation evaluate(Map<String, int[][]> weights, Samples samples);

    /**
     * Scores weights as {@link #evaluate(Map, Samples)} does, for a circuit whose options change how its weights
     * act (a circuit that has such options overrides this); by default the settings do not matter.
     */
    default Evaluation evaluate(CircuitSettings settings, Map<String, int[][]> weights, Samples samples) {
        return evaluate(weights, samples);
    }

    /**
     * The inference network as {@link #inferenceNetwork(Map)} gives it, for a circuit whose options change how
     * its weights act; by default the settings do not matter.
     */
    default java.util.Optional<org.synfire.chip.api.circuit.InferenceNetwork> inferenceNetwork(
            CircuitSettings settings, Map<String, int[][]> weights) {
        return inferenceNetwork(weights);
    }

    /**
     * The weights as the circuit's inference network of threshold units (see
     * {@link org.synfire.chip.api.circuit.TrainingSession#inferenceNetwork()}); empty if the circuit cannot say it.
     *
     * @param weights every matrix by name, as for {@link #evaluate}
     */
    default java.util.Optional<org.synfire.chip.api.circuit.InferenceNetwork> inferenceNetwork(
            Map<String, int[][]> weights) {
        return java.util.Optional.empty();
    }

    /** Kinds of host input of the circuit's own, by the name its generators give in {@code emits}. */
    default Map<String, HostInput> hostInputs() {
        return Map.of();
    }
}
