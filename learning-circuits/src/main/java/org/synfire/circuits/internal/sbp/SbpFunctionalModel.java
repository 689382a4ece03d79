package org.synfire.circuits.internal.sbp;

import java.util.Arrays;

/**
 * The sBP circuit without spikes, for N >= 1 hidden layers: the same integer computation, in the
 * circuit's phase order, on the weights as the chip holds them (circuit specification, "The same
 * computation without spikes").
 *
 * <p>Layers 0 .. N+1: layer 0 the input x (binary), 1 .. N hidden, N+1 the output;
 * {@code sizes = [inputs, hidden_1, ..., hidden_N, outputs]}. W_l (l = 1 .. N+1) is sizes[l-1] x sizes[l];
 * for l = 2 .. N+1 the circuit also keeps W_lT+ = W_l^T and W_lT- = -W_l^T (sizes[l] x sizes[l-1]), each
 * updated on its own. Per sample, with label t (one-hot target) and thresholds strict as the chip's:
 * <pre>
 *   forward:  a_1 = x W_1;  for l = 1 .. N+1:  h_l = [a_l > 512],  hm_l = [a_l > 0],  hp_l = [a_l > 1024],
 *             c_l = hm_l and not hp_l,  a_{l+1} = h_l W_{l+1};   o = h_{N+1}, om = hm_{N+1}, op = hp_{N+1}
 *   output error:  dp_{N+1} = om and t and not o;  dn_{N+1} = om and o and not t and not op
 *             (no output with dp or dn: nothing changes)
 *   for k = N+1 down to 2 (h_0 = x):
 *     U_k+:   W_k += 2 h_{k-1} dp_k^T;   W_kT+ += 2 dp_k h_{k-1}^T;   W_kT- += 2 dn_k h_{k-1}^T
 *     B_k-1+: sp = [dp_k W_kT+ + dn_k W_kT- > 0]    (int sums over the rows of the erring units of layer k)
 *     U_k-:   W_k -= 2 h_{k-1} dn_k^T;   W_kT+ -= 2 dn_k h_{k-1}^T;   W_kT- -= 2 dp_k h_{k-1}^T
 *     B_k-1-: sn = [dn_k W_kT+ + dp_k W_kT- > 0]    (with the copies as U_k- left them)
 *     dp_{k-1} = c_{k-1} and sp;   dn_{k-1} = c_{k-1} and sn
 *   finally:  W_1 += 2 x dp_1^T;  then  W_1 -= 2 x dn_1^T
 * </pre>
 * every update saturating at -256 .. 254 after each step. A matrix whose connections act at a lower weight
 * exponent e (the hidden-to-hidden ones with {@code hidden-exponent}) adds {@code w >> -e} per synapse, in the
 * forward sums and in the error sums of its copies alike, as the chip does. A weight changed in one phase acts from the
 * next on (the chip's learning precedes the delivery of the timestep's spikes), so the error sums see
 * the copies this sample has just updated: B+ those U_k+ left, B- those U_k- left. So dp_{k-1} - dn_{k-1}
 * is about c_{k-1} and the sign of (dp_k - dn_k) W_k^T with the updated W_k, apart from where W_kT-
 * saturates differently from -W_k^T. A forward matrix W_k is not read after the forward pass, so when
 * it changes matters only through saturation (a weight can get +2 and then -2 in one sample); the
 * order above is kept exactly. With N = 1 these are the phases of the circuit: 5 (U_2+), 6 (B_1+), 7
 * (W_1 +), 9 (U_2-), 10 (B_1-) and 11 (W_1 -); updating W_1 at the end gives the W_1 of phases 7 and 11.
 *
 * <p>A sample allocates nothing. Its hot loops run over the units that matter only: the active inputs
 * and firing units of each layer, listed once in the forward pass; the erring units of each layer,
 * listed by the error phases; and the rows of the erring units' copies.
 */
final class SbpFunctionalModel {

    private static final int LR = 2;

    final SbpWeights w;
    private final int[] sizes;
    /** The output layer's index, N+1. */
    private final int top;
    /** a_l at index l = 1 .. N+1, of the last {@link #forward} call (index 0 is null). */
    private final int[][] a;
    /** The units of layer l = 0 .. N that fired in the last {@link #forward} call (the active inputs at 0). */
    private final int[][] active;
    private final int[] activeCount;
    /** dp_l and dn_l at index l = 1 .. N+1 as lists of units, ascending, and their lengths. */
    private final int[][] plusUnits;
    private final int[] plusCount;
    private final int[][] minusUnits;
    private final int[] minusCount;
    /** Scratch of the error phases of one layer: c, and the backpropagated sums. */
    private final boolean[] c;
    private final int[] e;
    /** The right shift of W_l's mantissas in the forward pass, at index l. */
    private final int[] shift;
    /** How far layer l's derivative window reaches past (0, 1024] on either side, at index l. */
    private final int[] windowWidening;

    SbpFunctionalModel(SbpWeights weights) {
        this(weights, new int[weights.sizes.length]);
    }

    /**
     * @param shift at index l = 1 .. N+1, the right shift of W_l's mantissas in the forward pass (minus the
     *              exponent of the chip's connections holding W_l; 0: exponent 0). The chip shifts each mantissa
     *              before it sums them, so a_l sums {@code w >> shift}.
     */
    SbpFunctionalModel(SbpWeights weights, int[] shift) {
        this(weights, shift, new int[weights.sizes.length]);
    }

    /**
     * @param shift  as {@link #SbpFunctionalModel(SbpWeights, int[])}
     * @param window at index l, how far hidden layer l's derivative window reaches past (0, 1024] on either side:
     *               c_l = [-window < a_l <= 1024 + window]
     */
    SbpFunctionalModel(SbpWeights weights, int[] shift, int[] window) {
        this.w = weights;
        this.sizes = weights.sizes;
        this.top = sizes.length - 1;
        if (shift.length != sizes.length) {
            throw new IllegalArgumentException("functional model: " + shift.length + " shifts for "
                    + sizes.length + " layers");
        }
        this.shift = shift.clone();
        if (window.length != sizes.length) {
            throw new IllegalArgumentException("functional model: " + window.length + " windows for "
                    + sizes.length + " layers");
        }
        this.windowWidening = window.clone();
        this.a = new int[top + 1][];
        this.active = new int[top][];
        this.activeCount = new int[top];
        this.plusUnits = new int[top + 1][];
        this.plusCount = new int[top + 1];
        this.minusUnits = new int[top + 1][];
        this.minusCount = new int[top + 1];
        int widest = 0;
        for (int l = 0; l <= top; l++) {
            if (l >= 1) {
                a[l] = new int[sizes[l]];
                plusUnits[l] = new int[sizes[l]];
                minusUnits[l] = new int[sizes[l]];
            }
            if (l < top) {
                active[l] = new int[sizes[l]];
            }
            if (l >= 1 && l < top) {
                widest = Math.max(widest, sizes[l]);
            }
        }
        this.c = new boolean[widest];
        this.e = new int[widest];
    }

    /** One training sample: {@code x[offset + i] != 0} is input i; {@code label} the target class. */
    void train(byte[] x, int offset, int label) {
        forward(x, offset);
        if (!outputError(label)) {
            return; // no error: no phase changes a weight
        }
        for (int k = top; k >= 2; k--) {
            int below = k - 1;
            window(below);
            update(k, plusUnits[k], plusCount[k], minusUnits[k], minusCount[k], +LR);                // U_k+
            plusCount[below] = errorSign(k, plusUnits[k], plusCount[k], minusUnits[k], minusCount[k],
                    plusUnits[below]);                                                                // B_k-1+
            update(k, minusUnits[k], minusCount[k], plusUnits[k], plusCount[k], -LR);                // U_k-
            minusCount[below] = errorSign(k, minusUnits[k], minusCount[k], plusUnits[k], plusCount[k],
                    minusUnits[below]);                                                               // B_k-1-
            if (plusCount[below] + minusCount[below] == 0) {
                return; // no error reaches layer k-1: the layers below do not change
            }
        }
        updateForward(1, plusUnits[1], plusCount[1], +LR);
        updateForward(1, minusUnits[1], minusCount[1], -LR);
    }

    /**
     * a_1 .. a_{N+1} of a sample; returns the number of active inputs. The firing units of layers 0 .. N
     * are listed for the error phases.
     */
    int forward(byte[] x, int offset) {
        int[] inputs = active[0];
        int count = sizes[0]; // a local: the stores below could alias sizes, so sizes[0] would be read each pass
        int nx = 0;
        for (int i = 0; i < count; i++) {
            if (x[offset + i] != 0) {
                inputs[nx++] = i;
            }
        }
        activeCount[0] = nx;
        sumRows(w.matrix[1], sizes[1], inputs, nx, a[1], shift[1]);
        for (int l = 1; l < top; l++) {
            // the units that fire, listed without a branch (whether a unit fires is a coin toss to the predictor)
            int[] potential = a[l];
            int[] firing = active[l];
            int n = 0;
            for (int j = 0; j < potential.length; j++) {
                firing[n] = j;
                n += potential[j] > 512 ? 1 : 0;
            }
            activeCount[l] = n;
            if (l + 1 < top) {
                sumRows(w.matrix[l + 1], sizes[l + 1], firing, n, a[l + 1], shift[l + 1]);
            } else {
                sumNarrowRows(w.matrix[top], sizes[top], firing, n, a[top]);
                shiftSums(w.matrix[top], sizes[top], firing, n, a[top], shift[top]);
            }
        }
        return nx;
    }

    /** The first hidden layer's input sums of the last {@link #forward} call. */
    int[] hiddenPotential() {
        return a[1];
    }

    /** The input sums of layer {@code l} (1 .. N+1) of the last {@link #forward} call. */
    int[] potential(int l) {
        return a[l];
    }

    /** The output layer's input sums of the last {@link #forward} call. */
    int[] outputPotential() {
        return a[top];
    }

    /**
     * {@code target = sum of the listed rows of matrix}, two rows per pass: half the loads and stores of
     * target (the same sums, added in another order; int addition wraps, so the order cannot change a
     * bit). Four rows per pass measured no faster.
     */
    private static void sumRows(int[] matrix, int width, int[] rows, int count, int[] target) {
        Arrays.fill(target, 0);
        int n = 0;
        for (; n + 1 < count; n += 2) {
            int row = rows[n] * width;
            int other = rows[n + 1] * width;
            for (int j = 0; j < width; j++) {
                target[j] += matrix[row + j] + matrix[other + j];
            }
        }
        if (n < count) {
            int row = rows[n] * width;
            for (int j = 0; j < width; j++) {
                target[j] += matrix[row + j];
            }
        }
    }

    /**
     * {@code target = sum of (w >> shift)} over the listed rows. A shift of 1 halves the plain sum exactly (every
     * mantissa is even: the chip stores 8-bit mixed weights in steps of 2); a larger one shifts each weight, as the
     * chip does, before it sums.
     */
    private static void sumRows(int[] matrix, int width, int[] rows, int count, int[] target, int shift) {
        sumRows(matrix, width, rows, count, target);
        shiftSums(matrix, width, rows, count, target, shift);
    }

    /** Turns the plain sums {@code target} of the listed rows into sums of {@code w >> shift}. */
    private static void shiftSums(int[] matrix, int width, int[] rows, int count, int[] target, int shift) {
        if (shift == 0) {
            return;
        }
        if (shift == 1) {
            for (int j = 0; j < width; j++) {
                target[j] >>= 1;
            }
            return;
        }
        Arrays.fill(target, 0);
        for (int q = 0; q < count; q++) {
            int row = rows[q] * width;
            for (int j = 0; j < width; j++) {
                target[j] += matrix[row + j] >> shift;
            }
        }
    }

    /** {@code target = sum of the listed rows of matrix}, one row per pass (the output layer is narrow). */
    private static void sumNarrowRows(int[] matrix, int width, int[] rows, int count, int[] target) {
        Arrays.fill(target, 0);
        for (int q = 0; q < count; q++) {
            int row = rows[q] * width;
            for (int k = 0; k < width; k++) {
                target[k] += matrix[row + k];
            }
        }
    }

    /** dp_{N+1} and dn_{N+1} from the output sums; returns whether any output errs. */
    private boolean outputError(int label) {
        int[] potential = a[top];
        int[] pos = plusUnits[top];
        int[] neg = minusUnits[top];
        int np = 0;
        int nn = 0;
        for (int k = 0; k < potential.length; k++) {
            boolean o = potential[k] > 512;
            boolean om = potential[k] > 0;
            boolean op = potential[k] > 1024;
            boolean t = k == label;
            if (om && t && !o) {
                pos[np++] = k;
            }
            if (om && o && !t && !op) {
                neg[nn++] = k;
            }
        }
        plusCount[top] = np;
        minusCount[top] = nn;
        return np + nn > 0;
    }

    /** c over hidden layer {@code l}: 0 < a_l <= 1024, widened on both sides by the layer's window option. */
    private void window(int l) {
        int[] potential = a[l];
        boolean[] c = this.c;
        int low = -windowWidening[l];
        int high = 1024 + windowWidening[l];
        for (int j = 0; j < potential.length; j++) {
            c[j] = potential[j] > low & potential[j] <= high; // no branch: about half the units are in the window
        }
    }

    /**
     * U_k+ and U_k-: W_k and W_kT+ move by {@code step} where h_{k-1} meets a {@code main} unit of layer
     * k; W_kT- where h_{k-1} meets a {@code crossed} one (the transposed negative copy learns from the
     * other error sign). Each weight changes at most once per call, so the order of the updates changes
     * nothing.
     */
    private void update(int k, int[] main, int mainCount, int[] crossed, int crossedCount, int step) {
        if (k == top) {
            updateTop(main, mainCount, crossed, crossedCount, step);
            return;
        }
        int rows = sizes[k - 1];
        updateForward(k, main, mainCount, step);
        updateCopy(w.plus[k], rows, active[k - 1], activeCount[k - 1], main, mainCount, step);
        updateCopy(w.minus[k], rows, active[k - 1], activeCount[k - 1], crossed, crossedCount, step);
    }

    /**
     * {@link #update} of the output layer: output by output, only the few erring outputs' columns of W
     * and rows of the copies are visited.
     */
    private void updateTop(int[] main, int mainCount, int[] crossed, int crossedCount, int step) {
        int hidden = sizes[top - 1];
        int outputs = sizes[top];
        int[] hiddenActive = active[top - 1];
        int nh = activeCount[top - 1];
        int[] wTop = w.matrix[top];
        int[] plus = w.plus[top];
        for (int q = 0; q < mainCount; q++) {
            int k = main[q];
            int row = k * hidden;
            for (int n = 0; n < nh; n++) {
                int j = hiddenActive[n];
                wTop[j * outputs + k] = SbpWeights.clamp(wTop[j * outputs + k] + step);
                plus[row + j] = SbpWeights.clamp(plus[row + j] + step);
            }
        }
        int[] minus = w.minus[top];
        for (int q = 0; q < crossedCount; q++) {
            int row = crossed[q] * hidden;
            for (int n = 0; n < nh; n++) {
                int j = hiddenActive[n];
                minus[row + j] = SbpWeights.clamp(minus[row + j] + step);
            }
        }
    }

    /** W_l moves by {@code step} where a firing unit of layer l-1 (an active input for l = 1) meets a listed unit. */
    private void updateForward(int l, int[] units, int count, int step) {
        int width = sizes[l];
        int[] matrix = w.matrix[l];
        int[] from = active[l - 1];
        int nf = activeCount[l - 1];
        for (int n = 0; n < nf; n++) {
            int row = from[n] * width;
            for (int q = 0; q < count; q++) {
                int at = row + units[q];
                matrix[at] = SbpWeights.clamp(matrix[at] + step);
            }
        }
    }

    /** A transposed copy (rows: the listed units; columns: the firing units below) moves by {@code step}. */
    private static void updateCopy(int[] copy, int width, int[] firing, int nf, int[] units, int count, int step) {
        for (int q = 0; q < count; q++) {
            int row = units[q] * width;
            for (int n = 0; n < nf; n++) {
                int at = row + firing[n];
                copy[at] = SbpWeights.clamp(copy[at] + step);
            }
        }
    }

    /**
     * B_{k-1}+ and B_{k-1}-: the units of layer k-1 that get the error, those with c and
     * [sum over pos units j of W_kT+_j + sum over neg units j of W_kT-_j > 0], listed in {@code out};
     * returns how many. The sums run over the rows of the erring units (int sums, contiguous).
     */
    private int errorSign(int k, int[] pos, int posCount, int[] neg, int negCount, int[] out) {
        int width = sizes[k - 1];
        int[] e = this.e;
        Arrays.fill(e, 0, width, 0);
        // the copies act at W_k's exponent; a shift of 1 only halves the (even) sum, which keeps its sign
        int s = shift[k] >= 2 ? shift[k] : 0;
        for (int q = 0; q < posCount; q++) {
            addRow(w.plus[k], pos[q] * width, width, s);
        }
        for (int q = 0; q < negCount; q++) {
            addRow(w.minus[k], neg[q] * width, width, s);
        }
        boolean[] c = this.c;
        int n = 0;
        for (int j = 0; j < width; j++) {
            out[n] = j;
            n += c[j] & e[j] > 0 ? 1 : 0; // listed without a branch, as the firing units
        }
        return n;
    }

    private void addRow(int[] matrix, int from, int length, int shift) {
        int[] e = this.e;
        if (shift == 0) {
            for (int j = 0; j < length; j++) {
                e[j] += matrix[from + j];
            }
        } else {
            for (int j = 0; j < length; j++) {
                e[j] += matrix[from + j] >> shift;
            }
        }
    }
}
