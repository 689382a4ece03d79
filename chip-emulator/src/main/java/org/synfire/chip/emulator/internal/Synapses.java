package org.synfire.chip.emulator.internal;

import java.util.Arrays;

import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Mask;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.learning.Rule;
import org.synfire.chip.model.loihi1.learning.RuleParser;

/**
 * The synapses of one connection as the emulator keeps them: by presynaptic index (CSR rows), and within
 * a row by postsynaptic index, so the synapses of a row that land on one core are contiguous. Weights are
 * stored truncated to the connection's sign mode and weight bits; a learning engine may change them.
 */
public final class Synapses {

    final ConnectionGroup description;
    final int index;
    final int preSize;
    final int postSize;
    /** Global source index of presynaptic 0. */
    final int preSource;
    /** Global compartment index of postsynaptic 0. */
    final int postBase;
    /** Synapses of presynaptic {@code i} are {@code rowStart[i] .. rowStart[i + 1] - 1}. */
    final int[] rowStart;
    /** Postsynaptic index (0 .. postSize - 1) of each synapse. */
    final int[] post;
    final int[] weight;
    final int[] delay;
    final int[] tag;
    /** Whether the connection's learning rule changes delays (so they may grow up to what {@link #delayBits} hold). */
    final boolean learnsDelay;
    /** Bits of each synapse's delay (see {@link Loihi1Constants#delayBits}). */
    final int delayBits;
    /** Where synapse {@code k} of the mask order sits in the rows. */
    final int[] rowIndexOfMaskIndex;
    final boolean dense;
    /** Every delay is 0 and stays 0 (no delay bits a rule could change): a spike lands in one slot. */
    final boolean noDelays;
    /** Within each row the compartments are consecutive: synapse {@code k} targets {@code post[k - 1] + 1}. */
    final boolean consecutive;
    /** Bits one synapse of this connection takes in synaptic memory (see {@link Loihi1Constants#synapseBits}). */
    final int synapseBits;

    Synapses(ConnectionGroup c, int index, int preSize, int postSize, int preSource, int postBase) {
        this.description = c;
        this.index = index;
        this.preSize = preSize;
        this.postSize = postSize;
        this.preSource = preSource;
        this.postBase = postBase;
        this.dense = c.mask() instanceof Mask.AllToAll;
        this.learnsDelay = learnsDelay(c);
        this.delayBits = Loihi1Constants.delayBits(c.maxDelay(), learnsDelay);
        this.synapseBits = Loihi1Constants.synapseBits(c.weightBits(), delayBits, c.tagBits(), dense);
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
            long post = mask.post(k, preSize, postSize);
            postAndMaskIndex[fill[mask.pre(k, preSize, postSize)]++] = (post << 32) | k;
        }
        for (int i = 0; i < preSize; i++) {
            Arrays.sort(postAndMaskIndex, rowStart[i], rowStart[i + 1]);
        }
        post = new int[n];
        weight = new int[n];
        delay = new int[n];
        tag = new int[n];
        rowIndexOfMaskIndex = new int[n];
        for (int r = 0; r < n; r++) {
            int k = (int) postAndMaskIndex[r];
            post[r] = (int) (postAndMaskIndex[r] >>> 32);
            weight[r] = c.signMode().truncate(c.weight(k), c.weightBits());
            delay[r] = c.delay(k);
            tag[r] = c.tag(k);
            rowIndexOfMaskIndex[k] = r;
        }
        // a rule that learns delays may make them non-zero later: such a connection takes the general path
        noDelays = c.maxDelay() == 0 && !learnsDelay;
        boolean runs = true;
        for (int i = 0; i < preSize && runs; i++) {
            for (int r = rowStart[i] + 1; r < rowStart[i + 1]; r++) {
                if (post[r] != post[r - 1] + 1) {
                    runs = false;
                    break;
                }
            }
        }
        consecutive = runs;
    }

    /** Whether {@code c}'s learning rule changes delays; a rule that cannot be read is refused naming {@code c}. */
    private static boolean learnsDelay(ConnectionGroup c) {
        return c.plastic() && !rule(c, LearningSettings.of(c, "backend loihi1")).dd().isEmpty();
    }

    /** The parsed rule of plastic connection {@code c}, or an error naming the connection and the position. */
    static Rule rule(ConnectionGroup c, LearningSettings learning) {
        try {
            return RuleParser.parse(learning.rule());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connection " + c.name() + ": " + e.getMessage(), e);
        }
    }

    /** The stored weights in mask order. */
    int[] weightsInMaskOrder() {
        int[] w = new int[rowIndexOfMaskIndex.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = weight[rowIndexOfMaskIndex[k]];
        }
        return w;
    }
}
