package org.synfire.chip.api;

/**
 * The work one core did in some timesteps, the events that cost energy and time inside a core.
 *
 * @param core               the core, numbered across the board
 * @param synapticOperations synapses that delivered a spike into a dendritic accumulator
 * @param synapticUpdates    synapses whose learning rule the learning engine evaluated
 * @param activeUpdates      compartment updates with something to integrate (input, current, voltage,
 *                           bias or refractory count not zero)
 * @param idleUpdates        compartment updates of compartments at rest
 * @param learningVisits     plastic synapses the learning engine visits: at the end of every learning epoch, every
 *                           plastic synapse the core holds, whether or not its rule's dependency holds (0 where the
 *                           backend does not count them)
 */
public record CoreEvents(int core, long synapticOperations, long synapticUpdates, long activeUpdates,
        long idleUpdates, long learningVisits) {

    public CoreEvents {
        if (core < 0 || synapticOperations < 0 || synapticUpdates < 0 || activeUpdates < 0 || idleUpdates < 0
                || learningVisits < 0) {
            throw new IllegalArgumentException("core " + core + ": core and event counts cannot be negative");
        }
    }

    /** Counts without learning-engine visits (a backend that does not count them). */
    public CoreEvents(int core, long synapticOperations, long synapticUpdates, long activeUpdates, long idleUpdates) {
        this(core, synapticOperations, synapticUpdates, activeUpdates, idleUpdates, 0);
    }

    /** The sum of this core's counts and {@code other}'s (of the same core). */
    public CoreEvents plus(CoreEvents other) {
        requireSameCore(other);
        return new CoreEvents(core, synapticOperations + other.synapticOperations,
                synapticUpdates + other.synapticUpdates, activeUpdates + other.activeUpdates,
                idleUpdates + other.idleUpdates, learningVisits + other.learningVisits);
    }

    /** The counts since {@code earlier}, a snapshot of the same core's counts taken before. */
    public CoreEvents minus(CoreEvents earlier) {
        requireSameCore(earlier);
        return new CoreEvents(core, synapticOperations - earlier.synapticOperations,
                synapticUpdates - earlier.synapticUpdates, activeUpdates - earlier.activeUpdates,
                idleUpdates - earlier.idleUpdates, learningVisits - earlier.learningVisits);
    }

    private void requireSameCore(CoreEvents other) {
        if (other.core != core) {
            throw new IllegalArgumentException("cannot combine the counts of core " + core + " and core " + other.core);
        }
    }
}
