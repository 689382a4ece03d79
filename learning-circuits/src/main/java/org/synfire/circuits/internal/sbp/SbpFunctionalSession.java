package org.synfire.circuits.internal.sbp;

import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.InferenceNetwork;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;

/** Training with the functional model: the fast baseline, and the oracle the chip circuit must equal. */
final class SbpFunctionalSession implements TrainingSession {

    private final SbpWeights weights;
    private final SbpFunctionalModel model;

    private final int[] shift;

    SbpFunctionalSession(SbpWeights weights) {
        this(weights, new int[weights.sizes.length]);
    }

    /** @param shift the forward shift of each matrix, as {@link SbpFunctionalModel#SbpFunctionalModel(SbpWeights, int[])} */
    SbpFunctionalSession(SbpWeights weights, int[] shift) {
        this(weights, shift, new int[weights.sizes.length]);
    }

    /** @param window each layer's window widening, as {@link SbpFunctionalModel#SbpFunctionalModel(SbpWeights, int[], int[])} */
    SbpFunctionalSession(SbpWeights weights, int[] shift, int[] window) {
        this.weights = weights;
        this.shift = shift.clone();
        this.model = new SbpFunctionalModel(weights, shift, window);
    }

    @Override
    public void train(Samples samples, int index) {
        model.train(samples.inputs(), index * samples.dimension(), samples.labels()[index]);
    }

    @Override
    public Evaluation evaluate(Samples samples) {
        return SbpEvaluator.evaluate(weights, shift, samples);
    }

    @Override
    public Optional<InferenceNetwork> inferenceNetwork() {
        return Optional.of(SbpInferenceNetwork.of(weights, shift));
    }

    @Override
    public Map<String, int[][]> weights() {
        return weights.toMap();
    }

    @Override
    public java.util.List<String> matrices() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int l = 1; l <= weights.depth() + 1; l++) {
            names.add(SbpWeights.name(l));
        }
        return names;
    }

    @Override
    public void restore(Map<String, int[][]> matrices) {
        weights.restore(matrices);
    }

    @Override
    public void close() {
    }
}
