package org.synfire.circuits.internal.sbp;

import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.data.Samples;
import org.synfire.circuits.dsl.ClassificationTally;

/**
 * Evaluates weights without learning, as the paper did from the weights read off the chip: the
 * forward pass of the functional model, scored three ways.
 */
final class SbpEvaluator {

    private SbpEvaluator() {
    }

    static Evaluation evaluate(SbpWeights weights, Samples samples) {
        SbpFunctionalModel model = new SbpFunctionalModel(weights);
        ClassificationTally tally = new ClassificationTally(weights.outputs, weights.hidden);
        boolean[] fired = new boolean[weights.outputs];
        boolean[] hiddenFired = new boolean[weights.hidden];
        for (int n = 0; n < samples.count(); n++) {
            model.forward(samples.inputs(), n * samples.dimension());
            int[] a1 = model.hiddenPotential();
            for (int j = 0; j < a1.length; j++) {
                hiddenFired[j] = a1[j] > 512;
            }
            int[] a2 = model.outputPotential();
            for (int k = 0; k < fired.length; k++) {
                fired[k] = a2[k] > 512;
            }
            tally.add(samples.labels()[n], fired, a2, hiddenFired);
        }
        return tally.evaluation();
    }
}
