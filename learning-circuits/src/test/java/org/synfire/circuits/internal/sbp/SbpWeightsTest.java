package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SbpWeightsTest {

    // 3 inputs, hidden layers of 2 and 2 units, 1 output
    private static final int[][] W1 = {{2, 4}, {6, 8}, {10, 12}};
    private static final int[][] W2 = {{-256, 20}, {22, 24}};
    private static final int[][] W3 = {{30}, {-32}};

    @Test
    void namesEveryMatrixAndMakesTheTransposedCopies() {
        SbpWeights w = SbpWeights.of(List.of(W1, W2, W3));

        assertArrayEquals(new int[] {3, 2, 2, 1}, w.sizes);
        assertEquals(2, w.depth());
        Map<String, int[][]> m = w.toMap();
        assertEquals(List.of("w1", "w2", "w2Tp", "w2Tm", "w3", "w3Tp", "w3Tm"), List.copyOf(m.keySet()));
        assertArrayEquals(W1, m.get("w1"));
        assertArrayEquals(W2, m.get("w2"));
        assertArrayEquals(new int[][] {{-256, 22}, {20, 24}}, m.get("w2Tp"));
        assertArrayEquals(new int[][] {{254, -22}, {-20, -24}}, m.get("w2Tm"), "-(-256) saturates at 254");
        assertArrayEquals(W3, m.get("w3"));
        assertArrayEquals(new int[][] {{30, -32}}, m.get("w3Tp"));
        assertArrayEquals(new int[][] {{-30, 32}}, m.get("w3Tm"));
        List<int[][]> matrices = w.matrices();
        assertEquals(3, matrices.size());
        assertArrayEquals(W1, matrices.get(0));
        assertArrayEquals(W2, matrices.get(1));
        assertArrayEquals(W3, matrices.get(2));
    }

    @Test
    void oneHiddenLayerKeepsThePublishedNames() {
        SbpWeights w = SbpWeights.of(W1, W2);

        assertEquals(List.of("w1", "w2", "w2Tp", "w2Tm"), List.copyOf(w.toMap().keySet()));
        assertEquals(3, w.inputs);
        assertEquals(2, w.hidden);
        assertEquals(2, w.outputs);
        assertEquals(1, w.depth());
        assertArrayEquals(w.w2tMinus, w.minus[2]);
    }

    @Test
    void restoresEveryMatrixAndMakesTheMissingCopies() {
        SbpWeights w = new SbpWeights(new int[] {3, 2, 2, 1});
        Map<String, int[][]> m = new LinkedHashMap<>();
        m.put("w1", W1);
        m.put("w2", W2);
        m.put("w2Tm", new int[][] {{252, 0}, {2, 4}}); // a copy that has parted from -W2^T is kept as given
        m.put("w3", W3);
        m.put("w1<", new int[][] {{1}}); // other copies' keys are ignored

        w.restore(m);

        Map<String, int[][]> after = w.toMap();
        assertArrayEquals(W1, after.get("w1"));
        assertArrayEquals(new int[][] {{-256, 22}, {20, 24}}, after.get("w2Tp"));
        assertArrayEquals(new int[][] {{252, 0}, {2, 4}}, after.get("w2Tm"));
        assertArrayEquals(new int[][] {{30, -32}}, after.get("w3Tp"));
        assertArrayEquals(new int[][] {{-30, 32}}, after.get("w3Tm"));
    }

    @Test
    void refusesWrongMatricesByNameAndChangesNothing() {
        SbpWeights w = SbpWeights.of(List.of(W1, W2, W3));
        Map<String, int[][]> before = w.toMap();

        assertEquals("weights: matrix w3 is missing; have [w1, w2]", refused(w, Map.of("w1", W1, "w2", W2)));
        assertEquals("weights: matrix w3 has 3 rows; expected 2 (w3 is 2 x 1)",
                refused(w, Map.of("w1", W1, "w2", W2, "w3", new int[][] {{2}, {2}, {2}})));
        assertEquals("weights: matrix w3Tm row 0 has 1 columns; expected 2 (w3Tm is 1 x 2)",
                refused(w, Map.of("w1", W1, "w2", W2, "w3", W3, "w3Tm", new int[][] {{2}})));
        assertEquals("weights: matrix w2 [1][0] = 23 is not an even weight in -256..254",
                refused(w, Map.of("w1", W1, "w2", new int[][] {{2, 2}, {23, 2}}, "w3", W3)));
        assertEquals("weights: matrix w4 is present, but these weights have 2 hidden layer(s): w1 .. w3 (sizes"
                + " [3, 2, 2, 1])", refused(w, Map.of("w1", W1, "w2", W2, "w3", W3, "w4", W3)));
        Map<String, int[][]> after = w.toMap();
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name + " changed by a refused restore");
        }
    }

    @Test
    void matricesMustChain() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SbpWeights.of(List.of(W1, new int[][] {{2, 2}, {2, 2}, {2, 2}})));
        assertEquals("weights: matrix w2 has 3 rows; expected 2 (w2 is 2 x 2)", e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> SbpWeights.of(List.<int[][]>of(W1)));
        assertEquals("weights: 1 matrices make no hidden layer; expected W1 .. W{N+1} with N >= 1", none.getMessage());
    }

    private static String refused(SbpWeights w, Map<String, int[][]> m) {
        Map<String, int[][]> ordered = new LinkedHashMap<>();
        for (String name : List.of("w1", "w2", "w2Tp", "w2Tm", "w3", "w3Tp", "w3Tm", "w4")) {
            if (m.containsKey(name)) {
                ordered.put(name, m.get(name));
            }
        }
        return assertThrows(IllegalArgumentException.class, () -> w.restore(ordered)).getMessage();
    }
}
