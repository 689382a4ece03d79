package org.synfire.chip.api.network;

import java.util.Arrays;

/**
 * Which presynaptic source connects to which postsynaptic compartment. A mask orders its synapses;
 * a connection's weights, delays and tags are given in that order.
 */
public sealed interface Mask permits Mask.OneToOne, Mask.AllToAll, Mask.OneToAll, Mask.Explicit {

    /**
     * Number of synapses between a source of {@code preSize} and a target of {@code postSize}.
     *
     * @throws IllegalArgumentException if the sizes do not suit the mask, naming {@code where}
     */
    int synapseCount(String where, int preSize, int postSize);

    /** The presynaptic index of synapse {@code k}. */
    int pre(int k, int preSize, int postSize);

    /** The postsynaptic index of synapse {@code k}. */
    int post(int k, int preSize, int postSize);

    /** Source {@code i} to target {@code i}; both sides have the same size. Synapse {@code k} is {@code k -> k}. */
    record OneToOne() implements Mask {
        @Override
        public int synapseCount(String where, int preSize, int postSize) {
            if (preSize != postSize) {
                throw new IllegalArgumentException(where + ": one-to-one mask needs equal sizes, got source "
                        + preSize + " and target " + postSize);
            }
            return preSize;
        }

        @Override
        public int pre(int k, int preSize, int postSize) {
            return k;
        }

        @Override
        public int post(int k, int preSize, int postSize) {
            return k;
        }
    }

    /** Every source to every target, row by row: synapse {@code k} is {@code k / postSize -> k % postSize} (dense). */
    record AllToAll() implements Mask {
        @Override
        public int synapseCount(String where, int preSize, int postSize) {
            long n = (long) preSize * postSize;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(where + ": all-to-all mask of " + preSize + " x " + postSize
                        + " has more than " + Integer.MAX_VALUE + " synapses");
            }
            return (int) n;
        }

        @Override
        public int pre(int k, int preSize, int postSize) {
            return k / postSize;
        }

        @Override
        public int post(int k, int preSize, int postSize) {
            return k % postSize;
        }
    }

    /** A single source to every target (a gate driving a population); synapse {@code k} is {@code 0 -> k}. */
    record OneToAll() implements Mask {
        @Override
        public int synapseCount(String where, int preSize, int postSize) {
            if (preSize != 1) {
                throw new IllegalArgumentException(where + ": one-to-all mask needs a source of size 1, got "
                        + preSize);
            }
            return postSize;
        }

        @Override
        public int pre(int k, int preSize, int postSize) {
            return 0;
        }

        @Override
        public int post(int k, int preSize, int postSize) {
            return k;
        }
    }

    /**
     * Explicit lists (sparse): synapse {@code k} is {@code pres[k] -> posts[k]}. A pair may appear once only.
     */
    record Explicit(int[] pres, int[] posts) implements Mask {
        public Explicit {
            if (pres.length != posts.length) {
                throw new IllegalArgumentException("explicit mask: " + pres.length + " presynaptic indices but "
                        + posts.length + " postsynaptic indices; expected the same number");
            }
            pres = pres.clone();
            posts = posts.clone();
        }

        @Override
        public int[] pres() {
            return pres.clone();
        }

        @Override
        public int[] posts() {
            return posts.clone();
        }

        @Override
        public int synapseCount(String where, int preSize, int postSize) {
            long[] pairs = new long[pres.length];
            for (int k = 0; k < pres.length; k++) {
                Check.range(where + ", synapse " + k, "presynaptic index", pres[k], 0, preSize - 1);
                Check.range(where + ", synapse " + k, "postsynaptic index", posts[k], 0, postSize - 1);
                pairs[k] = (long) pres[k] * postSize + posts[k];
            }
            Arrays.sort(pairs);
            for (int k = 1; k < pairs.length; k++) {
                if (pairs[k] == pairs[k - 1]) {
                    throw new IllegalArgumentException(where + ": explicit mask lists synapse "
                            + pairs[k] / postSize + " -> " + pairs[k] % postSize + " twice");
                }
            }
            return pres.length;
        }

        @Override
        public int pre(int k, int preSize, int postSize) {
            return pres[k];
        }

        @Override
        public int post(int k, int preSize, int postSize) {
            return posts[k];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Explicit e && Arrays.equals(e.pres, pres) && Arrays.equals(e.posts, posts);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(pres) + Arrays.hashCode(posts);
        }

        @Override
        public String toString() {
            return "Explicit[" + pres.length + " synapses]";
        }
    }
}
