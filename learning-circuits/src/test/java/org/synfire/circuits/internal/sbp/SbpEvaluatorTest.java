package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.data.Samples;

class SbpEvaluatorTest {

    /**
     * Three groups of three inputs; input group g drives hidden group g (W1 = 254 within a group:
     * a1 = 3 * 254 = 762 > 512 for the group's three units, 0 elsewhere). Each hidden group's three
     * W2 rows are equal, so a2 = 3 * row:
     *   group 0 -> outputs 3 * (254, 254, 0) = (762, 762, 0): outputs 0 and 1 fire: not exact;
     *              top-1 from spikes 0 (lowest firing), from potential 0 (tie, lowest index)
     *   group 1 -> (0, 0, 0): silence: spikes say 0, potential says 0 (all equal)
     *   group 2 -> 3 * (-254, 0, 254) = (-762, 0, 762): output 2 fires alone
     */
    @Test
    void scoresExactTop1FromSpikesAndFromPotential() {
        int[][] w1 = new int[9][9];
        int[][] w2 = new int[9][];
        int[][] rows = {{254, 254, 0}, {0, 0, 0}, {-254, 0, 254}};
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                w1[i][j] = i / 3 == j / 3 ? 254 : 0;
            }
            w2[i] = rows[i / 3].clone();
        }
        SbpWeights w = SbpWeights.of(w1, w2);
        byte[] inputs = new byte[4 * 9];
        int[] labels = {0, 1, 0, 2};
        activate(inputs, 0, 0); // group 0, label 0: spikes 0 right, potential 0 right, not exact
        activate(inputs, 1, 0); // group 0, label 1: spikes 0 wrong, potential 0 wrong
        activate(inputs, 2, 1); // group 1, label 0: silence: spikes 0 right, potential 0 right, not exact
        activate(inputs, 3, 2); // group 2, label 2: all right, exact

        Evaluation e = SbpEvaluator.evaluate(w, new Samples(4, 9, inputs, labels, 3));

        assertEquals(1 / 4.0, e.metric("exact"));
        assertEquals(3 / 4.0, e.metric("top1_spikes"));
        assertEquals(3 / 4.0, e.metric("top1_potential"));
        assertArrayEquals(new int[] {0, 0, 0, 2}, e.predictions());
        // squared errors: sample 0: output 1 fires wrongly (1); sample 1: 0 fires wrongly, 1 fires rightly (1);
        // sample 2: target 0 silent (1); sample 3: none
        assertEquals(3 / (4.0 * 3), e.metric("loss"));
        assertEquals(0L, e.counts().get("dead_outputs"));   // outputs 0 and 1 reach 762 in group 0, output 2 in group 2
        assertEquals(0L, e.counts().get("dead_hidden"));    // each hidden group fires for some sample
    }

    @Test
    void countsDeadUnits() {
        int[][] w1 = {{254, 0}, {254, 0}, {254, 0}};
        int[][] w2 = {{-10, 254}, {254, 254}};
        Evaluation e = SbpEvaluator.evaluate(SbpWeights.of(w1, w2),
                new Samples(1, 3, new byte[] {1, 1, 1}, new int[] {1}, 2));

        assertEquals(1L, e.counts().get("dead_outputs")); // output 0 gets -10
        assertEquals(1L, e.counts().get("dead_hidden"));  // hidden unit 1 never fires
    }

    /**
     * Two hidden layers of four units: x = (1, 1, 1) gives a1 = (762, 762, 762, 0), so h1 = (1, 1, 1, 0);
     * a2 = 3 * (254, 254, 254, -10) = (762, 762, 762, -30), so h2 = (1, 1, 1, 0); a3 = 3 * (254, -10) =
     * (762, -30): output 0 fires alone, output 1 never exceeds 0. One dead unit in each hidden layer.
     */
    @Test
    void scoresTheOutputLayerAndCountsDeadUnitsOfEveryHiddenLayer() {
        int[][] w1 = {{254, 254, 254, 0}, {254, 254, 254, 0}, {254, 254, 254, 0}};
        int[][] w2 = {{254, 254, 254, -10}, {254, 254, 254, -10}, {254, 254, 254, -10}, {0, 0, 0, 0}};
        int[][] w3 = {{254, -10}, {254, -10}, {254, -10}, {0, 0}};
        Evaluation e = SbpEvaluator.evaluate(SbpWeights.of(java.util.List.of(w1, w2, w3)),
                new Samples(2, 3, new byte[] {1, 1, 1, 1, 1, 1}, new int[] {0, 1}, 2));

        assertEquals(1 / 2.0, e.metric("exact"));
        assertEquals(1 / 2.0, e.metric("top1_spikes"));
        assertEquals(1 / 2.0, e.metric("top1_potential"));
        assertEquals(2 / (2.0 * 2), e.metric("loss")); // sample 1: output 0 fires wrongly, target 1 silent
        assertArrayEquals(new int[] {0, 0}, e.predictions());
        assertEquals(1L, e.counts().get("dead_outputs"));
        assertEquals(2L, e.counts().get("dead_hidden")); // unit 3 of each hidden layer
    }

    private static void activate(byte[] inputs, int sample, int unit) {
        for (int i = unit * 3; i < unit * 3 + 3; i++) {
            inputs[sample * 9 + i] = 1;
        }
    }
}
