package org.synfire.interchange.nir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * A NIR graph as a Loihi-1 network ({@code synfire import}). Each {@code Input} becomes a spike generator,
 * each neuron node ({@code Threshold}, {@code IF}, {@code LIF}, {@code CubaLIF}) a compartment group, each
 * {@code Affine} or {@code Linear} an all-to-all connection from the one node before it (an Input or
 * neurons) to each neuron node after it, with delay 0 (a spike arrives the next timestep, so every layer
 * adds one timestep), and each {@code Output} a spike probe on the neurons before it. Recurrent edges
 * through neurons are placed like any other; an edge that cannot carry spikes to compartments (weights
 * after weights, neurons to neurons without weights, weights into an Output) is refused.
 *
 * <p>Dynamics, with one timestep = {@code dt} (NIR's time constants are divided by it), in Euler steps:
 * {@code Threshold}: the step of this timestep's input (dU = dV = 4096); {@code IF}: {@code v += r I dt}
 * (dV = 0); {@code LIF}: {@code v += (v_leak - v + r I) dt / tau} (dV = 4096 dt / tau); {@code CubaLIF}:
 * {@code I += (w_in S - I) dt / tau_syn}, {@code v += (v_leak - v + r I) dt / tau_mem}. Factors on the
 * input ({@code r dt}, {@code r dt / tau}, {@code w_in}) go into the weights, {@code v_leak dt / tau} and an
 * Affine's bias into the compartments' bias. Loihi resets to 0, so {@code v_reset} must be 0.
 *
 * <p>Numbers: per group a power-of-two scale puts the largest threshold at 4096 .. 8191 mantissa units (its
 * {@code vThMant}; room is left below the 22-bit input wrap), units with smaller thresholds get their inputs
 * scaled up to it, and each connection takes the exponent whose grid fits its weights best
 * ({@link LoihiWeights}); the result reports every connection's largest error and the largest
 * threshold and bias errors.
 */
public final class NirImport {

    /** Largest {@code vThMant} the scale aims for: 2^13 - 1. */
    static final int THRESHOLD_CEILING = 8191;

    /**
     * One connection as placed.
     *
     * @param name         the connection's name (the weight node's, or {@code node:target} for one of several targets)
     * @param exponent     its weight exponent
     * @param scale        mantissa units per unit of the graph's weights (on the largest threshold's units)
     * @param largestError the largest |graph weight - placed weight|, in the graph's units
     */
    public record Placed(String name, int exponent, double scale, double largestError) {
    }

    /**
     * The network and what quantisation did.
     *
     * @param network            the Loihi-1 network
     * @param connections        each connection with its exponent and largest error
     * @param largestWeightError the largest error of any weight, in the graph's units
     * @param largestThresholdError the largest error of any threshold, in the graph's units
     * @param largestBiasError   the largest error of any compartment's bias, in the graph's voltage per timestep
     *                           (on its group's largest threshold)
     */
    public record Result(Network network, List<Placed> connections, double largestWeightError,
            double largestThresholdError, double largestBiasError) {
    }

    private NirImport() {
    }

    /** A connection to add once every group is there (a recurrent one may come from a later group). */
    private record Connection(String name, String source, String target, int[][] weights, int exponent) {
    }

    /**
     * @param graph the graph
     * @param dt    seconds (or whatever unit the graph's time constants are in) per timestep
     * @param input the spikes of the graph's one Input, as {@code [timestep, neuron]} pairs in time order; null:
     *              the generators are left for the host
     * @throws IllegalArgumentException naming the node (or edge) and the reason, for anything that cannot be placed
     */
    public static Result toLoihi(NirGraph graph, double dt, int[][] input) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt " + dt + " must be a positive number");
        }
        List<String> inputs = check(graph);
        if (input != null && inputs.size() != 1) {
            throw new IllegalArgumentException("input spikes need exactly one Input node; the graph has " + inputs.size());
        }
        Map<String, NirNode> nodes = graph.nodes();
        Network.Builder net = Network.builder();
        for (String name : inputs) {
            int size = ((NirNode.Input) nodes.get(name)).size();
            add(name, () -> net.add(input == null ? SpikeGenerator.hostInjected(name, size)
                    : generator(name, size, input)));
        }
        List<Placed> placed = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        double worstWeight = 0;
        double worstThreshold = 0;
        double worstBias = 0;
        for (Map.Entry<String, NirNode> n : nodes.entrySet()) {
            if (!isNeurons(n.getValue())) {
                continue;
            }
            String target = n.getKey();
            LoihiNeurons g = LoihiNeurons.of(target, n.getValue(), dt);
            List<String> weightNodes = graph.sources(target);
            // the effective weights (graph weight x gain) and bias per timestep, in the graph's voltage units
            List<double[]> effective = new ArrayList<>();
            double[] bias = g.drive().clone();
            for (String w : weightNodes) {
                NirNode node = nodes.get(w);
                double[] weight = weightsOf(node);
                int in = weight.length / g.size();
                double[] e = new double[weight.length];
                for (int j = 0; j < g.size(); j++) {
                    for (int i = 0; i < in; i++) {
                        e[j * in + i] = weight[j * in + i] * g.gain()[j];
                    }
                    if (node instanceof NirNode.Affine a) {
                        bias[j] += a.bias()[j] * g.biasGain()[j];
                    }
                }
                effective.add(e);
            }
            double scale = scale(target, g.threshold(), effective, bias);
            int vThMant = (int) Math.round(g.threshold() * scale);
            worstThreshold = Math.max(worstThreshold, Math.abs(vThMant / scale - g.threshold()));
            int[] biasMants = new int[g.size()];
            int[] biasExps = new int[g.size()];
            for (int j = 0; j < g.size(); j++) {
                double raw = bias[j] * scale * 64; // the chip's bias is not scaled by 2^6
                int exp = 0;
                while (exp < CompartmentPrototype.MAX_BIAS_EXP
                        && Math.abs(raw) > CompartmentPrototype.MAX_BIAS_MANT * (double) (1 << exp)) {
                    exp++;
                }
                biasExps[j] = exp;
                biasMants[j] = (int) Math.max(CompartmentPrototype.MIN_BIAS_MANT,
                        Math.min(CompartmentPrototype.MAX_BIAS_MANT, Math.round(raw / (1 << exp))));
                // rounding (or clamping at the largest exponent) moves the bias: measured back in the graph's units
                double placedBias = (double) biasMants[j] * (1 << exp) / 64 / scale;
                worstBias = Math.max(worstBias, Math.abs(placedBias - bias[j]));
            }
            add(target, () -> net.add(new CompartmentGroup(target, g.size(), CompartmentPrototype.builder()
                    .dU(g.dU()).dV(g.dV()).vThMant(vThMant).build(), Optional.empty(), biasMants, biasExps)));
            for (int k = 0; k < weightNodes.size(); k++) {
                String w = weightNodes.get(k);
                double[] e = effective.get(k);
                int in = e.length / g.size();
                double[] mantissaUnits = new double[e.length];
                for (int i = 0; i < e.length; i++) {
                    mantissaUnits[i] = e[i] * scale;
                }
                LoihiWeights.Quantized q = LoihiWeights.quantize(mantissaUnits);
                double[] original = weightsOf(nodes.get(w));
                double error = 0;
                int[][] matrix = new int[in][g.size()];
                for (int j = 0; j < g.size(); j++) {
                    double factor = g.gain()[j] * scale;
                    for (int i = 0; i < in; i++) {
                        int m = q.mantissas()[j * in + i];
                        matrix[i][j] = m;
                        if (factor != 0) {
                            error = Math.max(error, Math.abs(LoihiWeights.value(m, q.exponent()) / factor
                                    - original[j * in + i]));
                        }
                    }
                }
                String name = graph.targets(w).size() == 1 ? w : w + ":" + target;
                connections.add(new Connection(name, graph.sources(w).get(0), target, matrix, q.exponent()));
                placed.add(new Placed(name, q.exponent(), scale, error));
                worstWeight = Math.max(worstWeight, error);
            }
        }
        for (Connection c : connections) {
            add(c.name(), () -> net.connect(c.source(), c.target()).name(c.name()).weights(c.weights())
                    .exponent(c.exponent()).signMode(SignMode.MIXED).add());
        }
        for (Map.Entry<String, NirNode> n : nodes.entrySet()) {
            if (n.getValue() instanceof NirNode.Output) {
                add(n.getKey(), () -> net.add(Probe.of(n.getKey(), Probe.Kind.SPIKES,
                        graph.sources(n.getKey()).get(0))));
            }
        }
        try {
            return new Result(net.build(), placed, worstWeight, worstThreshold, worstBias);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the graph as a loihi1 network: " + e.getMessage(), e);
        }
    }

    /** Checks every node and edge can be placed; returns the Input nodes. */
    private static List<String> check(NirGraph graph) {
        Map<String, NirNode> nodes = graph.nodes();
        // a node of another type first: it is the reason, whatever its edges look like
        for (Map.Entry<String, NirNode> n : nodes.entrySet()) {
            if (n.getValue() instanceof NirNode.Other o) {
                throw new IllegalArgumentException("node '" + n.getKey() + "': type " + o.type()
                        + " has no counterpart on loihi1 (supported: Input, Affine, Linear, Threshold, IF, LIF,"
                        + " CubaLIF, Output)");
            }
        }
        List<String> inputs = new ArrayList<>();
        for (Map.Entry<String, NirNode> n : nodes.entrySet()) {
            String name = n.getKey();
            NirNode node = n.getValue();
            switch (node) {
                case NirNode.Other o -> throw new IllegalStateException("checked above");
                case NirNode.Input i -> {
                    inputs.add(name);
                    if (!graph.sources(name).isEmpty()) {
                        throw new IllegalArgumentException("edge " + graph.sources(name).get(0) + " -> " + name
                                + ": an Input receives no edges");
                    }
                }
                case NirNode.Output o -> {
                    List<String> from = graph.sources(name);
                    if (from.size() != 1 || !isNeurons(nodes.get(from.get(0)))) {
                        throw new IllegalArgumentException("node '" + name + "' (Output): loihi1 records the spikes of"
                                + " one neuron node; it has " + (from.isEmpty() ? "no edge in" : "edges from " + from));
                    }
                    size(from.get(0) + " -> " + name, neurons(nodes.get(from.get(0))), o.size());
                    if (!graph.targets(name).isEmpty()) {
                        throw new IllegalArgumentException("edge " + name + " -> " + graph.targets(name).get(0)
                                + ": an Output sends no edges");
                    }
                }
                case NirNode.Affine a -> checkWeights(graph, name, a.inputs(), a.outputs());
                case NirNode.Linear a -> checkWeights(graph, name, a.inputs(), a.outputs());
                default -> {
                    for (String s : graph.sources(name)) {
                        if (!isWeights(nodes.get(s))) {
                            throw new IllegalArgumentException("edge " + s + " -> " + name + ": loihi1 carries spikes"
                                    + " to compartments over weights; put an Affine or Linear between");
                        }
                    }
                }
            }
        }
        return inputs;
    }

    private static void checkWeights(NirGraph graph, String name, int in, int out) {
        List<String> from = graph.sources(name);
        if (from.size() != 1) {
            throw new IllegalArgumentException("node '" + name + "': weights take the spikes of one node; it has "
                    + (from.isEmpty() ? "none" : "edges from " + from));
        }
        NirNode source = graph.nodes().get(from.get(0));
        if (!(source instanceof NirNode.Input) && !isNeurons(source)) {
            throw new IllegalArgumentException("edge " + from.get(0) + " -> " + name + ": a " + source.type()
                    + " sends no spikes; loihi1 weights take an Input's or neurons' spikes");
        }
        size(from.get(0) + " -> " + name, source instanceof NirNode.Input i ? i.size() : neurons(source), in);
        List<String> to = graph.targets(name);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("node '" + name + "': its weights lead nowhere");
        }
        for (String t : to) {
            if (!isNeurons(graph.nodes().get(t))) {
                throw new IllegalArgumentException("edge " + name + " -> " + t + ": loihi1 weights end on neurons, not on"
                        + " a " + graph.nodes().get(t).type());
            }
            size(name + " -> " + t, out, neurons(graph.nodes().get(t)));
        }
    }

    private static void size(String edge, int from, int to) {
        if (from != to) {
            throw new IllegalArgumentException("edge " + edge + ": " + from + " values into " + to);
        }
    }

    private static boolean isWeights(NirNode node) {
        return node instanceof NirNode.Affine || node instanceof NirNode.Linear;
    }

    private static boolean isNeurons(NirNode node) {
        return node instanceof NirNode.Threshold || node instanceof NirNode.IF || node instanceof NirNode.LIF
                || node instanceof NirNode.CubaLIF;
    }

    private static int neurons(NirNode node) {
        return switch (node) {
            case NirNode.Threshold t -> t.threshold().length;
            case NirNode.IF f -> f.r().length;
            case NirNode.LIF f -> f.tau().length;
            case NirNode.CubaLIF f -> f.tauMem().length;
            default -> throw new IllegalArgumentException(node.type() + " is not a neuron node");
        };
    }

    private static double[] weightsOf(NirNode node) {
        return node instanceof NirNode.Affine a ? a.weight() : ((NirNode.Linear) node).weight();
    }

    /**
     * The group's scale, a power of two: the largest that keeps its threshold at most {@link #THRESHOLD_CEILING}
     * mantissa units, every weight within the largest exponent's range and every bias within the bias range.
     */
    private static double scale(String name, double threshold, List<double[]> weights, double[] bias) {
        double largestWeight = 0;
        for (double[] w : weights) {
            for (double v : w) {
                largestWeight = Math.max(largestWeight, Math.abs(v));
            }
        }
        double largestBias = 0;
        for (double b : bias) {
            largestBias = Math.max(largestBias, Math.abs(b));
        }
        double limit = Double.POSITIVE_INFINITY;
        if (threshold > 0) {
            limit = Math.min(limit, THRESHOLD_CEILING / threshold);
        }
        if (largestWeight > 0) {
            limit = Math.min(limit, LoihiWeights.MAX_MANTISSA * (double) (1 << LoihiWeights.MAX_EXPONENT) / largestWeight);
        }
        if (largestBias > 0) {
            limit = Math.min(limit, CompartmentPrototype.MAX_BIAS_MANT
                    * (double) (1 << CompartmentPrototype.MAX_BIAS_EXP) / 64 / largestBias);
        }
        if (limit == Double.POSITIVE_INFINITY) {
            return 1;
        }
        int k = Math.getExponent(limit); // 2^k <= limit
        if (k < -60 || k > 60) {
            throw new IllegalArgumentException("node '" + name + "': its threshold " + threshold + ", weights up to "
                    + largestWeight + " and bias up to " + largestBias + " span more than loihi1's number formats hold");
        }
        return Math.scalb(1.0, k);
    }

    private static SpikeGenerator generator(String name, int size, int[][] spikes) {
        int[] times = new int[spikes.length];
        int[] neurons = new int[spikes.length];
        for (int k = 0; k < spikes.length; k++) {
            times[k] = spikes[k][0];
            neurons[k] = spikes[k][1];
        }
        return new SpikeGenerator(name, size, times, neurons);
    }

    /** Runs one addition to the network, naming the node in what it refuses. */
    private static void add(String node, Runnable addition) {
        try {
            addition.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("node '" + node + "': " + e.getMessage(), e);
        }
    }
}
