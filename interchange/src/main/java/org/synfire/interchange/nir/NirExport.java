package org.synfire.interchange.nir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.synfire.chip.api.circuit.InferenceNetwork;

/**
 * A circuit's inference network as a NIR graph: {@code input -> w1 -> h1 -> w2 -> h2 -> ... -> o -> output},
 * an {@code Affine} per layer (named as the layer, weight and bias in the network's units) followed by its
 * neurons ({@code h1} .. for the hidden layers, {@code o} for the last).
 */
public final class NirExport {

    /** Which NIR node stands for a layer's units. */
    public enum Neurons {
        /**
         * {@code Threshold}: the Heaviside step, stateless, exactly the network's units; evaluating the graph
         * once per sample gives its spikes.
         */
        THRESHOLD,
        /**
         * {@code IF} with {@code r = 1}, {@code v_threshold} the unit's threshold, {@code v_reset = 0}: for
         * simulators of spiking dynamics. Exact when a sample is one input volley into neurons at rest (each
         * unit integrates its one weighted sum and fires iff it exceeds the threshold); an input held over
         * several timesteps makes it a rate code instead: a unit whose sum is above 0 but not above the
         * threshold fires after enough steps, which the network's units never do.
         */
        IF
    }

    private NirExport() {
    }

    /**
     * The graph of {@code network}, with {@code metadata} (strings, whole numbers and reals) and the
     * network's own scales ({@code weight_exponent}, {@code units}, {@code readout}, {@code neurons}) added.
     */
    public static NirGraph of(InferenceNetwork network, Neurons neurons, Map<String, Object> metadata) {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        List<NirGraph.Edge> edges = new ArrayList<>();
        nodes.put("input", new NirNode.Input(network.inputs()));
        String previous = "input";
        List<InferenceNetwork.Layer> layers = network.layers();
        for (int l = 0; l < layers.size(); l++) {
            InferenceNetwork.Layer layer = layers.get(l);
            String affine = layer.name();
            String units = l == layers.size() - 1 ? "o" : "h" + (l + 1);
            if (nodes.containsKey(affine) || nodes.containsKey(units) || affine.equals("output")) {
                throw new IllegalArgumentException("layer " + layer.name() + ": its name is taken in the graph");
            }
            nodes.put(affine, new NirNode.Affine(layer.outputs(), layer.inputs(), doubles(layer.weight()),
                    doubles(layer.bias())));
            double[] threshold = doubles(layer.threshold());
            nodes.put(units, switch (neurons) {
                case THRESHOLD -> new NirNode.Threshold(threshold);
                case IF -> new NirNode.IF(filled(threshold.length, 1), threshold, filled(threshold.length, 0));
            });
            edges.add(new NirGraph.Edge(previous, affine));
            edges.add(new NirGraph.Edge(affine, units));
            previous = units;
        }
        nodes.put("output", new NirNode.Output(network.outputs()));
        edges.add(new NirGraph.Edge(previous, "output"));
        Map<String, Object> meta = new LinkedHashMap<>(metadata);
        meta.put("weight_exponent", (long) network.weightExponent());
        meta.put("units", network.units());
        meta.put("readout", network.readout());
        meta.put("neurons", neurons.name().toLowerCase(java.util.Locale.ROOT));
        return new NirGraph(nodes, edges, meta);
    }

    private static double[] doubles(int[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static double[] filled(int size, double value) {
        double[] d = new double[size];
        java.util.Arrays.fill(d, value);
        return d;
    }
}
