package org.synfire.circuits.internal.sbp;

import org.synfire.chip.api.circuit.Evaluation;

/**
 * Scores samples one by one, three ways: exact (every output equals the one-hot target), top-1 from
 * the spikes (the first firing output; output 0 when none fires, as the published evaluation breaks
 * ties and silence) and top-1 from the potential (the largest, lowest index on ties); and notes the
 * units that never showed life (an output whose potential never exceeds 0 gets no error signal).
 * The hidden units are those of every hidden layer, one layer after the other in the flags
 * {@link #add} takes, so the dead hidden units are summed over the layers.
 */
final class EvaluationTally {

    private final boolean[] outputLive;
    private final boolean[] hiddenLive;
    private int[] predictions = new int[64];
    private int samples;
    private int exact;
    private int top1Spikes;
    private int top1Potential;
    private long squaredErrors;

    /** A tally of {@code outputs} outputs and {@code hidden} hidden units (over all hidden layers). */
    EvaluationTally(int outputs, int hidden) {
        this.outputLive = new boolean[outputs];
        this.hiddenLive = new boolean[hidden];
    }

    /**
     * One sample: whether each output fired, each output's potential, whether each hidden unit fired
     * (every hidden layer's units, one layer after the other).
     */
    void add(int label, boolean[] fired, int[] potential, boolean[] hiddenFired) {
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
            predictions = java.util.Arrays.copyOf(predictions, samples * 2);
        }
        predictions[samples++] = prediction;
        exact += allMatch ? 1 : 0;
        top1Spikes += prediction == label ? 1 : 0;
        top1Potential += argmax == label ? 1 : 0;
    }

    Evaluation evaluation() {
        return new Evaluation(samples, exact, top1Spikes, top1Potential, squaredErrors, dead(outputLive),
                dead(hiddenLive), java.util.Arrays.copyOf(predictions, samples));
    }

    private static int dead(boolean[] live) {
        int n = 0;
        for (boolean l : live) {
            n += l ? 0 : 1;
        }
        return n;
    }
}
