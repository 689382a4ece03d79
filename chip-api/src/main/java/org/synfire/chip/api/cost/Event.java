package org.synfire.chip.api.cost;

/** The kinds of event a {@link CostTable} gives an energy and a time for. */
public enum Event {
    /** A synapse delivers a spike into a dendritic accumulator. */
    SYNAPTIC_OPERATION("synaptic-operation"),
    /** The learning engine evaluates a synapse's rule (its dependency held at the end of an epoch). */
    SYNAPTIC_UPDATE("synaptic-update"),
    /**
     * The learning engine visits a plastic synapse at the end of an epoch, whether or not its rule's dependency
     * holds: every plastic synapse of a core, every epoch. A table charges either this or {@link #SYNAPTIC_UPDATE}
     * for the learning engine's work (the other at 0), as its assumptions say.
     */
    LEARNING_VISIT("learning-visit"),
    /** A compartment update with something to integrate. */
    NEURON_UPDATE_ACTIVE("neuron-update-active"),
    /** A compartment update of a compartment at rest. */
    NEURON_UPDATE_IDLE("neuron-update-idle"),
    /** A spike message to a core of the source's own tile; every message costs one, plus its hops. */
    SPIKE_WITHIN_TILE("spike-within-tile"),
    /** A message's hop between neighbouring tiles along x. */
    HOP_EAST_WEST("hop-east-west"),
    /** A message's hop between neighbouring tiles along y. */
    HOP_NORTH_SOUTH("hop-north-south"),
    /** A message that leaves its chip (on top of its hops). */
    CHIP_CROSSING("chip-crossing"),
    /** A spike the host (or the chip's embedded processors) injects, counted once at its source. */
    HOST_SPIKE("host-spike"),
    /** The barrier synchronisation that ends every timestep. */
    BARRIER("barrier");

    private final String key;

    Event(String key) {
        this.key = key;
    }

    /** The name tables and reports use. */
    public String key() {
        return key;
    }

    /** The event named {@code key}. */
    public static Event of(String key) {
        for (Event e : values()) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no event '" + key + "'; events are "
                + java.util.Arrays.stream(values()).map(Event::key).toList());
    }
}
