package org.synfire.circuits.internal.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SbpFunctionalModelTest {

    /**
     * Worked by hand from the specification's phase order. x = (1, 1, 1, 0), label 0.
     * a1 = (200+200+200, 100+100-50) = (600, 150): h = (1, 0), c = (1, 1) (both in (0, 1024]).
     * a2 = row 0 of W2 = (254, -100): o = (0, 0), om = (1, 0), op = (0, 0).
     * dp = (1, 0) (om, target, not o), dn = (0, 0).
     * phase 5: W2[0][0] 254 + 2 saturates at 254; W2T+[0][0] likewise. W2T- unchanged (no dn).
     * phase 6: d1+ = (W2T+[0][0] = 254 > 0, W2T+[0][1] = W2[1][0] = 50 > 0) = (1, 1).
     * phase 7: W1 rows 0..2 (active inputs) += 2 in both columns (c and d1+).
     * phase 9: W2 and W2T+ unchanged (no dn); W2T-[0][0] -= 2 where dp and h: -254 - 2 = -256.
     * phase 10: d1- = (W2T-[0][0] = -256 > 0, W2T-[0][1] = -50 > 0) = (0, 0): W1 unchanged.
     * So W2T- = -W2^T no longer holds at [0][0]: -256 against -254 (asymmetric saturation).
     */
    @Test
    void oneSampleWorkedByHand() {
        int[][] w1 = {{200, 100}, {200, 100}, {200, -50}, {-30, 40}};
        int[][] w2 = {{254, -100}, {50, 60}};
        SbpFunctionalModel model = new SbpFunctionalModel(SbpWeights.of(w1, w2));

        model.train(new byte[] {1, 1, 1, 0}, 0, 0);

        Map<String, int[][]> after = model.w.toMap();
        assertArrayEquals(new int[][] {{202, 102}, {202, 102}, {202, -48}, {-30, 40}}, after.get("w1"));
        assertArrayEquals(new int[][] {{254, -100}, {50, 60}}, after.get("w2"));
        assertArrayEquals(new int[][] {{254, 50}, {-100, 60}}, after.get("w2Tp"));
        assertArrayEquals(new int[][] {{-256, -50}, {100, -60}}, after.get("w2Tm"));
    }

    /**
     * A wrong output that fires. x = (1, 1, 1, 0), label 1, three hidden units.
     * a1 = (600, 600, 600): h = (1, 1, 1), c = (1, 1, 1).
     * a2 = (200 * 3, 0) = (600, 0): o = (1, 0), om = (1, 0), op = (0, 0).
     * dp = (0, 0); dn = (1, 0) (om, o, not target, not op).
     * phase 5: W2T-[0][j] += 2 where dn and h: -200 -> -198 (W2 and W2T+ unchanged: no dp).
     * phase 6: d1+ = [W2T-[0][j] = -198 > 0] = 0.
     * phase 9: W2[j][0] and W2T+[0][j] -= 2 where h and dn: 198.
     * phase 10: d1- = [W2T+[0][j] = 198 > 0] = 1, and c: W1 rows 0..2 -= 2.
     */
    @Test
    void aWrongOutputPushesWeightsDown() {
        int[][] w1 = {{200, 200, 200}, {200, 200, 200}, {200, 200, 200}, {0, 0, 0}};
        int[][] w2 = {{200, 0}, {200, 0}, {200, 0}};
        SbpFunctionalModel model = new SbpFunctionalModel(SbpWeights.of(w1, w2));

        model.train(new byte[] {1, 1, 1, 0}, 0, 1);

        Map<String, int[][]> after = model.w.toMap();
        assertArrayEquals(new int[][] {{198, 198, 198}, {198, 198, 198}, {198, 198, 198}, {0, 0, 0}},
                after.get("w1"));
        assertArrayEquals(new int[][] {{198, 0}, {198, 0}, {198, 0}}, after.get("w2"));
        assertArrayEquals(new int[][] {{198, 198, 198}, {0, 0, 0}}, after.get("w2Tp"));
        assertArrayEquals(new int[][] {{-198, -198, -198}, {0, 0, 0}}, after.get("w2Tm"));
    }
}
