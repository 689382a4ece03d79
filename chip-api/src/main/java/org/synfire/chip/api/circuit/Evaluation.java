package org.synfire.chip.api.circuit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a trained circuit did on a set of samples, in the circuit's own terms.
 *
 * @param samples     samples evaluated
 * @param metrics     figures by name, in the circuit's order (the first is its headline figure); a classifier's
 *                    accuracies are fractions of the samples, e.g. {@code top1_spikes} 0.93
 * @param counts      diagnostic counts by name, e.g. {@code dead_outputs}: units that never showed life
 * @param predictions the predicted class of each sample, for comparing two evaluations
 */
public record Evaluation(int samples, Map<String, Double> metrics, Map<String, Long> counts, int[] predictions) {

    public Evaluation {
        if (samples < 0 || predictions.length != samples) {
            throw new IllegalArgumentException("evaluation of " + samples + " samples with " + predictions.length
                    + " predictions");
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        predictions = predictions.clone();
    }

    /**
     * The figure named {@code name}.
     *
     * @throws IllegalArgumentException if the evaluation has none of that name, naming those it has
     */
    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the evaluation has no figure " + name + "; it has " + metrics.keySet());
        }
        return value;
    }

    /** The name of the headline figure (the first), or empty text if there is none. */
    public String headline() {
        return metrics.isEmpty() ? "" : metrics.keySet().iterator().next();
    }

    /** Samples whose prediction differs from {@code other}'s (an evaluation of the same samples). */
    public int disagreements(Evaluation other) {
        if (other.predictions.length != predictions.length) {
            throw new IllegalArgumentException("evaluations of " + predictions.length + " and "
                    + other.predictions.length + " samples cannot be compared");
        }
        int differ = 0;
        for (int n = 0; n < predictions.length; n++) {
            differ += predictions[n] == other.predictions[n] ? 0 : 1;
        }
        return differ;
    }

    @Override
    public int[] predictions() {
        return predictions.clone();
    }
}
