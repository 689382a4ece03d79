package org.synfire.chip.emulator.ideal.internal;

import java.util.Arrays;

import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Mask;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.model.loihi1.Loihi1Model;

/**
 * The synapses of one connection on the ideal machine, by presynaptic rows (CSR), in primitive arrays: each
 * synapse's weight mantissa, delay and tag as real numbers, exactly as written (no truncation to the weight bits).
 * The effective weight a spike adds to its target's input is {@code weight * 2^exponent * 2^6}, a real number.
 */
final class IdealSynapses {

    /** The largest delay a spike can take: the network's range, and the accumulator ring's reach. */
    static final int MAX_DELAY = Loihi1Model.MAX_DELAY;

    final ConnectionGroup description;
    final int preSize;
    final int postSize;
    /** Global source index of presynaptic 0 (a compartment, or a generator source after the compartments). */
    final int preSource;
    /** Global compartment index of postsynaptic 0. */
    final int postBase;
    /** Synapses of presynaptic {@code i} are {@code rowStart[i] .. rowStart[i + 1] - 1}. */
    final int[] rowStart;
    /** Postsynaptic index of each synapse. */
    final int[] post;
    /** Weight mantissa of each synapse, real (learning moves it by exact real amounts). */
    final double[] weight;
    /** Delay of each synapse in timesteps, real (a learned delay may be fractional; see {@link #delayOf}). */
    final double[] delay;
    /** Tag of each synapse, real. */
    final double[] tag;
    /** Where synapse {@code k} of the mask order sits in the rows. */
    final int[] rowIndexOfMaskIndex;
    /** {@code 2^(exponent + 6)}: mantissa to input units, exact in float64. */
    final double scale;
    /** Every delay is 0 and no rule changes delays: a spike lands in one slot. */
    final boolean noDelays;

    IdealSynapses(ConnectionGroup c, int preSize, int postSize, int preSource, int postBase, boolean learnsDelay) {
        this.description = c;
        this.preSize = preSize;
        this.postSize = postSize;
        this.preSource = preSource;
        this.postBase = postBase;
        this.scale = Math.scalb(1.0, c.exponent() + 6);
        int n = c.synapseCount();
        Mask mask = c.mask();
        rowStart = new int[preSize + 1];
        for (int k = 0; k < n; k++) {
            rowStart[mask.pre(k, preSize, postSize) + 1]++;
        }
        for (int i = 0; i < preSize; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        int[] fill = Arrays.copyOf(rowStart, preSize);
        long[] postAndMaskIndex = new long[n];
        for (int k = 0; k < n; k++) {
            long p = mask.post(k, preSize, postSize);
            postAndMaskIndex[fill[mask.pre(k, preSize, postSize)]++] = (p << 32) | k;
        }
        for (int i = 0; i < preSize; i++) {
            Arrays.sort(postAndMaskIndex, rowStart[i], rowStart[i + 1]);
        }
        post = new int[n];
        weight = new double[n];
        delay = new double[n];
        tag = new double[n];
        rowIndexOfMaskIndex = new int[n];
        for (int r = 0; r < n; r++) {
            int k = (int) postAndMaskIndex[r];
            post[r] = (int) (postAndMaskIndex[r] >>> 32);
            weight[r] = c.weight(k); // as written: the ideal machine keeps every bit
            delay[r] = c.delay(k);
            tag[r] = c.tag(k);
            rowIndexOfMaskIndex[k] = r;
        }
        noDelays = c.maxDelay() == 0 && !learnsDelay;
    }

    /**
     * The whole timesteps a spike over synapse {@code r} waits: its real delay rounded to the nearest integer
     * (halves up) and held within 0 .. 62, since time is discrete on the ideal machine too.
     */
    int delayOf(int r) {
        return (int) Math.max(0, Math.min(MAX_DELAY, Math.round(delay[r])));
    }

    /**
     * How a real weight mantissa is reported as an int ({@code weights(..)}, weight probes): the nearest mantissa the
     * chip could store for the connection, i.e. the nearest multiple of its step {@code 2^s} (s from the sign mode
     * and weight bits, 2 for mixed 8-bit weights; halves up), held within the stored range (mixed 8-bit: -256 ..
     * 254). So what is reported is a valid weight of the connection, which a circuit's host code and the loihi1
     * backend accept; the simulation keeps the real value ({@code IdealSimulation.realWeights}).
     */
    int reported(double w) {
        SignMode mode = description.signMode();
        int bits = description.weightBits();
        double step = 1 << mode.truncationShift(bits);
        double nearest = Math.floor(w / step + 0.5) * step; // halves up, as Math.round
        return (int) Math.max(mode.minStored(bits), Math.min(mode.maxStored(bits), nearest));
    }

    /** The reported weights in mask order. */
    int[] weightsInMaskOrder() {
        int[] w = new int[rowIndexOfMaskIndex.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = reported(weight[rowIndexOfMaskIndex[k]]);
        }
        return w;
    }

    /** The real weight mantissas in mask order. */
    double[] realWeightsInMaskOrder() {
        double[] w = new double[rowIndexOfMaskIndex.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = weight[rowIndexOfMaskIndex[k]];
        }
        return w;
    }
}
