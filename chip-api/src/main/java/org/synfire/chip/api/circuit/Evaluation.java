package org.synfire.chip.api.circuit;

/**
 * How a trained circuit did on a set of samples.
 *
 * @param samples            samples evaluated
 * @param exact              samples whose every output equals the one-hot target
 * @param top1Spikes         samples whose first firing output (lowest index; 0 if none fires) is the target
 * @param top1Potential      samples whose largest output potential (lowest index on ties) is the target
 * @param squaredErrors      sum over samples and outputs of (output - target)^2, outputs being 0 or 1
 * @param deadOutputs        outputs whose potential never exceeded 0 on these samples: they get no error signal
 * @param deadHidden         hidden units that never fired on these samples
 * @param predictions        the top-1-from-spikes prediction of each sample, for comparing two evaluations
 */
public record Evaluation(int samples, int exact, int top1Spikes, int top1Potential, long squaredErrors,
        int deadOutputs, int deadHidden, int[] predictions) {

    public Evaluation {
        predictions = predictions.clone();
    }

    public double exactAccuracy() {
        return fraction(exact);
    }

    public double top1SpikesAccuracy() {
        return fraction(top1Spikes);
    }

    public double top1PotentialAccuracy() {
        return fraction(top1Potential);
    }

    /** Mean squared error per output: squared errors / (samples * outputs). */
    public double loss(int outputs) {
        return samples == 0 ? 0 : (double) squaredErrors / ((double) samples * outputs);
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

    private double fraction(int count) {
        return samples == 0 ? 0 : (double) count / samples;
    }
}
