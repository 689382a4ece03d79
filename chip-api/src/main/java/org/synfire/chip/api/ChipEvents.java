package org.synfire.chip.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Every event that costs energy or time on the chip, counted over some timesteps: the work of each core in
 * use, the spike messages between cores and the barrier synchronisation that ends every timestep. Counts
 * of a simulation are cumulative; {@link #minus} gives those of a window (one timestep, one phase).
 *
 * @param timesteps     timesteps counted; each ends with one barrier synchronisation
 * @param messages      spike messages delivered to a target core (each costs a spike within a tile, plus
 *                      its hops)
 * @param hopsEastWest  tile-to-tile hops of those messages along the mesh's x axis
 * @param hopsNorthSouth tile-to-tile hops along the y axis
 * @param chipCrossings messages that left their chip
 * @param hostSpikes    spikes the host (or the chip's embedded processors) injected into the network, each counted
 *                      once at its source (its messages are counted in {@code messages}); 0 where not counted
 * @param cores         the counts of every core in use, in core order
 */
public record ChipEvents(long timesteps, long messages, long hopsEastWest, long hopsNorthSouth, long chipCrossings,
        long hostSpikes, List<CoreEvents> cores) {

    public ChipEvents {
        if (timesteps < 0 || messages < 0 || hopsEastWest < 0 || hopsNorthSouth < 0 || chipCrossings < 0
                || hostSpikes < 0) {
            throw new IllegalArgumentException("chip event counts cannot be negative");
        }
        cores = List.copyOf(cores);
    }

    /** Counts without host spikes (a backend that does not count them). */
    public ChipEvents(long timesteps, long messages, long hopsEastWest, long hopsNorthSouth, long chipCrossings,
            List<CoreEvents> cores) {
        this(timesteps, messages, hopsEastWest, hopsNorthSouth, chipCrossings, 0, cores);
    }

    /**
     * Chip-wide counts at the start of {@link #writeCounts}: timesteps, messages, hops (x, y), chip crossings, host
     * spikes.
     */
    public static final int CHIP_COUNTS = 6;
    /**
     * Counts per core in {@link #writeCounts}: synaptic operations, synaptic updates, active and idle updates,
     * learning-engine visits.
     */
    public static final int CORE_COUNTS = 5;

    /** The length of the counts of {@code cores} cores in the layout of {@link #writeCounts}. */
    public static int countsLength(int cores) {
        return CHIP_COUNTS + CORE_COUNTS * cores;
    }

    /**
     * Writes the counts into {@code into[0 .. countsLength(cores().size()) - 1]}: the chip-wide ones in the order of
     * the record's components, then each core's in core order (synaptic operations, synaptic updates, active
     * updates, idle updates, learning-engine visits). For callers that take the counts every timestep and want plain arrays.
     */
    public void writeCounts(long[] into) {
        into[0] = timesteps;
        into[1] = messages;
        into[2] = hopsEastWest;
        into[3] = hopsNorthSouth;
        into[4] = chipCrossings;
        into[5] = hostSpikes;
        for (int k = 0; k < cores.size(); k++) {
            CoreEvents c = cores.get(k);
            int at = CHIP_COUNTS + CORE_COUNTS * k;
            into[at] = c.synapticOperations();
            into[at + 1] = c.synapticUpdates();
            into[at + 2] = c.activeUpdates();
            into[at + 3] = c.idleUpdates();
            into[at + 4] = c.learningVisits();
        }
    }

    /**
     * The events of {@code counts}, in the layout of {@link #writeCounts}, of cores {@code cores} (numbered across the
     * board, in core order).
     */
    public static ChipEvents ofCounts(long[] counts, int[] cores) {
        if (counts.length < countsLength(cores.length)) {
            throw new IllegalArgumentException(counts.length + " counts for " + cores.length + " cores; expected "
                    + countsLength(cores.length));
        }
        List<CoreEvents> perCore = new ArrayList<>(cores.length);
        for (int k = 0; k < cores.length; k++) {
            int at = CHIP_COUNTS + CORE_COUNTS * k;
            perCore.add(new CoreEvents(cores[k], counts[at], counts[at + 1], counts[at + 2], counts[at + 3],
                    counts[at + 4]));
        }
        return new ChipEvents(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], perCore);
    }

    /** Barrier synchronisations: one per timestep. */
    public long barriers() {
        return timesteps;
    }

    public long synapticOperations() {
        return cores.stream().mapToLong(CoreEvents::synapticOperations).sum();
    }

    public long synapticUpdates() {
        return cores.stream().mapToLong(CoreEvents::synapticUpdates).sum();
    }

    public long activeUpdates() {
        return cores.stream().mapToLong(CoreEvents::activeUpdates).sum();
    }

    public long idleUpdates() {
        return cores.stream().mapToLong(CoreEvents::idleUpdates).sum();
    }

    public long learningVisits() {
        return cores.stream().mapToLong(CoreEvents::learningVisits).sum();
    }

    /** The sum of two counts of the same cores. */
    public ChipEvents plus(ChipEvents other) {
        return new ChipEvents(timesteps + other.timesteps, messages + other.messages,
                hopsEastWest + other.hopsEastWest, hopsNorthSouth + other.hopsNorthSouth,
                chipCrossings + other.chipCrossings, hostSpikes + other.hostSpikes, combine(other, true));
    }

    /** The counts since {@code earlier}, a snapshot of the same simulation taken before. */
    public ChipEvents minus(ChipEvents earlier) {
        return new ChipEvents(timesteps - earlier.timesteps, messages - earlier.messages,
                hopsEastWest - earlier.hopsEastWest, hopsNorthSouth - earlier.hopsNorthSouth,
                chipCrossings - earlier.chipCrossings, hostSpikes - earlier.hostSpikes, combine(earlier, false));
    }

    private List<CoreEvents> combine(ChipEvents other, boolean add) {
        if (other.cores.size() != cores.size()) {
            throw new IllegalArgumentException("cannot combine the counts of " + cores.size() + " and "
                    + other.cores.size() + " cores");
        }
        List<CoreEvents> result = new ArrayList<>(cores.size());
        for (int k = 0; k < cores.size(); k++) {
            result.add(add ? cores.get(k).plus(other.cores.get(k)) : cores.get(k).minus(other.cores.get(k)));
        }
        return result;
    }
}
