package org.example.perceptron;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;

/** {@code perceptron-functional}: the perceptron's functional model, which the chip circuit equals bit for bit. */
public final class PerceptronFunctionalProvider implements CircuitProvider {

    private final PerceptronModel model = new PerceptronModel();

    @Override
    public String id() {
        return "perceptron-functional";
    }

    @Override
    public String description() {
        return "Functional model of the example perceptron: the same integer learning without spikes";
    }

    @Override
    public boolean needsBackend() {
        return false;
    }

    /** No hidden layers: inputs straight to classes. */
    @Override
    public Set<String> parameters() {
        return Set.of(CircuitSettings.INPUTS, CircuitSettings.OUTPUTS);
    }

    @Override
    public TrainingSession open(CircuitSettings settings, ChipBackend backend) {
        int[][] w = model.initialWeights(settings).get(PerceptronModel.MATRIX);
        return new TrainingSession() {
            @Override
            public void train(Samples samples, int index) {
                PerceptronModel.train(w, samples.inputs(), index * samples.dimension(), samples.labels()[index]);
            }

            @Override
            public Evaluation evaluate(Samples samples) {
                return model.evaluate(weights(), samples);
            }

            @Override
            public Map<String, int[][]> weights() {
                int[][] copy = new int[w.length][];
                for (int i = 0; i < w.length; i++) {
                    copy[i] = w[i].clone();
                }
                return Map.of(PerceptronModel.MATRIX, copy);
            }

            @Override
            public List<String> matrices() {
                return List.of(PerceptronModel.MATRIX);
            }

            @Override
            public void restore(Map<String, int[][]> weights) {
                int[][] given = weights.get(PerceptronModel.MATRIX);
                if (given == null || given.length != w.length || given[0].length != w[0].length) {
                    throw new IllegalArgumentException("weights: matrix w of " + w.length + " x " + w[0].length
                            + " is needed; have " + weights.keySet());
                }
                for (int i = 0; i < w.length; i++) {
                    System.arraycopy(given[i], 0, w[i], 0, w[i].length);
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
