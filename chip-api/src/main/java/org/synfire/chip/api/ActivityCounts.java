package org.synfire.chip.api;

/**
 * Work the cores did, for energy and time estimates (the traffic between cores is {@link TrafficCounts}).
 *
 * @param timesteps          timesteps run
 * @param compartmentUpdates compartment updates (every compartment in every timestep)
 * @param spikes             spikes of compartments
 * @param hostSpikes         spikes of generator sources (host input)
 * @param synapticOperations synapses that delivered a spike into a dendritic accumulator
 */
public record ActivityCounts(long timesteps, long compartmentUpdates, long spikes, long hostSpikes,
        long synapticOperations) {

    public ActivityCounts {
        if (timesteps < 0 || compartmentUpdates < 0 || spikes < 0 || hostSpikes < 0 || synapticOperations < 0) {
            throw new IllegalArgumentException("activity counts cannot be negative");
        }
    }
}
