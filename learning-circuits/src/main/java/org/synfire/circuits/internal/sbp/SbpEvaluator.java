package org.synfire.circuits.internal.sbp;

import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.data.Samples;
import org.synfire.circuits.dsl.ClassificationTally;

/**
 * Evaluates weights without learning, as the paper did from the weights read off the chip: the
 * forward pass of the functional model (at any depth), scored three ways on the output layer. A
 * hidden unit of any hidden layer that never fires counts as dead.
 */
final class SbpEvaluator {

    private SbpEvaluator() {
    }

    static Evaluation evaluate(SbpWeights weights, Samples samples) {
        return evaluate(weights, new int[weights.sizes.length], samples);
    }

    /** @param shift the forward shift of each matrix, as {@link SbpFunctionalModel#SbpFunctionalModel(SbpWeights, int[])} */
    static Evaluation evaluate(SbpWeights weights, int[] shift, Samples samples) {
        SbpFunctionalModel model = new SbpFunctionalModel(weights, shift);
        int[] sizes = weights.sizes;
        int top = sizes.length - 1;
        int allHidden = 0;
        for (int l = 1; l < top; l++) {
            allHidden += sizes[l];
        }
        ClassificationTally tally = new ClassificationTally(weights.outputs, allHidden);
        boolean[] fired = new boolean[weights.outputs];
        boolean[] hiddenFired = new boolean[allHidden]; // the hidden layers one after the other
        for (int n = 0; n < samples.count(); n++) {
            model.forward(samples.inputs(), n * samples.dimension());
            int at = 0;
            for (int l = 1; l < top; l++) {
                int[] a = model.potential(l);
                for (int j = 0; j < a.length; j++) {
                    hiddenFired[at++] = a[j] > 512;
                }
            }
            int[] potential = model.outputPotential();
            for (int k = 0; k < fired.length; k++) {
                fired[k] = potential[k] > 512;
            }
            tally.add(samples.labels()[n], fired, potential, hiddenFired);
        }
        return tally.evaluation();
    }
}
