package org.synfire.circuits.sbp;

/**
 * An independent model of what the sBP training circuit computes per sample, written straight from
 * the phase table of docs/sbp-circuit.md, with every copy the chip
 * holds kept separately: W2T+ (n_out x n_hid) and W2T- saturate on their own, so W2T- may differ
 * from -W2^T where the range is asymmetric (-256 .. 254). Test oracle only.
 */
final class ReferenceModel {

    static final int MIN = -256;
    static final int MAX = 254;

    final int[][] w1;   // n_in x n_hid
    final int[][] w2;   // n_hid x n_out
    final int[][] w2tp; // n_out x n_hid
    final int[][] w2tm; // n_out x n_hid

    ReferenceModel(int[][] w1, int[][] w2) {
        this.w1 = copy(w1);
        this.w2 = copy(w2);
        int nHid = w2.length;
        int nOut = w2[0].length;
        w2tp = new int[nOut][nHid];
        w2tm = new int[nOut][nHid];
        for (int j = 0; j < nHid; j++) {
            for (int k = 0; k < nOut; k++) {
                w2tp[k][j] = w2[j][k];
                w2tm[k][j] = clamp(-w2[j][k]);
            }
        }
    }

    void train(boolean[] x, int label) {
        int nIn = w1.length;
        int nHid = w2.length;
        int nOut = w2[0].length;
        boolean[] h = new boolean[nHid];
        boolean[] c = new boolean[nHid];
        for (int j = 0; j < nHid; j++) {
            int a1 = 0;
            for (int i = 0; i < nIn; i++) {
                a1 += x[i] ? w1[i][j] : 0;
            }
            h[j] = a1 > 512;
            c[j] = a1 > 0 && !(a1 > 1024);
        }
        boolean[] dp = new boolean[nOut];
        boolean[] dn = new boolean[nOut];
        for (int k = 0; k < nOut; k++) {
            int a2 = 0;
            for (int j = 0; j < nHid; j++) {
                a2 += h[j] ? w2[j][k] : 0;
            }
            boolean o = a2 > 512;
            boolean om = a2 > 0;
            boolean op = a2 > 1024;
            boolean t = k == label;
            dp[k] = om && t && !o;
            dn[k] = om && o && !t && !op;
        }
        // phase 5, rewarded: W2 += 2 h dp; W2T+ += 2 dp h; W2T- += 2 dn h
        for (int j = 0; j < nHid; j++) {
            for (int k = 0; k < nOut; k++) {
                if (h[j] && dp[k]) {
                    w2[j][k] = clamp(w2[j][k] + 2);
                    w2tp[k][j] = clamp(w2tp[k][j] + 2);
                }
                if (h[j] && dn[k]) {
                    w2tm[k][j] = clamp(w2tm[k][j] + 2);
                }
            }
        }
        // phase 6: d1+ = [sum_{dp} W2T+ + sum_{dn} W2T- > 0]
        boolean[] d1p = new boolean[nHid];
        for (int j = 0; j < nHid; j++) {
            int e = 0;
            for (int k = 0; k < nOut; k++) {
                e += (dp[k] ? w2tp[k][j] : 0) + (dn[k] ? w2tm[k][j] : 0);
            }
            d1p[j] = e > 0;
        }
        // phase 7, rewarded: W1 += 2 where x and c and d1+
        updateW1(x, c, d1p, +2);
        // phase 9, unrewarded: W2 -= 2 h dn; W2T+ -= 2 dn h; W2T- -= 2 dp h
        for (int j = 0; j < nHid; j++) {
            for (int k = 0; k < nOut; k++) {
                if (h[j] && dn[k]) {
                    w2[j][k] = clamp(w2[j][k] - 2);
                    w2tp[k][j] = clamp(w2tp[k][j] - 2);
                }
                if (h[j] && dp[k]) {
                    w2tm[k][j] = clamp(w2tm[k][j] - 2);
                }
            }
        }
        // phase 10: d1- = [sum_{dn} W2T+ + sum_{dp} W2T- > 0]
        boolean[] d1n = new boolean[nHid];
        for (int j = 0; j < nHid; j++) {
            int e = 0;
            for (int k = 0; k < nOut; k++) {
                e += (dn[k] ? w2tp[k][j] : 0) + (dp[k] ? w2tm[k][j] : 0);
            }
            d1n[j] = e > 0;
        }
        // phase 11, unrewarded: W1 -= 2 where x and c and d1-
        updateW1(x, c, d1n, -2);
    }

    private void updateW1(boolean[] x, boolean[] c, boolean[] d1, int step) {
        for (int i = 0; i < w1.length; i++) {
            for (int j = 0; j < w1[0].length; j++) {
                if (x[i] && c[j] && d1[j]) {
                    w1[i][j] = clamp(w1[i][j] + step);
                }
            }
        }
    }

    static int clamp(int w) {
        return Math.max(MIN, Math.min(MAX, w));
    }

    static int[][] copy(int[][] m) {
        int[][] c = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
