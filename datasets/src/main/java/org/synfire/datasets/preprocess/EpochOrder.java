package org.synfire.datasets.preprocess;

import org.synfire.chip.api.data.Samples;

/**
 * The order samples are presented in, a new one every epoch, determined by a seed alone: the same
 * seed and epoch always give the same order, on every JVM.
 *
 * <p>Epoch {@code e} shuffles with a Fisher-Yates shuffle (from the last place down, swapping place
 * {@code i} with a place drawn uniformly from {@code 0..i}) driven by a SplitMix64 generator (Steele,
 * Lea and Flood, 2014) whose seed is the {@code e}-th output (counting from 0) of a SplitMix64
 * generator seeded with {@code seed}. Uniform draws use the rejection method of
 * {@code java.util.Random.nextInt(int)} on the upper 31 bits of each output. The algorithm is spelt
 * out here rather than borrowed from the JDK so that orders never change with the JDK version.
 *
 * @param seed the seed of the whole run (or of this use of it)
 */
public record EpochOrder(long seed) {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The order of {@code n} samples in {@code epoch}: a permutation of 0 .. n - 1. */
    public int[] permutation(int epoch, int n) {
        if (epoch < 0 || n < 0) {
            throw new IllegalArgumentException("epoch " + epoch + " and count " + n + " must not be negative");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplitMix64 random = new SplitMix64(SplitMix64.output(seed, epoch));
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The samples in the order of {@code epoch}. */
    public Samples shuffle(Samples samples, int epoch) {
        int[] order = permutation(epoch, samples.count());
        int d = samples.dimension();
        byte[] inputs = new byte[samples.inputs().length];
        int[] labels = new int[samples.count()];
        for (int k = 0; k < order.length; k++) {
            System.arraycopy(samples.inputs(), order[k] * d, inputs, k * d, d);
            labels[k] = samples.labels()[order[k]];
        }
        return new Samples(samples.count(), d, inputs, labels, samples.classes());
    }

    /** SplitMix64: a 64-bit state advanced by the golden gamma, each output a mix of the state. */
    static final class SplitMix64 {

        private long state;

        SplitMix64(long seed) {
            this.state = seed;
        }

        /** Output number {@code index} (from 0) of the generator seeded with {@code seed}. */
        static long output(long seed, long index) {
            return mix(seed + (index + 1) * GOLDEN_GAMMA);
        }

        long next() {
            state += GOLDEN_GAMMA;
            return mix(state);
        }

        int nextInt(int bound) {
            int u = (int) (next() >>> 33);
            int r = u % bound;
            // reject draws from the incomplete last block of bound values, so that every r is equally likely
            while (u - r + (bound - 1) < 0) {
                u = (int) (next() >>> 33);
                r = u % bound;
            }
            return r;
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
