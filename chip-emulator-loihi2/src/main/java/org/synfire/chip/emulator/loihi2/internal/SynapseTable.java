package org.synfire.chip.emulator.loihi2.internal;

import java.util.Arrays;
import java.util.List;

import org.synfire.chip.api.network.ConnectionGroup;

/**
 * A network's synapses grouped for delivery: per source (compartments, then generator sources), one segment per
 * connection the source projects over, holding that connection's synapses from it in mask order. For a connection
 * with a non-negative exponent a synapse's target is a compartment and its weight is the stored weight shifted by the
 * exponent ({@code (sum w) << e == sum (w << e)} in 32-bit arithmetic, so the shift is done once, here); for a negative
 * exponent the target is an index {@code delay * targetSize + post} into the connection's own per-timestep sums, which
 * are floored once per target and delay, as DelayDense does.
 */
final class SynapseTable {

    /** Per source, its first segment; {@code segStart[sources]} is the number of segments. */
    final int[] segStart;
    final int[] segConnection;
    final int[] segFirst;
    final int[] segEnd;
    /** The first target compartment if the segment's targets are consecutive and undelayed (a dense row), else -1. */
    final int[] segDenseTarget;
    final int[] synTarget;
    final int[] synWeight;
    final int[] synDelay;
    /** Per plastic connection, each synapse's (mask order) place in the table; null for a static connection. */
    private final int[][] placeOf;
    private final int[] exponent;
    private final int[] targetFirst;
    private final int[] targetSize;

    /**
     * @param connections  the network's connections
     * @param sources      compartments plus generator sources
     * @param sourceBase   per connection, the global index of its source's element 0
     * @param preSize      per connection, the size of its source
     * @param targetFirst  per connection, the global index of its target's compartment 0
     * @param targetSize   per connection, the size of its target
     * @param stored       per connection, its stored weights in mask order
     */
    SynapseTable(List<ConnectionGroup> connections, int sources, int[] sourceBase, int[] preSize, int[] targetFirst,
            int[] targetSize, int[][] stored) {
        int n = connections.size();
        this.placeOf = new int[n][];
        this.exponent = connections.stream().mapToInt(ConnectionGroup::exponent).toArray();
        this.targetFirst = targetFirst;
        this.targetSize = targetSize;
        // segment of (connection, pre), numbered source by source
        int[] segmentsOfSource = new int[sources];
        int[][] segOf = new int[n][];
        for (int k = 0; k < n; k++) {
            ConnectionGroup conn = connections.get(k);
            segOf[k] = new int[preSize[k]];
            Arrays.fill(segOf[k], -1);
            for (int q = 0; q < conn.synapseCount(); q++) {
                int pre = conn.mask().pre(q, preSize[k], targetSize[k]);
                if (segOf[k][pre] < 0) {
                    segOf[k][pre] = 0;
                    segmentsOfSource[sourceBase[k] + pre]++;
                }
            }
        }
        segStart = new int[sources + 1];
        for (int q = 0; q < sources; q++) {
            segStart[q + 1] = segStart[q] + segmentsOfSource[q];
        }
        int segments = segStart[sources];
        segConnection = new int[segments];
        segFirst = new int[segments];
        segEnd = new int[segments];
        segDenseTarget = new int[segments];
        int[] segSize = new int[segments];
        int[] fill = Arrays.copyOf(segStart, sources);
        for (int k = 0; k < n; k++) {
            ConnectionGroup conn = connections.get(k);
            Arrays.fill(segOf[k], -1);
            for (int q = 0; q < conn.synapseCount(); q++) {
                int pre = conn.mask().pre(q, preSize[k], targetSize[k]);
                if (segOf[k][pre] < 0) {
                    int seg = fill[sourceBase[k] + pre]++;
                    segOf[k][pre] = seg;
                    segConnection[seg] = k;
                }
                segSize[segOf[k][pre]]++;
            }
        }
        int total = 0;
        for (int seg = 0; seg < segments; seg++) {
            segFirst[seg] = total;
            total += segSize[seg];
            segEnd[seg] = segFirst[seg];
        }
        synTarget = new int[total];
        synWeight = new int[total];
        synDelay = new int[total];
        for (int k = 0; k < n; k++) {
            ConnectionGroup conn = connections.get(k);
            int e = conn.exponent();
            if (conn.plastic()) {
                placeOf[k] = new int[conn.synapseCount()];
            }
            for (int q = 0; q < conn.synapseCount(); q++) {
                int pre = conn.mask().pre(q, preSize[k], targetSize[k]);
                int post = conn.mask().post(q, preSize[k], targetSize[k]);
                int at = segEnd[segOf[k][pre]]++;
                if (placeOf[k] != null) {
                    placeOf[k][q] = at;
                }
                int d = conn.delay(q);
                synDelay[at] = d;
                if (e >= 0) {
                    synTarget[at] = targetFirst[k] + post;
                    synWeight[at] = stored[k][q] << e;
                } else {
                    synTarget[at] = d * targetSize[k] + post;
                    synWeight[at] = stored[k][q];
                }
            }
        }
        for (int seg = 0; seg < segments; seg++) {
            segDenseTarget[seg] = denseTarget(seg);
        }
    }

    /** Writes the stored weights (mask order) of plastic connection {@code connection}'s synapses {@code changed}. */
    void rewrite(int connection, int[] stored, int[] changed, int count) {
        int[] at = placeOf[connection];
        int e = exponent[connection];
        for (int k = 0; k < count; k++) {
            int q = changed[k];
            synWeight[at[q]] = e >= 0 ? stored[q] << e : stored[q];
        }
    }

    /** The compartment synapse target {@code target} of connection {@code connection} reaches. */
    int targetCompartment(int connection, int target) {
        return exponent[connection] >= 0 ? target : targetFirst[connection] + target % targetSize[connection];
    }

    private int denseTarget(int seg) {
        if (exponent[segConnection[seg]] < 0) {
            return -1;
        }
        int first = synTarget[segFirst[seg]];
        for (int at = segFirst[seg]; at < segEnd[seg]; at++) {
            if (synDelay[at] != 0 || synTarget[at] != first + (at - segFirst[seg])) {
                return -1;
            }
        }
        return first;
    }
}
