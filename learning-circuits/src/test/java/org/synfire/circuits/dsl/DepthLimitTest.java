package org.synfire.circuits.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.data.Samples;
import org.synfire.circuits.internal.sbp.SbpChipProvider;

/**
 * The depth limit of a described circuit is found from its description (the depth at which it can no longer be
 * built), not written down: so it follows the description when that changes.
 */
class DepthLimitTest {

    /** A described circuit of this training text, with no Java parts worth the name. */
    private static DescribedCircuitProvider provider(String yaml) {
        CircuitModel none = new CircuitModel() {
            @Override
            public Map<String, int[][]> initialWeights(CircuitSettings settings) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Evaluation evaluate(Map<String, int[][]> weights, Samples samples) {
                throw new UnsupportedOperationException();
            }
        };
        return new DescribedCircuitProvider("chain", "a test circuit", CircuitDescriptions.template(yaml, "chain.yaml"),
                Optional.empty(), none) {
        };
    }

    /** A relay chain whose one delayed connection waits 20 timesteps per hidden layer. */
    private static final String CHAIN = """
            name: chain
            parameters: {inputs: 1, hidden: [1], outputs: 1}
            let: {depth: len(hidden)}
            phases: 2
            neuron-types: {u: {threshold: 10}}
            populations: {a: {size: 1, type: u}, b: {size: 1, type: u}}
            connections: [{from: a, to: b, weight: 2, delay: $(20 * depth)}]
            """;

    @Test
    void theLimitIsTheDeepestDescriptionThatCanBeBuilt() {
        DescribedCircuitProvider chain = provider(CHAIN);
        chain.requireHiddenLayers(1);
        chain.requireHiddenLayers(3); // delay 60 <= 62
        // 4 layers need delay 80, past the chip's 62: the limit is 3, whatever was asked
        for (int asked : new int[] {4, 5, 1000, Integer.MAX_VALUE}) {
            assertEquals("the chain circuit takes at most 3 hidden layers: with 4, chain.yaml: circuit chain: "
                    + "connection a->b.d80: delay 80 is out of range 0 .. 62 (the chip's longest synaptic delay)",
                    assertThrows(IllegalArgumentException.class, () -> chain.requireHiddenLayers(asked)).getMessage());
        }
    }

    @Test
    void aCircuitWithoutHiddenLayersHasNoLimit() {
        provider(CHAIN.replace("hidden: [1], ", "").replace("len(hidden)", "1")).requireHiddenLayers(1_000_000);
    }

    @Test
    void sbpTakesAtMostEightHiddenLayers() {
        // sbp-training.yaml's longest delay is 8N - 3 (m1 -> h1 at block k = 2: 8N + 13 - 8k), so N <= 8 fits in
        // 62; at N = 9 the first connection past 62 in the file's order is m1 -> h1 at 8N + 9 - 8k = 65
        SbpChipProvider sbp = new SbpChipProvider();
        sbp.requireHiddenLayers(8);
        for (int asked : new int[] {9, 5000}) {
            assertEquals("the sbp circuit takes at most 8 hidden layers: with 9, "
                    + "/org/synfire/circuits/sbp/sbp-training.yaml: circuit sbp: connection m1->h1.d65: delay 65 is out "
                    + "of range 0 .. 62 (the chip's longest synaptic delay)",
                    assertThrows(IllegalArgumentException.class, () -> sbp.requireHiddenLayers(asked)).getMessage());
        }
    }
}
