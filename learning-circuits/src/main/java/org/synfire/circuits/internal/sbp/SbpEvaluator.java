package org.synfire.circuits.internal.sbp;

import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.data.Samples;

/**
 * Evaluates weights without learning, as the paper did from the weights read off the chip: the
 * forward pass of the functional model, scored three ways.
 */
final class SbpEvaluator {

    private SbpEvaluator() {
    }

    static Evaluation evaluate(SbpWeights weights, Samples samples) {
        SbpFunctionalModel model = new SbpFunctionalModel(weights);
        int outputs = weights.outputs;
        boolean[] outputLive = new boolean[outputs];
        boolean[] hiddenLive = new boolean[weights.hidden];
        int[] predictions = new int[samples.count()];
        int exact = 0;
        int top1Spikes = 0;
        int top1Potential = 0;
        long squaredErrors = 0;
        for (int n = 0; n < samples.count(); n++) {
            model.forward(samples.inputs(), n * samples.dimension());
            int[] a1 = model.hiddenPotential();
            for (int j = 0; j < a1.length; j++) {
                hiddenLive[j] |= a1[j] > 512;
            }
            int[] a2 = model.outputPotential();
            int label = samples.labels()[n];
            int firstFiring = -1;
            int argmax = 0;
            boolean allMatch = true;
            for (int k = 0; k < outputs; k++) {
                boolean o = a2[k] > 512;
                outputLive[k] |= a2[k] > 0;
                if (o && firstFiring < 0) {
                    firstFiring = k;
                }
                if (a2[k] > a2[argmax]) {
                    argmax = k;
                }
                boolean t = k == label;
                allMatch &= o == t;
                squaredErrors += o == t ? 0 : 1;
            }
            predictions[n] = Math.max(firstFiring, 0);
            exact += allMatch ? 1 : 0;
            top1Spikes += predictions[n] == label ? 1 : 0;
            top1Potential += argmax == label ? 1 : 0;
        }
        return new Evaluation(samples.count(), exact, top1Spikes, top1Potential, squaredErrors,
                count(outputLive, false), count(hiddenLive, false), predictions);
    }

    private static int count(boolean[] flags, boolean value) {
        int n = 0;
        for (boolean f : flags) {
            n += f == value ? 1 : 0;
        }
        return n;
    }
}
