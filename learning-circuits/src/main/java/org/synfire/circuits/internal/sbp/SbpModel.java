package org.synfire.circuits.internal.sbp;

import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.InferenceNetwork;
import org.synfire.chip.api.data.Samples;
import org.synfire.circuits.dsl.CircuitModel;

/** The parts of the sBP circuit its description cannot say: initial weights and the functional forward pass. */
final class SbpModel implements CircuitModel {

    private final String circuit;

    /** @param circuit the circuit's id, for messages */
    SbpModel(String circuit) {
        this.circuit = circuit;
    }

    @Override
    public Map<String, int[][]> initialWeights(CircuitSettings settings) {
        return SbpInitialWeights.draw(circuit, settings).toMap();
    }

    @Override
    public Evaluation evaluate(Map<String, int[][]> weights, Samples samples) {
        return SbpEvaluator.evaluate(SbpWeights.restored(weights), samples);
    }

    @Override
    public Optional<InferenceNetwork> inferenceNetwork(Map<String, int[][]> weights) {
        return Optional.of(SbpInferenceNetwork.of(SbpWeights.restored(weights)));
    }

    @Override
    public Evaluation evaluate(CircuitSettings settings, Map<String, int[][]> weights, Samples samples) {
        SbpWeights restored = SbpWeights.restored(weights);
        return SbpEvaluator.evaluate(restored, SbpOptions.of(circuit, settings).shifts(restored.sizes.length), samples);
    }

    @Override
    public Optional<InferenceNetwork> inferenceNetwork(CircuitSettings settings, Map<String, int[][]> weights) {
        SbpWeights restored = SbpWeights.restored(weights);
        return Optional.of(SbpInferenceNetwork.of(restored,
                SbpOptions.of(circuit, settings).shifts(restored.sizes.length)));
    }
}
