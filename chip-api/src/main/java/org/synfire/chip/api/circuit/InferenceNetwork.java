package org.synfire.chip.api.circuit;

import java.util.List;
import java.util.Objects;

/**
 * A trained circuit's inference network as a chain of dense layers of binary threshold units, in the
 * units of the circuit's functional model, for exporting it: layer 0's input is the sample (each input 0
 * or 1), layer l's input is layer l-1's output, and unit j of a layer fires (outputs 1) iff
 * {@code sum_i input_i * weight[j][i] + bias[j] > threshold[j]}, strictly. Evaluated this way on a sample,
 * the network gives the spikes of the circuit's functional forward pass, hence its predictions through
 * {@code readout}.
 *
 * @param layers         the layers, input side first; each takes the previous one's outputs
 * @param weightExponent the chip's weight exponent: a weight w here acts on the chip as
 *                       {@code w * 2^(6 + weightExponent)} (Loihi's synaptic scaling)
 * @param units          what a weight, bias and threshold are counted in, in words
 * @param readout        how the output layer's spikes give a class, in words
 */
public record InferenceNetwork(List<Layer> layers, int weightExponent, String units, String readout) {

    public InferenceNetwork {
        layers = List.copyOf(layers);
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(readout, "readout");
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("inference network without layers");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inputs() != layers.get(l - 1).outputs()) {
                throw new IllegalArgumentException("inference network: layer " + layers.get(l).name() + " takes "
                        + layers.get(l).inputs() + " inputs but layer " + layers.get(l - 1).name() + " has "
                        + layers.get(l - 1).outputs() + " outputs");
            }
        }
    }

    /** The number of inputs of the first layer. */
    public int inputs() {
        return layers.get(0).inputs();
    }

    /** The number of outputs of the last layer. */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /**
     * One dense layer of threshold units.
     *
     * @param name      the layer's name in the circuit (for sBP the matrix it applies, {@code w1}, {@code w2}, ...)
     * @param inputs    units below
     * @param outputs   units of this layer
     * @param weight    {@code outputs x inputs}, row-major: {@code weight[j * inputs + i]} connects input i to unit j
     * @param bias      per unit, added to the weighted sum
     * @param threshold per unit: the unit fires iff its sum plus bias exceeds it
     */
    public record Layer(String name, int inputs, int outputs, int[] weight, int[] bias, int[] threshold) {

        public Layer {
            Objects.requireNonNull(name, "name");
            if (inputs < 1 || outputs < 1 || weight.length != Math.multiplyExact(inputs, outputs)
                    || bias.length != outputs || threshold.length != outputs) {
                throw new IllegalArgumentException("layer " + name + ": " + weight.length + " weights, "
                        + bias.length + " biases and " + threshold.length + " thresholds do not make "
                        + outputs + " units of " + inputs + " inputs");
            }
            weight = weight.clone();
            bias = bias.clone();
            threshold = threshold.clone();
        }

        /** A copy of the weights, {@code outputs x inputs} row-major. */
        @Override
        public int[] weight() {
            return weight.clone();
        }

        /** A copy of the biases. */
        @Override
        public int[] bias() {
            return bias.clone();
        }

        /** A copy of the thresholds. */
        @Override
        public int[] threshold() {
            return threshold.clone();
        }

        /** The weight from input {@code i} to unit {@code j}. */
        public int weight(int j, int i) {
            return weight[j * inputs + i];
        }

        /** Unit {@code j}'s bias. */
        public int bias(int j) {
            return bias[j];
        }

        /** Unit {@code j}'s threshold. */
        public int threshold(int j) {
            return threshold[j];
        }
    }
}
