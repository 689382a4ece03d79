package org.synfire.chip.api;

/**
 * Spike traffic a backend's router counted (on {@code loihi1}, the mesh between cores and chips).
 *
 * @param messages        spike messages delivered to a target core (one per target core of a spike)
 * @param hopsEastWest    tile-to-tile hops along the mesh's x axis
 * @param hopsNorthSouth  tile-to-tile hops along the mesh's y axis
 * @param chipCrossings   messages that left their chip
 */
public record TrafficCounts(long messages, long hopsEastWest, long hopsNorthSouth, long chipCrossings) {

    public TrafficCounts {
        if (messages < 0 || hopsEastWest < 0 || hopsNorthSouth < 0 || chipCrossings < 0) {
            throw new IllegalArgumentException("traffic counts cannot be negative");
        }
    }

    /** No traffic. */
    public static final TrafficCounts NONE = new TrafficCounts(0, 0, 0, 0);

    /** The sum of two counts. */
    public TrafficCounts plus(TrafficCounts other) {
        return new TrafficCounts(messages + other.messages, hopsEastWest + other.hopsEastWest,
                hopsNorthSouth + other.hopsNorthSouth, chipCrossings + other.chipCrossings);
    }
}
