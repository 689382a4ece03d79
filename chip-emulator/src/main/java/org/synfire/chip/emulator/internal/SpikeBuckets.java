package org.synfire.chip.emulator.internal;

import java.util.Arrays;

/**
 * The spikes of one timestep, sorted by the group or generator that sent them, so that a learning engine reads the
 * spikes of its connection's sides without scanning every spike of the timestep.
 */
final class SpikeBuckets {

    /** The bucket (group, then generator, in layout order) of each global source. */
    private final int[] bucketOf;
    /** The spikes of bucket {@code b} are {@code sources[start[b] .. start[b + 1] - 1]}, in the router's order. */
    private final int[] start;
    private final int[] sources;
    private final int[] fill;

    SpikeBuckets(Layout layout) {
        bucketOf = new int[layout.sources];
        int bucket = 0;
        for (var g : layout.network.groups()) {
            int base = layout.base.get(g.name());
            Arrays.fill(bucketOf, base, base + g.size(), bucket++);
        }
        for (var g : layout.network.generators()) {
            int base = layout.base.get(g.name());
            Arrays.fill(bucketOf, base, base + g.size(), bucket++);
        }
        start = new int[bucket + 1];
        fill = new int[bucket];
        sources = new int[layout.sources];
    }

    /** Sorts the spikes the router holds now (a counting sort: linear in the spikes and the buckets). */
    void collect(MeshRouter router) {
        int n = router.spikeCount();
        Arrays.fill(start, 0);
        for (int q = 0; q < n; q++) {
            start[bucketOf[router.spikeSource(q)] + 1]++;
        }
        for (int b = 0; b < fill.length; b++) {
            start[b + 1] += start[b];
            fill[b] = start[b];
        }
        for (int q = 0; q < n; q++) {
            int source = router.spikeSource(q);
            sources[fill[bucketOf[source]]++] = source;
        }
    }

    /**
     * Writes the spikes of sources {@code first .. first + size - 1} (one group or generator, or the start of one)
     * whose group lets learning see them, as indices from {@code first}, into {@code into}; returns how many.
     */
    int spikedIn(int first, int size, boolean[] learningSees, int[] into) {
        int bucket = bucketOf[first];
        int n = 0;
        for (int k = start[bucket]; k < start[bucket + 1]; k++) {
            int i = sources[k] - first;
            if (i < size && learningSees[sources[k]]) {
                into[n++] = i;
            }
        }
        return n;
    }
}
