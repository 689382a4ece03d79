package org.synfire.circuits.internal.sbp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.synfire.chip.api.circuit.InferenceNetwork;

/**
 * The sBP circuit's inference network: its forward pass ({@link SbpFunctionalModel#forward}) as N + 1
 * dense layers of threshold units. Layer l applies W_l^T to layer l-1's spikes (x for l = 1), with no
 * bias, and a unit fires iff its sum exceeds 512: the functional model's {@code h_l = [a_l > 512]},
 * which on the chip is the threshold 1024 x 64 met by the bias -8192 x 64 and the gate's lift 8704 x 64
 * (docs/sbp-circuit.md, "Units").
 */
final class SbpInferenceNetwork {

    /** A unit fires iff its input sum exceeds this, in weight-mantissa units. */
    static final int THRESHOLD = 512;
    /** Every layer holds mantissas at exponent 0 (a matrix the circuit lowers: shifted, as the chip does). */
    static final int WEIGHT_EXPONENT = 0;
    static final String UNITS = "weight mantissa at exponent 0: on the chip a weight w adds w * 64 to a compartment's "
            + "current; a unit fires iff its sum exceeds 512 (the threshold 1024 less the gate's lift of 512)";
    static final String READOUT = "the first output unit that fires, 0 when none fires";

    private SbpInferenceNetwork() {
    }

    static InferenceNetwork of(SbpWeights weights) {
        return of(weights, new int[weights.sizes.length]);
    }

    /**
     * @param shift the forward shift of each matrix ({@link SbpFunctionalModel#SbpFunctionalModel(SbpWeights, int[])}):
     *              a layer whose matrix acts at a lower exponent holds its mantissas shifted as the chip does,
     *              so every layer is in mantissa units at exponent 0
     */
    static InferenceNetwork of(SbpWeights weights, int[] shift) {
        int[] sizes = weights.sizes;
        List<InferenceNetwork.Layer> layers = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            int[] w = weights.matrix[l]; // in x out, row-major
            int[] transposed = new int[w.length];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    transposed[j * in + i] = w[i * out + j] >> shift[l];
                }
            }
            int[] threshold = new int[out];
            Arrays.fill(threshold, THRESHOLD);
            layers.add(new InferenceNetwork.Layer(SbpWeights.name(l), in, out, transposed, new int[out], threshold));
        }
        return new InferenceNetwork(layers, WEIGHT_EXPONENT, UNITS, READOUT);
    }
}
