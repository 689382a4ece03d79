package org.synfire.circuits.dsl;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.synfire.chip.api.circuit.Evaluation;

/**
 * Scores a classifier with a binary output layer sample by sample: {@code top1_spikes} (the first firing
 * output; output 0 when none fires, as the published sBP evaluation breaks ties and silence),
 * {@code top1_potential} (the largest potential, lowest index on ties), {@code exact} (every output equals
 * the one-hot target) and {@code loss} (mean squared error per output); and counts the units that never
 * showed life: {@code dead_outputs} (potential never above 0: such an output gets no error signal) and
 * {@code dead_hidden} (never fired).
 */
public final class ClassificationTally {

    private final boolean[] outputLive;
    private final boolean[] hiddenLive;
    private int[] predictions = new int[64];
    private int samples;
    private int exact;
    private int top1Spikes;
    private int top1Potential;
    private long squaredErrors;

    /**
     * @param outputs classes
     * @param hidden  hidden units, all layers together
     */
    public ClassificationTally(int outputs, int hidden) {
        this.outputLive = new boolean[outputs];
        this.hiddenLive = new boolean[hidden];
    }

    /** One sample: whether each output fired, each output's potential, whether each hidden unit fired. */
    public void add(int label, boolean[] fired, int[] potential, boolean[] hiddenFired) {
        int firstFiring = -1;
        int argmax = 0;
        boolean allMatch = true;
        for (int k = 0; k < fired.length; k++) {
            outputLive[k] |= potential[k] > 0;
            if (fired[k] && firstFiring < 0) {
                firstFiring = k;
            }
            if (potential[k] > potential[argmax]) {
                argmax = k;
            }
            boolean target = k == label;
            allMatch &= fired[k] == target;
            squaredErrors += fired[k] == target ? 0 : 1;
        }
        for (int j = 0; j < hiddenFired.length; j++) {
            hiddenLive[j] |= hiddenFired[j];
        }
        int prediction = Math.max(firstFiring, 0);
        if (samples == predictions.length) {
            predictions = Arrays.copyOf(predictions, samples * 2);
        }
        predictions[samples++] = prediction;
        exact += allMatch ? 1 : 0;
        top1Spikes += prediction == label ? 1 : 0;
        top1Potential += argmax == label ? 1 : 0;
    }

    /** The scores of the samples added so far. */
    public Evaluation evaluation() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("top1_spikes", fraction(top1Spikes));
        metrics.put("top1_potential", fraction(top1Potential));
        metrics.put("exact", fraction(exact));
        metrics.put("loss", samples == 0 ? 0 : (double) squaredErrors / ((double) samples * outputLive.length));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("dead_outputs", (long) dead(outputLive));
        counts.put("dead_hidden", (long) dead(hiddenLive));
        return new Evaluation(samples, metrics, counts, Arrays.copyOf(predictions, samples));
    }

    private double fraction(int count) {
        return samples == 0 ? 0 : (double) count / samples;
    }

    private static int dead(boolean[] live) {
        int n = 0;
        for (boolean l : live) {
            n += l ? 0 : 1;
        }
        return n;
    }
}
