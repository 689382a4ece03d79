package org.synfire.chip.api.cost;

import java.util.EnumMap;
import java.util.Map;

import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.CoreEvents;

/**
 * Turns counted events into energy and time with a {@link CostTable}.
 *
 * <p>Energy: the count of every event times its figure. Every spike message costs a spike within a tile
 * plus one hop figure per tile it crosses (and a chip crossing if it leaves its chip).
 *
 * <p>Time: the cores work in parallel within a timestep and wait at its barrier, so a timestep takes its
 * busiest core's time (synaptic operations, synaptic updates, learning-engine visits and compartment updates,
 * each core doing its own one after the other) plus the barrier of the tiles in use. Message and hop times are
 * assumed hidden behind the cores' work (the mesh is pipelined) and enter only the serial breakdown, as do host
 * spikes. For a window of more than one timestep the busiest core is taken over the window's summed counts, exact
 * for one timestep and otherwise a lower bound (when the busiest core changes from timestep to timestep).
 */
public final class CostModel {

    private static final double PICO = 1e-12;
    private static final double NANO = 1e-9;

    private final CostTable table;

    public CostModel(CostTable table) {
        this.table = table;
    }

    public CostTable table() {
        return table;
    }

    /** The estimate of {@code events}, counted on a network that spans {@code tiles} tiles. */
    public CostEstimate estimate(ChipEvents events, int tiles) {
        Map<Event, Long> counts = new EnumMap<>(Event.class);
        counts.put(Event.SYNAPTIC_OPERATION, events.synapticOperations());
        counts.put(Event.SYNAPTIC_UPDATE, events.synapticUpdates());
        counts.put(Event.LEARNING_VISIT, events.learningVisits());
        counts.put(Event.NEURON_UPDATE_ACTIVE, events.activeUpdates());
        counts.put(Event.NEURON_UPDATE_IDLE, events.idleUpdates());
        counts.put(Event.SPIKE_WITHIN_TILE, events.messages());
        counts.put(Event.HOP_EAST_WEST, events.hopsEastWest());
        counts.put(Event.HOP_NORTH_SOUTH, events.hopsNorthSouth());
        counts.put(Event.CHIP_CROSSING, events.chipCrossings());
        counts.put(Event.HOST_SPIKE, events.hostSpikes());
        counts.put(Event.BARRIER, events.barriers());
        Map<Event, Double> joulesBy = new EnumMap<>(Event.class);
        Map<Event, Double> secondsBy = new EnumMap<>(Event.class);
        double joules = 0;
        for (Map.Entry<Event, Long> c : counts.entrySet()) {
            if (c.getKey() == Event.BARRIER) {
                continue;
            }
            Figure f = table.figure(c.getKey());
            double j = c.getValue() * f.picojoules() * PICO;
            joulesBy.put(c.getKey(), j);
            secondsBy.put(c.getKey(), c.getValue() * f.nanoseconds() * NANO);
            joules += j;
        }
        double barrier = events.barriers() == 0 ? 0 : events.barriers() * table.barrierNanoseconds(tiles) * NANO;
        joulesBy.put(Event.BARRIER, 0.0);
        secondsBy.put(Event.BARRIER, barrier);
        double busiest = 0;
        for (CoreEvents core : events.cores()) {
            busiest = Math.max(busiest, coreNanoseconds(core));
        }
        return new CostEstimate(joules, busiest * NANO + barrier, counts, joulesBy, secondsBy);
    }

    /** The time one core works on {@code core}'s counts, ns. */
    public double coreNanoseconds(CoreEvents core) {
        return core.synapticOperations() * table.figure(Event.SYNAPTIC_OPERATION).nanoseconds()
                + core.synapticUpdates() * table.figure(Event.SYNAPTIC_UPDATE).nanoseconds()
                + core.learningVisits() * table.figure(Event.LEARNING_VISIT).nanoseconds()
                + core.activeUpdates() * table.figure(Event.NEURON_UPDATE_ACTIVE).nanoseconds()
                + core.idleUpdates() * table.figure(Event.NEURON_UPDATE_IDLE).nanoseconds();
    }
}
