package org.synfire.chip.emulator.internal;

import static org.synfire.chip.emulator.internal.Loihi1Constants.HOST;

import org.synfire.chip.api.Router;
import org.synfire.chip.api.TrafficCounts;

/**
 * The mesh network: a spike of a source becomes one message per target core, delivered to that core's
 * input axon. Counts messages, tile hops (east-west, north-south) and chip crossings, each precomputed per
 * source, so a spike costs its routes and nothing else. Host spikes (core {@link Loihi1Constants#HOST})
 * count as messages without hops.
 */
final class MeshRouter implements Router {

    private final EmulatedCore[] cores;
    /** Per core: an input axon whose spike waits to be delivered together with the next one, or -1. */
    private final int[] waiting;
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
        this.waiting = new int[cores.length];
        java.util.Arrays.fill(waiting, -1);
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
     * Delivers this timestep's spikes to the cores {@code owner} assigns to {@code member} (those with
     * {@code owner[core] == member}), in queue order, and keeps the queue: cores of different members can
     * take their deliveries at the same time, as each touches only its own accumulators. Then {@link #clear}.
     */
    void deliver(int[] owner, int member) {
        for (int q = 0; q < queued; q++) {
            int source = queue[q];
            for (int r = routeStart[source]; r < routeStart[source + 1]; r++) {
                int core = routeCore[r];
                if (owner[core] == member) {
                    pair(core, routeAxon[r]);
                }
            }
        }
        for (int core = 0; core < cores.length; core++) {
            if (owner[core] == member) {
                flush(core);
            }
        }
    }

    /**
     * Delivers spikes to a core two at a time, so that it can add two rows in one pass (the accumulators are int
     * sums, so the order of the additions changes nothing). Each core's waiting axon is touched only by the thread
     * that delivers to it.
     */
    private void pair(int core, int axon) {
        int first = waiting[core];
        if (first < 0) {
            waiting[core] = axon;
        } else {
            waiting[core] = -1;
            cores[core].receivePair(first, axon);
        }
    }

    private void flush(int core) {
        if (waiting[core] >= 0) {
            cores[core].receive(waiting[core]);
            waiting[core] = -1;
        }
    }

    void clear() {
        queued = 0;
    }

    @Override
    public void deliver() {
        for (int q = 0; q < queued; q++) {
            int source = queue[q];
            for (int r = routeStart[source]; r < routeStart[source + 1]; r++) {
                pair(routeCore[r], routeAxon[r]);
            }
        }
        for (int core = 0; core < cores.length; core++) {
            flush(core);
        }
        queued = 0;
    }

    @Override
    public TrafficCounts counts() {
        return new TrafficCounts(messages, hopsEastWest, hopsNorthSouth, chipCrossings);
    }
}
