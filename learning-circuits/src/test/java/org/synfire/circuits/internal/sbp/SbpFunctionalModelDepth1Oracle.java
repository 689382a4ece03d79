package org.synfire.circuits.internal.sbp;

/**
 * Frozen copy of {@code SbpFunctionalModel} as it was before the model learned N hidden layers (branch depthmodel,
 * on top of commit 366a9d1), kept in test scope only to prove that depth 1 is unchanged bit for bit. Do not edit
 * or optimise it: its value is that it is today's code. The only changes from that code: the class name, and its own
 * {@link Weights} holder (the four flat arrays the old {@code SbpWeights} had) so that it does not depend on the
 * new weights class.
 *
 * <p>The original Javadoc:
 *
 * <p>The sBP circuit without spikes: the same integer computation, in the circuit's phase order, on
 * the weights as the chip holds them (circuit specification, "The same computation without spikes").
 *
 * <p>Per sample, with {@code x} binary and thresholds strict as the chip's:
 * <pre>
 *   a1 = x W1;  h = [a1 > 512];  c = [0 < a1 <= 1024]          (phase 2; c from h< and h>)
 *   a2 = h W2;  o = [a2 > 512];  om = [a2 > 0];  op = [a2 > 1024]   (phase 3)
 *   dp = om and t and not o;  dn = om and o and not t and not op   (phase 4)
 *   phase 5:  W2 += 2 h dp^T;  W2T+ += 2 dp h^T;  W2T- += 2 dn h^T
 *   phase 6:  d1+ = [sum_k dp_k W2T+_kj + dn_k W2T-_kj > 0]
 *   phase 7:  W1 += 2 x (c and d1+)^T
 *   phase 9:  W2 -= 2 h dn^T;  W2T+ -= 2 dn h^T;  W2T- -= 2 dp h^T
 *   phase 10: d1- = [sum_k dn_k W2T+_kj + dp_k W2T-_kj > 0]
 *   phase 11: W1 -= 2 x (c and d1-)^T
 * </pre>
 * every update saturating at -256 .. 254. A weight changed in one phase acts from the next on (the
 * chip's learning precedes the delivery of the timestep's spikes), so the error of phases 6 and 10
 * sees the W2 copies this sample has just updated: d1+ - d1- is the sign of (dp - dn) W2^T with the
 * updated W2, apart from where W2T- saturates differently from -W2^T.
 */
final class SbpFunctionalModelDepth1Oracle {

    private static final int LR = 2;

    final Weights w;
    private final int[] a1;
    private final int[] a2;
    private final int[] activeInputs;
    /** The hidden units that fired in the last {@link #forward} call, and how many. */
    private final int[] activeHidden;
    private int activeHiddenCount;
    private final boolean[] c;
    private final boolean[] dp;
    private final boolean[] dn;
    /** Scratch of the error phases: backpropagated sums, and the hidden units that get the error. */
    private final int[] e;
    private final int[] selected;

    SbpFunctionalModelDepth1Oracle(Weights weights) {
        this.w = weights;
        this.a1 = new int[w.hidden];
        this.a2 = new int[w.outputs];
        this.activeInputs = new int[w.inputs];
        this.activeHidden = new int[w.hidden];
        this.c = new boolean[w.hidden];
        this.dp = new boolean[w.outputs];
        this.dn = new boolean[w.outputs];
        this.e = new int[w.hidden];
        this.selected = new int[w.hidden];
    }

    /** One training sample: {@code x[offset + i] != 0} is input i; {@code label} the target class. */
    void train(byte[] x, int offset, int label) {
        int nx = forward(x, offset);
        int hidden = w.hidden;
        int outputs = w.outputs;
        int[] a1 = this.a1;
        boolean[] c = this.c;
        for (int j = 0; j < hidden; j++) {
            c[j] = a1[j] > 0 & a1[j] <= 1024; // no branch: about half the units are in the window
        }
        boolean anyError = false;
        for (int k = 0; k < outputs; k++) {
            boolean o = a2[k] > 512;
            boolean om = a2[k] > 0;
            boolean op = a2[k] > 1024;
            boolean t = k == label;
            dp[k] = om && t && !o;
            dn[k] = om && o && !t && !op;
            anyError |= dp[k] || dn[k];
        }
        if (!anyError) {
            return; // no error: no phase changes a weight
        }
        int nh = activeHiddenCount;
        updateW2(nh, dp, dn, +LR);                       // phase 5
        updateW1(nx, errorSign(dp, dn), +LR);            // phases 6 and 7
        updateW2(nh, dn, dp, -LR);                       // phase 9
        updateW1(nx, errorSign(dn, dp), -LR);            // phases 10 and 11
    }

    /**
     * a1 and a2 of a sample; returns the number of active inputs (listed in {@code activeInputs}).
     */
    int forward(byte[] x, int offset) {
        int hidden = w.hidden;
        int outputs = w.outputs;
        int[] a1 = this.a1;
        int[] w1 = w.w1;
        int[] active = activeInputs;
        java.util.Arrays.fill(a1, 0);
        int nx = 0;
        for (int i = 0; i < w.inputs; i++) {
            if (x[offset + i] != 0) {
                active[nx++] = i;
            }
        }
        // two rows per pass: half the loads and stores of a1 (the same sums, added in another order; int
        // addition wraps, so the order cannot change a bit). Four rows per pass measured no faster.
        int n = 0;
        for (; n + 1 < nx; n += 2) {
            int row = active[n] * hidden;
            int other = active[n + 1] * hidden;
            for (int j = 0; j < hidden; j++) {
                a1[j] += w1[row + j] + w1[other + j];
            }
        }
        if (n < nx) {
            int row = active[n] * hidden;
            for (int j = 0; j < hidden; j++) {
                a1[j] += w1[row + j];
            }
        }
        // the hidden units that fire, listed without a branch (whether a unit fires is a coin toss to the predictor)
        int[] activeHidden = this.activeHidden;
        int nh = 0;
        for (int j = 0; j < hidden; j++) {
            activeHidden[nh] = j;
            nh += a1[j] > 512 ? 1 : 0;
        }
        activeHiddenCount = nh;
        int[] a2 = this.a2;
        int[] w2 = w.w2;
        java.util.Arrays.fill(a2, 0);
        for (int q = 0; q < nh; q++) {
            int row = activeHidden[q] * outputs;
            for (int k = 0; k < outputs; k++) {
                a2[k] += w2[row + k];
            }
        }
        return nx;
    }

    /** The hidden layer's input sums of the last {@link #forward} call. */
    int[] hiddenPotential() {
        return a1;
    }

    /** The output layer's input sums of the last {@link #forward} call. */
    int[] outputPotential() {
        return a2;
    }

    /**
     * Phases 5 and 9: W2 and W2T+ move by {@code step} where h meets {@code main}; W2T- where h meets
     * {@code crossed} (the transposed negative copy learns from the other error sign).
     */
    private void updateW2(int nh, boolean[] main, boolean[] crossed, int step) {
        int hidden = w.hidden;
        int outputs = w.outputs;
        int[] active = activeHidden;
        // output by output: only the few erring outputs' columns and rows are visited (each weight changes at most
        // once per call, so the order of the updates changes nothing)
        for (int k = 0; k < outputs; k++) {
            if (main[k]) {
                int[] w2 = w.w2;
                int[] plus = w.w2tPlus;
                int row = k * hidden;
                for (int n = 0; n < nh; n++) {
                    int j = active[n];
                    w2[j * outputs + k] = clamp(w2[j * outputs + k] + step);
                    plus[row + j] = clamp(plus[row + j] + step);
                }
            }
            if (crossed[k]) {
                int[] minus = w.w2tMinus;
                int row = k * hidden;
                for (int n = 0; n < nh; n++) {
                    int j = active[n];
                    minus[row + j] = clamp(minus[row + j] + step);
                }
            }
        }
    }

    /**
     * Phases 6 and 10: the hidden units that get the error, those with c and
     * [sum_k pos_k W2T+_kj + neg_k W2T-_kj > 0], listed in {@code selected}; returns how many. The sums run
     * over the rows of the few erring outputs (int sums, contiguous in j).
     */
    private int errorSign(boolean[] pos, boolean[] neg) {
        int hidden = w.hidden;
        java.util.Arrays.fill(e, 0);
        for (int k = 0; k < w.outputs; k++) {
            if (pos[k]) {
                addRow(w.w2tPlus, k * hidden, hidden);
            }
            if (neg[k]) {
                addRow(w.w2tMinus, k * hidden, hidden);
            }
        }
        int n = 0;
        for (int j = 0; j < hidden; j++) {
            selected[n] = j;
            n += c[j] & e[j] > 0 ? 1 : 0; // listed without a branch, as the active hidden units
        }
        return n;
    }

    private void addRow(int[] matrix, int from, int length) {
        for (int j = 0; j < length; j++) {
            e[j] += matrix[from + j];
        }
    }

    /** Phases 7 and 11: W1 moves by {@code step} where an active input meets a selected hidden unit. */
    private void updateW1(int nx, int count, int step) {
        int hidden = w.hidden;
        for (int n = 0; n < nx; n++) {
            int row = activeInputs[n] * hidden;
            for (int q = 0; q < count; q++) {
                int at = row + selected[q];
                w.w1[at] = clamp(w.w1[at] + step);
            }
        }
    }

    /**
     * The old {@code SbpWeights}' fields: W1 (inputs x hidden), W2 (hidden x outputs), W2T+ and W2T- (outputs x
     * hidden), made from W1 and W2 as the old {@code SbpWeights.of} made them.
     */
    static final class Weights {
        final int inputs;
        final int hidden;
        final int outputs;
        final int[] w1;
        final int[] w2;
        final int[] w2tPlus;
        final int[] w2tMinus;

        Weights(int[][] w1, int[][] w2) {
            this.inputs = w1.length;
            this.hidden = w2.length;
            this.outputs = w2[0].length;
            this.w1 = new int[inputs * hidden];
            this.w2 = new int[hidden * outputs];
            this.w2tPlus = new int[outputs * hidden];
            this.w2tMinus = new int[outputs * hidden];
            for (int i = 0; i < inputs; i++) {
                System.arraycopy(w1[i], 0, this.w1, i * hidden, hidden);
            }
            for (int j = 0; j < hidden; j++) {
                for (int k = 0; k < outputs; k++) {
                    this.w2[j * outputs + k] = w2[j][k];
                    this.w2tPlus[k * hidden + j] = w2[j][k];
                    this.w2tMinus[k * hidden + j] = clamp(-w2[j][k]);
                }
            }
        }
    }

    static int clamp(int w) {
        return Math.max(-256, Math.min(254, w));
    }
}
