package org.synfire.interchange.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/** NIR graphs onto loihi1: every expected number below is worked out by hand in the test's comment. */
class NirImportTest {

    /** A chain input -> the nodes given, in order -> output. */
    private static NirGraph chain(int inputs, Object... namesAndNodes) {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        List<NirGraph.Edge> edges = new ArrayList<>();
        nodes.put("input", new NirNode.Input(inputs));
        String previous = "input";
        int last = inputs;
        for (int k = 0; k < namesAndNodes.length; k += 2) {
            String name = (String) namesAndNodes[k];
            NirNode node = (NirNode) namesAndNodes[k + 1];
            nodes.put(name, node);
            edges.add(new NirGraph.Edge(previous, name));
            previous = name;
            last = switch (node) {
                case NirNode.Affine a -> a.outputs();
                case NirNode.Linear a -> a.outputs();
                case NirNode.Threshold t -> t.threshold().length;
                case NirNode.IF f -> f.r().length;
                case NirNode.LIF f -> f.tau().length;
                case NirNode.CubaLIF f -> f.tauMem().length;
                default -> last;
            };
        }
        nodes.put("output", new NirNode.Output(last));
        edges.add(new NirGraph.Edge(previous, "output"));
        return new NirGraph(nodes, edges, Map.of());
    }

    private static double[] v(double... values) {
        return values;
    }

    private static ConnectionGroup connection(Network net, String name) {
        return net.connection(name).orElseThrow();
    }

    private static CompartmentGroup group(Network net, String name) {
        return net.group(name).orElseThrow();
    }

    /**
     * LIF, tau 4, r 2, threshold 1, dt 1: dV = 4096 / 4 = 1024, the gain r dt / tau = 0.5, so the weights
     * (0.5, -0.25) act as (0.25, -0.125). The scale is the largest power of two keeping the threshold at most
     * 8191: 4096, so vThMant = 4096 and the weights are 1024 and -512 mantissa units. Exponent 2 cannot hold 1024
     * (254 x 4 = 1016); exponent 3 holds both exactly: mantissas 128 and -64.
     */
    @Test
    void lifTimeConstantBecomesADecayAndItsGainGoesIntoTheWeights() {
        NirGraph graph = chain(2, "w", new NirNode.Linear(1, 2, v(0.5, -0.25)),
                "n", new NirNode.LIF(v(4), v(2), v(0), v(1), v(0)));

        NirImport.Result r = NirImport.toLoihi(graph, 1, null);

        CompartmentGroup n = group(r.network(), "n");
        assertEquals(4096, lif(n).dU());
        assertEquals(1024, lif(n).dV());
        assertEquals(4096, lif(n).vThMant());
        ConnectionGroup w = connection(r.network(), "w");
        assertEquals("input", w.source());
        assertEquals(3, w.exponent());
        assertArrayEquals(new int[] {128, -64}, w.weights());
        assertEquals(0.0, r.largestWeightError());
        assertEquals(List.of("output"), r.network().probes().stream().map(p -> p.name()).toList());
        assertEquals("n", r.network().probes().get(0).target());
    }

    /**
     * CubaLIF, tau_syn 2, tau_mem 8 with dt 0.5: dU = 4096 x 0.5 / 2 = 1024, dV = 4096 x 0.5 / 8 = 256; the gain
     * w_in dt / tau_syn x r dt / tau_mem = 1 x 0.25 x 3 x 0.0625 = 0.046875. Threshold 0.75: scale 8192 (0.75 x
     * 8192 = 6144 <= 8191), so a weight of 2 is 2 x 0.046875 x 8192 = 768 mantissa units: exponent 1 reaches only
     * 508, exponent 2 (multiples of 8 up to 1016) holds it exactly as mantissa 192 (192 x 2^2 = 768).
     */
    @Test
    void cubaLifHasTwoDecays() {
        NirGraph graph = chain(1, "w", new NirNode.Linear(1, 1, v(2)),
                "n", new NirNode.CubaLIF(v(2), v(8), v(3), v(0), v(0.75), v(0), v(1)));

        NirImport.Result r = NirImport.toLoihi(graph, 0.5, null);

        CompartmentGroup n = group(r.network(), "n");
        assertEquals(1024, lif(n).dU());
        assertEquals(256, lif(n).dV());
        assertEquals(6144, lif(n).vThMant());
        assertEquals(2, connection(r.network(), "w").exponent());
        assertArrayEquals(new int[] {192}, connection(r.network(), "w").weights());
    }

    /**
     * Thresholds 1 and 2: the group takes 2, and unit 0's input is doubled, so (1, 1) acts as (2, 1). Scale 2048
     * (2 x 2048 = 4096; 8192 would exceed 8191): 4096 and 2048 mantissa units, exactly exponent 5's 128 and 64
     * (exponent 4 reaches only 4064). An Affine bias of 0.5 on unit 1 is 0.5 x 2048 x 64 = 65536 raw, above
     * 4095 x 2^4, within 4095 x 2^5: mantissa 2048, exponent 5.
     */
    @Test
    void unitThresholdsBecomeOneAndTheBiasItsExponent() {
        NirGraph graph = chain(1, "w", new NirNode.Affine(2, 1, v(1, 1), v(0, 0.5)),
                "n", new NirNode.Threshold(v(1, 2)));

        NirImport.Result r = NirImport.toLoihi(graph, 1, null);

        CompartmentGroup n = group(r.network(), "n");
        assertEquals(4096, lif(n).vThMant());
        assertEquals(4096, lif(n).dU());
        assertEquals(4096, lif(n).dV());
        ConnectionGroup w = connection(r.network(), "w");
        assertEquals(5, w.exponent());
        assertArrayEquals(new int[] {128, 64}, w.weights());
        assertEquals(0, n.biasMant(0));
        assertEquals(2048, n.biasMant(1));
        assertEquals(5, n.biasExp(1));
    }

    /**
     * IF with threshold 1 and weights 1 and 0.3: scale 4096, so 4096 and 1228.8 mantissa units. Exponent 4 (multiples
     * of 32) reaches only 254 x 16 = 4064 (error 32 on the 1); exponent 5 (multiples of 64, up to 8128) holds 4096
     * exactly as 128 x 32 and 1228.8 as 19 x 64 = 1216 (mantissa 38): error 12.8 mantissa units, the smallest
     * largest error (exponent 6 would give 1280, 51.2). In graph units 12.8 / 4096 = 0.003125.
     */
    @Test
    void theExponentWithTheSmallestLargestErrorWinsAndTheErrorIsReported() {
        NirGraph graph = chain(2, "w", new NirNode.Linear(1, 2, v(1, 0.3)),
                "n", new NirNode.IF(v(1), v(1), v(0)));

        NirImport.Result r = NirImport.toLoihi(graph, 1, null);

        ConnectionGroup w = connection(r.network(), "w");
        assertEquals(5, w.exponent());
        assertArrayEquals(new int[] {128, 38}, w.weights());
        assertEquals(0, lif(group(r.network(), "n")).dV(), "IF does not leak");
        assertEquals(12.8 / 4096, r.largestWeightError(), 1e-12);
        assertEquals(12.8 / 4096, r.connections().get(0).largestError(), 1e-12);
    }

    /**
     * IF is dv/dt = r I, so with dt 0.5 an Euler step adds 0.5 r I: weight 1 and r 1 act as 0.5, and an Affine
     * bias of 0.25 adds 0.125 per timestep. Threshold 1: scale 4096 (vThMant 4096), so the weight is 2048 mantissa
     * units: exponent 3 reaches only 254 x 8 = 2032, exponent 4 holds it exactly as 128 x 16. The bias is 0.125 x
     * 4096 x 64 = 32768 raw, above 4095 x 2^3 = 32760, within 4095 x 2^4: mantissa 2048, exponent 4. (Ignoring dt,
     * the weight would be 4096 units, exponent 5, and the bias 65536 raw, exponent 5.)
     */
    @Test
    void ifIntegratesOverDt() {
        NirGraph graph = chain(1, "w", new NirNode.Affine(1, 1, v(1), v(0.25)), "n", new NirNode.IF(v(1), v(1), v(0)));

        NirImport.Result r = NirImport.toLoihi(graph, 0.5, null);

        CompartmentGroup n = group(r.network(), "n");
        assertEquals(4096, lif(n).vThMant());
        ConnectionGroup w = connection(r.network(), "w");
        assertEquals(4, w.exponent());
        assertArrayEquals(new int[] {128}, w.weights());
        assertEquals(2048, n.biasMant(0));
        assertEquals(4, n.biasExp(0));
        assertEquals(0.0, r.largestWeightError());
        assertEquals(0.0, r.largestBiasError());
    }

    /**
     * Threshold 1, weight 1, Affine bias 0.1: scale 4096, so the bias is 0.1 x 4096 x 64 = 26214.4 raw, above
     * 4095 x 2^2 = 16380, within 4095 x 2^3 = 32760: exponent 3, mantissa round(3276.8) = 3277, placed 26216.
     * The error is 1.6 raw, 1.6 / (4096 x 64) = 6.103515625e-6 in the graph's units; weight and threshold are exact.
     */
    @Test
    void theLargestBiasErrorIsReported() {
        NirGraph graph = chain(1, "w", new NirNode.Affine(1, 1, v(1), v(0.1)), "n", new NirNode.Threshold(v(1)));

        NirImport.Result r = NirImport.toLoihi(graph, 1, null);

        CompartmentGroup n = group(r.network(), "n");
        assertEquals(3277, n.biasMant(0));
        assertEquals(3, n.biasExp(0));
        assertEquals(1.6 / (4096 * 64), r.largestBiasError(), 1e-12);
        assertEquals(0.0, r.largestWeightError());
        assertEquals(0.0, r.largestThresholdError());
    }

    @Test
    void aRecurrentEdgeThroughNeuronsIsPlaced() {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        nodes.put("input", new NirNode.Input(1));
        nodes.put("w", new NirNode.Linear(2, 1, v(1, 1)));
        nodes.put("h", new NirNode.IF(v(1, 1), v(1, 1), v(0, 0)));
        nodes.put("rec", new NirNode.Linear(2, 2, v(0, -1, -1, 0)));
        nodes.put("output", new NirNode.Output(2));
        NirGraph graph = new NirGraph(nodes, List.of(new NirGraph.Edge("input", "w"), new NirGraph.Edge("w", "h"),
                new NirGraph.Edge("h", "rec"), new NirGraph.Edge("rec", "h"), new NirGraph.Edge("h", "output")), Map.of());

        Network net = NirImport.toLoihi(graph, 1, new int[][] {{0, 0}, {3, 0}}).network();

        assertEquals("h", connection(net, "rec").source());
        assertEquals("h", connection(net, "rec").target());
        assertArrayEquals(new int[] {0, 3}, net.generator("input").orElseThrow().times());
    }

    @Test
    void whatCannotBePlacedIsRefusedNamingTheNodeAndTheReason() {
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, NirNode> conv = new LinkedHashMap<>();
        conv.put("input", new NirNode.Input(4));
        conv.put("conv", new NirNode.Other("Conv2d"));
        conv.put("output", new NirNode.Output(4));
        refused.put(message(new NirGraph(conv, List.of(new NirGraph.Edge("input", "conv"),
                new NirGraph.Edge("conv", "output")), Map.of())),
                "node 'conv': type Conv2d has no counterpart on loihi1 (supported: Input, Affine, Linear, Threshold, IF,"
                        + " LIF, CubaLIF, Output)");
        refused.put(message(chain(1, "w", new NirNode.Linear(1, 1, v(1)), "n",
                new NirNode.LIF(v(4), v(1), v(0), v(1), v(0.5)))),
                "node 'n' (LIF): v_reset 0.5 of unit 0 is not 0; loihi1 resets the voltage to 0");
        refused.put(message(chain(1, "w", new NirNode.Linear(1, 1, v(1)), "n",
                new NirNode.LIF(v(0.5), v(1), v(0), v(1), v(0)))),
                "node 'n' (LIF): tau 0.5 is shorter than a timestep (dt 1.0); loihi1 decays by at most all of it per"
                        + " timestep");
        refused.put(message(chain(1, "w", new NirNode.Linear(1, 1, v(1)), "a", new NirNode.Threshold(v(1)),
                "b", new NirNode.Threshold(v(1)))),
                "edge a -> b: loihi1 carries spikes to compartments over weights; put an Affine or Linear between");
        refused.put(message(chain(1, "w", new NirNode.Linear(1, 1, v(1)), "x", new NirNode.Linear(1, 1, v(1)),
                "n", new NirNode.Threshold(v(1)))),
                "edge w -> x: loihi1 weights end on neurons, not on a Linear");
        refused.put(message(chain(1, "w", new NirNode.Linear(1, 1, v(1)))),
                "edge w -> output: loihi1 weights end on neurons, not on a Output");
        refused.put(message(chain(1, "w", new NirNode.Linear(1, 1, v(1)), "n", new NirNode.Threshold(v(-1)))),
                "node 'n' (Threshold): threshold -1.0 is below 0; loihi1's are 0 or more");
        refused.forEach((actual, expected) -> assertEquals(expected, actual));
    }

    private static String message(NirGraph graph) {
        return assertThrows(IllegalArgumentException.class, () -> NirImport.toLoihi(graph, 1, null)).getMessage();
    }

    /** The Loihi-1 registers an import gives a group (the importer writes Loihi 1's model). */
    private static CompartmentPrototype lif(CompartmentGroup g) {
        return (CompartmentPrototype) g.prototype();
    }
}
