package org.synfire.chip.emulator.internal;

import static org.synfire.chip.emulator.internal.Loihi1Constants.HOST;

import org.synfire.chip.api.TrafficCounts;

/**
 * The mesh network: a spike of a source becomes one message per target core, delivered to that core's
 * input axon. Counts messages, tile hops (east-west, north-south) and chip crossings, each precomputed per
 * source, so a spike costs its routes and nothing else. Host spikes (core {@link Loihi1Constants#HOST})
 * count as messages without hops.
 */
final class MeshRouter implements Router {

    private final EmulatedCore[] cores;
    /** Per core: the input axons that received a message this timestep, in the order sent, and how many. */
    private final int[][] inbox;
    private final int[] inboxCount;
    /** First global source index of each core's compartments (its output axon 0). */
    private final int[] coreFirstSource;
    private final int hostFirstSource;
    private final int[] routeStart;
    private final int[] routeCore;
    private final int[] routeAxon;
    private final long[] sourceHopsEastWest;
    private final long[] sourceHopsNorthSouth;
    private final long[] sourceChipCrossings;
    private final int[] queue;
    private int queued;
    private long messages;
    private long hopsEastWest;
    private long hopsNorthSouth;
    private long chipCrossings;

    MeshRouter(Mesh mesh, EmulatedCore[] cores, int[] coreFirstSource, int hostFirstSource, int[] coreOfSource,
            Wiring wiring) {
        this.cores = cores;
        this.inbox = new int[cores.length][];
        this.inboxCount = new int[cores.length];
        for (int core = 0; core < cores.length; core++) {
            // an axon hears one source, and a source spikes at most once per timestep
            inbox[core] = new int[cores[core] == null ? 0 : cores[core].inputAxons()];
        }
        this.coreFirstSource = coreFirstSource;
        this.hostFirstSource = hostFirstSource;
        this.routeStart = wiring.routeStart;
        this.routeCore = wiring.routeCore;
        this.routeAxon = wiring.routeAxon;
        int sources = routeStart.length - 1;
        sourceHopsEastWest = new long[sources];
        sourceHopsNorthSouth = new long[sources];
        sourceChipCrossings = new long[sources];
        for (int s = 0; s < sources; s++) {
            int from = coreOfSource[s];
            if (from == HOST) {
                continue;
            }
            for (int r = routeStart[s]; r < routeStart[s + 1]; r++) {
                sourceHopsEastWest[s] += mesh.hopsEastWest(from, routeCore[r]);
                sourceHopsNorthSouth[s] += mesh.hopsNorthSouth(from, routeCore[r]);
                sourceChipCrossings[s] += mesh.crossesChips(from, routeCore[r]) ? 1 : 0;
            }
        }
        queue = new int[sources];
    }

    @Override
    public void send(int sourceCore, int outputAxon) {
        int source = sourceCore == HOST ? hostFirstSource + outputAxon : coreFirstSource[sourceCore] + outputAxon;
        // a source spikes at most once per timestep, so the queue never holds more than every source
        queue[queued++] = source;
        for (int r = routeStart[source]; r < routeStart[source + 1]; r++) {
            int core = routeCore[r];
            inbox[core][inboxCount[core]++] = routeAxon[r];
        }
        messages += routeStart[source + 1] - routeStart[source];
        hopsEastWest += sourceHopsEastWest[source];
        hopsNorthSouth += sourceHopsNorthSouth[source];
        chipCrossings += sourceChipCrossings[source];
    }

    /** Spikes sent since the last delivery: the sources that spiked in this timestep. */
    int spikeCount() {
        return queued;
    }

    /** The global source index of spike {@code q} (0 .. {@link #spikeCount()} - 1) of this timestep. */
    int spikeSource(int q) {
        return queue[q];
    }

    /**
     * Delivers this timestep's messages to core {@code core}, in the order they were sent, two input axons at a time
     * where it can (so that dense rows are added in one pass; the accumulators are int sums, so the order of the
     * additions changes nothing). Touches only that core's inbox and accumulators: cores can take their
     * deliveries at the same time. The spikes stay readable until {@link #clear}.
     */
    void deliverTo(int core) {
        int[] axons = inbox[core];
        int n = inboxCount[core];
        EmulatedCore c = cores[core];
        for (int k = 0; k + 1 < n; k += 2) {
            c.receivePair(axons[k], axons[k + 1]);
        }
        if ((n & 1) != 0) {
            c.receive(axons[n - 1]);
        }
        inboxCount[core] = 0;
    }

    /** Forgets this timestep's spikes, once every core took its deliveries. */
    void clear() {
        queued = 0;
    }

    @Override
    public void deliver() {
        for (int core = 0; core < cores.length; core++) {
            if (inboxCount[core] > 0) {
                deliverTo(core);
            }
        }
        clear();
    }

    /** Writes messages, hops east-west, hops north-south and chip crossings into {@code into[at .. at + 3]}. */
    void writeCounts(long[] into, int at) {
        into[at] = messages;
        into[at + 1] = hopsEastWest;
        into[at + 2] = hopsNorthSouth;
        into[at + 3] = chipCrossings;
    }

    @Override
    public TrafficCounts counts() {
        return new TrafficCounts(messages, hopsEastWest, hopsNorthSouth, chipCrossings);
    }
}
