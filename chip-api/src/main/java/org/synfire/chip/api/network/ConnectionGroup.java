package org.synfire.chip.api.network;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Synapses from a source (a compartment group or a spike generator) to a target group. Synapse
 * {@code k} connects {@code mask.pre(k)} to {@code mask.post(k)} with weight mantissa {@code weights[k]},
 * delay {@code delays[k]} and tag {@code tags[k]}. The effective weight is
 * {@code floor(w * 2^exponent) * 2^6}. The description holds the weights as written; the chip keeps
 * them truncated to {@code weightBits} (see {@link SignMode#truncate}).
 *
 * @param name       unique among connections (by default {@code source->target})
 * @param source     the name of a group or generator
 * @param target     the name of a group
 * @param mask       which source connects to which target
 * @param weights    weight mantissas in mask order, within the sign mode's range (mixed -256 .. 255,
 *                   excitatory 0 .. 255, inhibitory -256 .. 0); the chip truncates them to {@code weightBits}
 * @param delays     delays in timesteps in mask order, 0 or more (a backend names its longest)
 * @param tags       tags in mask order, signed (two's complement) like the learning engine's tag {@code t}:
 *                   {@code -2^(tagBits-1) .. 2^(tagBits-1) - 1}, 0 without tag bits
 * @param exponent   weight exponent: the weights' scale is {@code 2^exponent}
 * @param signMode   how weights carry their sign
 * @param weightBits 1 .. 8
 * @param tagBits    0 .. 30
 * @param learning   the learning rule, in a dialect some backend learns with, if the connection is plastic
 */
public record ConnectionGroup(String name, String source, String target, Mask mask, int[] weights, int[] delays,
        int[] tags, int exponent, SignMode signMode, int weightBits, int tagBits,
        Optional<LearningRule> learning) {

    /** The most tag bits any connection can have: a tag and its range fit an {@code int}. */
    public static final int MAX_TAG_BITS = 30;

    public ConnectionGroup {
        Check.name("connection", name);
        String where = "connection " + name;
        Check.name(where + " source", source);
        Check.name(where + " target", target);
        Objects.requireNonNull(mask, where + ": mask");
        Objects.requireNonNull(signMode, where + ": sign mode");
        Objects.requireNonNull(learning, where + ": learning");
        Check.range(where, "weight bits", weightBits, SignMode.MIN_WEIGHT_BITS, SignMode.MAX_WEIGHT_BITS);
        Check.range(where, "tag bits", tagBits, 0, MAX_TAG_BITS);
        weights = weights.clone();
        delays = delays.clone();
        tags = tags.clone();
        if (delays.length != weights.length || tags.length != weights.length) {
            throw new IllegalArgumentException(where + ": " + weights.length + " weights, " + delays.length
                    + " delays and " + tags.length + " tags; expected one of each per synapse");
        }
        int min = signMode.minWeight();
        int max = signMode.maxWeight();
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] < min || weights[k] > max) {
                throw new IllegalArgumentException(where + ": weight " + weights[k] + " of synapse " + k
                        + " does not fit sign mode " + signMode + " (" + min + ".." + max + "; stored with "
                        + weightBits + " bits as " + signMode.minStored(weightBits) + ".."
                        + signMode.maxStored(weightBits) + " in steps of " + (1 << signMode.truncationShift(weightBits))
                        + ")");
            }
            // the message is built only for a value out of range: this runs once per synapse
            if (delays[k] < 0) {
                Check.range(where + ", synapse " + k, "delay", delays[k], 0, Integer.MAX_VALUE);
            }
            if (tags[k] < minTag(tagBits) || tags[k] > maxTag(tagBits)) {
                Check.range(where + ", synapse " + k, "tag", tags[k], minTag(tagBits), maxTag(tagBits));
            }
        }
    }

    /** The smallest tag of {@code tagBits} bits (two's complement): {@code -2^(tagBits-1)}, 0 without tag bits. */
    public static int minTag(int tagBits) {
        return tagBits == 0 ? 0 : -(1 << (tagBits - 1));
    }

    /** The largest tag of {@code tagBits} bits: {@code 2^(tagBits-1) - 1}, 0 without tag bits. */
    public static int maxTag(int tagBits) {
        return tagBits == 0 ? 0 : (1 << (tagBits - 1)) - 1;
    }

    /** Number of synapses. */
    public int synapseCount() {
        return weights.length;
    }

    /** Weight mantissa of synapse {@code k}, as written. */
    public int weight(int k) {
        return weights[k];
    }

    /** Delay of synapse {@code k}. */
    public int delay(int k) {
        return delays[k];
    }

    /** Tag of synapse {@code k}. */
    public int tag(int k) {
        return tags[k];
    }

    @Override
    public int[] weights() {
        return weights.clone();
    }

    @Override
    public int[] delays() {
        return delays.clone();
    }

    @Override
    public int[] tags() {
        return tags.clone();
    }

    /** The largest delay of any synapse (0 without synapses). */
    public int maxDelay() {
        int m = 0;
        for (int d : delays) {
            m = Math.max(m, d);
        }
        return m;
    }

    /** Whether a learning rule may change this connection's weights. */
    public boolean plastic() {
        return learning.isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionGroup c && c.name.equals(name) && c.source.equals(source)
                && c.target.equals(target) && c.mask.equals(mask) && Arrays.equals(c.weights, weights)
                && Arrays.equals(c.delays, delays) && Arrays.equals(c.tags, tags) && c.exponent == exponent
                && c.signMode == signMode && c.weightBits == weightBits && c.tagBits == tagBits
                && c.learning.equals(learning);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, source, target, mask, Arrays.hashCode(weights), exponent, signMode);
    }

    @Override
    public String toString() {
        return "ConnectionGroup[" + name + ": " + source + " -> " + target + ", " + mask + ", " + weights.length
                + " synapses, exponent " + exponent + ", " + signMode + " " + weightBits + " bits"
                + (plastic() ? ", plastic" : "") + "]";
    }

    /**
     * Builds a connection between two members of a {@link Network.Builder}: values given as one number
     * apply to every synapse. Made by {@link Network.Builder#connect}.
     */
    public static final class Builder {
        private final Network.Builder network;
        private final String source;
        private final String target;
        private final int preSize;
        private final int postSize;
        private String name;
        private Mask mask = new Mask.AllToAll();
        private int[] weights;
        private int weight;
        private int[] delays;
        private int delay;
        private int[] tags;
        private int exponent;
        private SignMode signMode = SignMode.MIXED;
        private int weightBits = SignMode.MAX_WEIGHT_BITS;
        private int tagBits;
        private LearningRule learning;

        Builder(Network.Builder network, String source, String target, int preSize, int postSize) {
            this.network = network;
            this.source = source;
            this.target = target;
            this.preSize = preSize;
            this.postSize = postSize;
            this.name = source + "->" + target;
        }

        /** Names the connection (needed when two connections join the same pair). */
        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder mask(Mask value) {
            mask = value;
            return this;
        }

        public Builder oneToOne() {
            return mask(new Mask.OneToOne());
        }

        public Builder allToAll() {
            return mask(new Mask.AllToAll());
        }

        public Builder oneToAll() {
            return mask(new Mask.OneToAll());
        }

        /** The same weight mantissa on every synapse. */
        public Builder weight(int value) {
            weight = value;
            weights = null;
            return this;
        }

        /** One weight mantissa per synapse, in mask order. */
        public Builder weights(int... values) {
            weights = values.clone();
            return this;
        }

        /** A dense matrix {@code [pre][post]}; selects the all-to-all mask. */
        public Builder weights(int[][] matrix) {
            if (matrix.length != preSize) {
                throw new IllegalArgumentException("connection " + name + ": weight matrix has " + matrix.length
                        + " rows, expected " + preSize + " (source size)");
            }
            int[] flat = new int[preSize * postSize];
            for (int i = 0; i < preSize; i++) {
                if (matrix[i].length != postSize) {
                    throw new IllegalArgumentException("connection " + name + ": weight matrix row " + i + " has "
                            + matrix[i].length + " columns, expected " + postSize + " (target size)");
                }
                System.arraycopy(matrix[i], 0, flat, i * postSize, postSize);
            }
            mask = new Mask.AllToAll();
            weights = flat;
            return this;
        }

        /** The same delay on every synapse. */
        public Builder delay(int value) {
            delay = value;
            delays = null;
            return this;
        }

        /** One delay per synapse, in mask order. */
        public Builder delays(int... values) {
            delays = values.clone();
            return this;
        }

        /** Tag bits and one signed tag per synapse in mask order (all 0 if not given; see {@link ConnectionGroup#minTag}). */
        public Builder tags(int bits, int... values) {
            tagBits = bits;
            tags = values.clone();
            return this;
        }

        public Builder exponent(int value) {
            exponent = value;
            return this;
        }

        public Builder signMode(SignMode value) {
            signMode = value;
            return this;
        }

        public Builder weightBits(int value) {
            weightBits = value;
            return this;
        }

        /** Makes the connection plastic. */
        public Builder learning(LearningRule value) {
            learning = value;
            return this;
        }

        /** Validates the connection, adds it to the network and returns the network builder. */
        public Network.Builder add() {
            int n = mask.synapseCount("connection " + name, preSize, postSize);
            int[] w = weights != null ? weights : filled(n, weight);
            int[] d = delays != null ? delays : filled(n, delay);
            int[] t = tags != null ? tags : new int[n];
            requireOnePerSynapse("weights", w.length, n);
            requireOnePerSynapse("delays", d.length, n);
            requireOnePerSynapse("tags", t.length, n);
            return network.add(new ConnectionGroup(name, source, target, mask, w, d, t, exponent, signMode,
                    weightBits, tagBits, Optional.ofNullable(learning)));
        }

        private void requireOnePerSynapse(String what, int given, int synapses) {
            if (given != synapses) {
                throw new IllegalArgumentException("connection " + name + ": " + given + " " + what
                        + " given, but the mask " + mask + " of " + preSize + " x " + postSize + " has " + synapses
                        + " synapses");
            }
        }

        private static int[] filled(int n, int value) {
            int[] a = new int[n];
            Arrays.fill(a, value);
            return a;
        }
    }
}
