package org.synfire.circuits.internal.sbp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deliberately plain model of the sBP learning rule with N >= 1 hidden layers, written straight from
 * the math of the task (the layer-by-layer rule that {@link SbpFunctionalModel}'s Javadoc states), not
 * from the optimised model's code: int[][] matrices indexed [row][column], every unit of every layer
 * visited, boolean masks, one loop per formula. Slow on purpose; a test oracle only.
 *
 * <p>Layer l = 0 .. L with L = N+1; {@code w[l]} is W_l (sizes[l-1] x sizes[l]), {@code tp[l]} and
 * {@code tm[l]} are W_lT+ and W_lT- (sizes[l] x sizes[l-1]) for l >= 2, each saturating on its own.
 */
final class DeepReferenceModel {

    static final int MIN = -256;
    static final int MAX = 254;

    final int layers; // L = N + 1
    /** How many steps saturated (the clamp changed the sum), and how many hidden units got both error signs. */
    int clamped;
    int bothSigns;
    final int[][][] w;
    final int[][][] tp;
    final int[][][] tm;

    /**
     * The weight exponent of each W_l's connections, at index l (0 where not set): W_l's mantissa w adds
     * floor(w * 2^exponent) to a sum (docs/loihi1-semantics.md, "weight").
     */
    final int[] exponent;

    /** The model with every matrix as in {@code m} (the keys of {@link SbpWeights#toMap()}), copied. */
    DeepReferenceModel(Map<String, int[][]> m) {
        this(m, new int[0]);
    }

    /**
     * How far layer l's derivative window reaches past (0, 1024] on either side, at index l: its units with
     * -window < a <= 1024 + window get the error.
     */
    final int[] window;

    /** As {@link #DeepReferenceModel(Map)}, W_l acting at weight exponent {@code exponents[l]} (0 past its end). */
    DeepReferenceModel(Map<String, int[][]> m, int[] exponents) {
        this(m, exponents, new int[0]);
    }

    /** As {@link #DeepReferenceModel(Map, int[])}, layer l's window widened by {@code windows[l]} (0 past its end). */
    DeepReferenceModel(Map<String, int[][]> m, int[] exponents, int[] windows) {
        int count = 0;
        while (m.containsKey("w" + (count + 1))) {
            count++;
        }
        layers = count;
        exponent = Arrays.copyOf(exponents, layers + 1);
        window = Arrays.copyOf(windows, layers + 1);
        w = new int[layers + 1][][];
        tp = new int[layers + 1][][];
        tm = new int[layers + 1][][];
        for (int l = 1; l <= layers; l++) {
            w[l] = copy(m.get("w" + l));
            if (l >= 2) {
                tp[l] = copy(m.get("w" + l + "Tp"));
                tm[l] = copy(m.get("w" + l + "Tm"));
            }
        }
    }

    void train(boolean[] x, int label) {
        int top = layers;
        boolean[][] h = new boolean[top + 1][];
        boolean[][] hm = new boolean[top + 1][];
        boolean[][] hp = new boolean[top + 1][];
        boolean[][] c = new boolean[top + 1][];
        h[0] = x.clone();
        for (int l = 1; l <= top; l++) {
            int units = w[l][0].length;
            h[l] = new boolean[units];
            hm[l] = new boolean[units];
            hp[l] = new boolean[units];
            c[l] = new boolean[units];
            for (int j = 0; j < units; j++) {
                int a = 0;
                for (int i = 0; i < w[l].length; i++) {
                    if (h[l - 1][i]) {
                        a += Math.floorDiv(w[l][i][j], 1 << -exponent[l]);
                    }
                }
                h[l][j] = a > 512;
                hm[l][j] = a > -window[l];
                hp[l][j] = a > 1024 + window[l];
                c[l][j] = hm[l][j] && !hp[l][j];
            }
        }
        boolean[][] dp = new boolean[top + 1][];
        boolean[][] dn = new boolean[top + 1][];
        int outputs = h[top].length;
        dp[top] = new boolean[outputs];
        dn[top] = new boolean[outputs];
        boolean anyError = false;
        for (int k = 0; k < outputs; k++) {
            boolean t = k == label;
            boolean o = h[top][k];
            dp[top][k] = hm[top][k] && t && !o;
            dn[top][k] = hm[top][k] && o && !t && !hp[top][k];
            anyError = anyError || dp[top][k] || dn[top][k];
        }
        if (!anyError) {
            return;
        }
        for (int k = top; k >= 2; k--) {
            int below = w[k].length;   // units of layer k-1
            int units = w[k][0].length; // units of layer k
            // U_k+
            for (int i = 0; i < below; i++) {
                for (int j = 0; j < units; j++) {
                    if (h[k - 1][i] && dp[k][j]) {
                        w[k][i][j] = bump(w[k][i][j], 2);
                        tp[k][j][i] = bump(tp[k][j][i], 2);
                    }
                    if (h[k - 1][i] && dn[k][j]) {
                        tm[k][j][i] = bump(tm[k][j][i], 2);
                    }
                }
            }
            // B_{k-1}+
            boolean[] sp = new boolean[below];
            for (int i = 0; i < below; i++) {
                int e = 0;
                for (int j = 0; j < units; j++) {
                    if (dp[k][j]) {
                        e += Math.floorDiv(tp[k][j][i], 1 << -exponent[k]);
                    }
                    if (dn[k][j]) {
                        e += Math.floorDiv(tm[k][j][i], 1 << -exponent[k]);
                    }
                }
                sp[i] = e > 0;
            }
            // U_k-
            for (int i = 0; i < below; i++) {
                for (int j = 0; j < units; j++) {
                    if (h[k - 1][i] && dn[k][j]) {
                        w[k][i][j] = bump(w[k][i][j], -2);
                        tp[k][j][i] = bump(tp[k][j][i], -2);
                    }
                    if (h[k - 1][i] && dp[k][j]) {
                        tm[k][j][i] = bump(tm[k][j][i], -2);
                    }
                }
            }
            // B_{k-1}-
            boolean[] sn = new boolean[below];
            for (int i = 0; i < below; i++) {
                int e = 0;
                for (int j = 0; j < units; j++) {
                    if (dn[k][j]) {
                        e += Math.floorDiv(tp[k][j][i], 1 << -exponent[k]);
                    }
                    if (dp[k][j]) {
                        e += Math.floorDiv(tm[k][j][i], 1 << -exponent[k]);
                    }
                }
                sn[i] = e > 0;
            }
            dp[k - 1] = new boolean[below];
            dn[k - 1] = new boolean[below];
            for (int i = 0; i < below; i++) {
                dp[k - 1][i] = c[k - 1][i] && sp[i];
                dn[k - 1][i] = c[k - 1][i] && sn[i];
                bothSigns += dp[k - 1][i] && dn[k - 1][i] ? 1 : 0;
            }
        }
        for (int i = 0; i < w[1].length; i++) {
            for (int j = 0; j < w[1][0].length; j++) {
                if (x[i] && dp[1][j]) {
                    w[1][i][j] = bump(w[1][i][j], 2);
                }
            }
        }
        for (int i = 0; i < w[1].length; i++) {
            for (int j = 0; j < w[1][0].length; j++) {
                if (x[i] && dn[1][j]) {
                    w[1][i][j] = bump(w[1][i][j], -2);
                }
            }
        }
    }

    /** Every matrix, by the names of {@link SbpWeights#toMap()} (copies). */
    Map<String, int[][]> toMap() {
        Map<String, int[][]> m = new LinkedHashMap<>();
        for (int l = 1; l <= layers; l++) {
            m.put("w" + l, copy(w[l]));
            if (l >= 2) {
                m.put("w" + l + "Tp", copy(tp[l]));
                m.put("w" + l + "Tm", copy(tm[l]));
            }
        }
        return m;
    }

    private int bump(int v, int step) {
        clamped += clamp(v + step) == v + step ? 0 : 1;
        return clamp(v + step);
    }

    static int clamp(int v) {
        return Math.max(MIN, Math.min(MAX, v));
    }

    static int[][] copy(int[][] m) {
        int[][] c = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
