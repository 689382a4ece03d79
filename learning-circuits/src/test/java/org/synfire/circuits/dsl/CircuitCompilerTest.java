package org.synfire.circuits.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.circuits.TestCircuits;

class CircuitCompilerTest {


    // n_in 3, n_hid 2, n_out 2
    private static final int[][] W1 = {{2, -4}, {240, -240}, {0, 6}};
    private static final int[][] W2 = {{10, -12}, {-256, 254}};

    private static CompiledCircuit compileSmall() {
        return CircuitCompiler.compile(TestCircuits.sbp(3, 2, 2), Map.of("w1", W1, "w2", W2));
    }

    private static ConnectionGroup connection(Network network, String name) {
        return network.connections().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void buildsEveryPopulationGeneratorAndConnectionOfTheSbpCircuit() {
        Network network = compileSmall().network();

        assertEquals(12 + 15, network.groups().size()); // 12 gates, 15 populations of the spec's table
        assertEquals(List.of("start", "input", "target", "reward"),
                network.generators().stream().map(g -> g.name()).toList());
        assertEquals(TestCircuits.sbp(3, 2, 2).connections().size(), network.connections().size());
        assertEquals(List.of("reward"), network.channels().stream().map(c -> c.name()).toList());
        assertArrayEquals(new int[] {11}, network.generators().get(0).times()); // g00 first fires at 12
    }

    @Test
    void holdsThePlasticMatricesInTheirOrientations() {
        CompiledCircuit circuit = compileSmall();
        Network network = circuit.network();

        // all-to-all in pre-major order: synapse k = i * post + j
        assertArrayEquals(new int[] {2, -4, 240, -240, 0, 6}, connection(network, "x->h1>").weights());
        assertArrayEquals(new int[] {10, -12, -256, 254}, connection(network, "h1->o").weights());
        // o -> h1T holds W2^T: synapse (k, j) = W2[j][k]
        assertArrayEquals(new int[] {10, -256, -12, 254}, connection(network, "o->h1T").weights());
        // oT- -> h1T holds -W2^T, saturated: -(-256) = 256 does not fit, 254 does
        assertArrayEquals(new int[] {-10, 254, 12, -254}, connection(network, "oT-->h1T").weights());
        assertEquals(8, circuit.matrixConnections().size());
        ConnectionGroup w1 = connection(network, "x->h1");
        assertEquals(SignMode.MIXED, w1.signMode());
        assertEquals(0, w1.exponent());
        assertEquals("dw = y0*x0*r1*4 - y0*x0*2", ((LearningSettings) w1.learning().orElseThrow()).rule());
    }

    @Test
    void encodesFixedWeightsAndDelays() {
        Network network = compileSmall().network();

        ConnectionGroup relay = connection(network, "m1->h1T.d5");
        assertEquals(130, relay.weight(0));
        assertEquals(2, relay.exponent());
        assertEquals(5, relay.delay(0));
        assertEquals(2, relay.synapseCount()); // one-to-one over n_hid
        ConnectionGroup inhibit = connection(network, "g0->o");
        assertEquals(SignMode.INHIBITORY, inhibit.signMode());
        assertEquals(-254, inhibit.weight(1)); // -8128 = -254 * 2^5
        assertEquals(2, inhibit.synapseCount()); // one-to-all over n_out
    }

    @Test
    void refusesAMatrixOfTheWrongShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CircuitCompiler.compile(TestCircuits.sbp(3, 2, 2), Map.of("w1", W2, "w2", W2)));
        assertEquals("sbp: matrix w1: an initial value of 3 x 2 is needed; given 2 x 2", e.getMessage());
    }

    /**
     * A matrix's exponent reaches every connection that holds it (its forward copies and its transposed error copies),
     * and only those: the sBP circuit with two hidden layers and its hidden-to-hidden matrix w2 at exponent -2; the
     * forward gates of h2's window copies widened by 256 (G+GM+256 = 9472 = 74 x 2^7, GP-256 = 7936 = 62 x 2^7).
     */
    @Test
    void givesAMatrixsExponentToEveryConnectionHoldingIt() {
        Map<String, List<Long>> parameters = new java.util.LinkedHashMap<>(TestCircuits.layers(3, 2, 2, 2));
        parameters.put("hidden_exponent", List.of(-2L));
        parameters.put("hidden_window", List.of(256L));
        int[][] w2 = {{4, -8}, {12, 254}};
        Network network = CircuitCompiler.compile(TestCircuits.SBP.describe(parameters),
                Map.of("w1", W1, "w2", w2, "w3", W2)).network();

        for (String held : List.of("h1->h2", "h1->h2<", "h1->h2>", "h2->h1T", "h2T-->h1T")) {
            assertEquals(-2, connection(network, held).exponent(), held);
        }
        assertArrayEquals(new int[] {4, -8, 12, 254}, connection(network, "h1->h2").weights()); // mantissas as given
        for (String other : List.of("x->h1", "h2->o", "o->h2T", "oT-->h2T")) {
            assertEquals(0, connection(network, other).exponent(), other);
        }
        ConnectionGroup low = connection(network, "g3->h2<");
        assertEquals(9472, low.weight(0) << low.exponent());
        ConnectionGroup high = connection(network, "g3->h2>");
        assertEquals(7936, high.weight(0) << high.exponent());
        ConnectionGroup unchanged = connection(network, "g2->h1<"); // layer 1 keeps (0, 1024]: G+GM = 9216
        assertEquals(9216, unchanged.weight(0) << unchanged.exponent());
    }

    @Test
    void refusesAnExponentTheChipDoesNotHave() {
        CircuitDescriptions.Template template = CircuitDescriptions.template("""
                name: low
                phases: 1
                neuron-types: {unit: {threshold: 1}}
                populations: {a: {size: 2, type: unit}}
                matrices: {w: {shape: [2, 2], exponent: -9}}
                connections: [{from: a, to: a, weight: w}]
                """, "low.yaml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CircuitCompiler.compile(template.describe(Map.of()), Map.of("w", new int[][] {{0, 0}, {0, 0}})));
        assertEquals("low: matrix w: exponent -9; expected -8 .. 7", e.getMessage());
    }

    @Test
    void refusesAMissingParameter() {
        CircuitDescriptions.Template template = CircuitDescriptions.template("""
                name: needs-size
                parameters: {n: null}
                phases: 1
                neuron-types: {unit: {threshold: 1}}
                populations: {a: {size: n, type: unit}}
                connections: []
                """, "needs-size.yaml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> template.describe(Map.of()));
        assertEquals("needs-size.yaml: parameter n has no value and no default", e.getMessage());
    }
}
