package org.synfire.interchange.nir;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a feed-forward NIR chain once per sample, without time: {@code Affine} and {@code Linear} apply
 * their weights, {@code Threshold} is the Heaviside step {@code [v > threshold]}, and {@code IF} is taken
 * as one input volley into a neuron at rest ({@code v = r I}, a spike iff {@code v > v_threshold}). This is
 * how an exported graph is checked against the functional model it came from.
 */
public final class NirForward {

    /** One step of the chain: weights ({@code null} for a neuron step) or thresholds. */
    private record Step(String name, int outputs, int inputs, double[] weight, double[] bias, double[] gain,
            double[] threshold) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final int inputs;
    private final int outputs;

    /**
     * @throws IllegalArgumentException naming the node, for a graph that is not a chain from an Input to an
     *                                  Output, a node of another type, or sizes that do not follow on
     */
    public NirForward(NirGraph graph) {
        List<String> chain = graph.chain();
        int size = ((NirNode.Input) graph.nodes().get(chain.get(0))).size();
        this.inputs = size;
        for (String name : chain.subList(1, chain.size())) {
            NirNode node = graph.nodes().get(name);
            int in = size;
            Step step = switch (node) {
                case NirNode.Affine a -> new Step(name, a.outputs(), a.inputs(), a.weight(), a.bias(), null, null);
                case NirNode.Linear a -> new Step(name, a.outputs(), a.inputs(), a.weight(), new double[a.outputs()],
                        null, null);
                case NirNode.Threshold t -> new Step(name, t.threshold().length, in, null, null, null, t.threshold());
                case NirNode.IF f -> new Step(name, f.r().length, in, null, null, f.r(), f.vThreshold());
                case NirNode.Output o -> new Step(name, o.size(), in, null, null, null, null);
                default -> throw new IllegalArgumentException("node '" + name + "': a " + node.type()
                        + " cannot be evaluated without time; expected Affine, Linear, Threshold, IF or Output");
            };
            if (step.inputs() != in || (step.weight() == null && step.outputs() != in)) {
                throw new IllegalArgumentException("node '" + name + "' takes " + step.inputs() + " values but gets "
                        + in);
            }
            if (!(node instanceof NirNode.Output)) {
                steps.add(step);
            }
            size = step.outputs();
        }
        this.outputs = size;
    }

    /** The number of inputs. */
    public int inputs() {
        return inputs;
    }

    /** The number of outputs. */
    public int outputs() {
        return outputs;
    }

    /** The graph's output for the input {@code x[offset] .. x[offset + inputs - 1]} (0 or 1 each). */
    public double[] run(byte[] x, int offset) {
        double[] v = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            v[i] = x[offset + i];
        }
        for (Step s : steps) {
            double[] next = new double[s.outputs()];
            if (s.weight() != null) {
                double[] w = s.weight();
                for (int j = 0; j < next.length; j++) {
                    double sum = s.bias()[j];
                    int row = j * s.inputs();
                    for (int i = 0; i < v.length; i++) {
                        sum += w[row + i] * v[i];
                    }
                    next[j] = sum;
                }
            } else {
                for (int j = 0; j < next.length; j++) {
                    double drive = s.gain() == null ? v[j] : s.gain()[j] * v[j];
                    next[j] = drive > s.threshold()[j] ? 1 : 0;
                }
            }
            v = next;
        }
        return v;
    }
}
