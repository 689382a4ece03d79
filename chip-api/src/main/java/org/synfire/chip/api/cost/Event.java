package org.synfire.chip.api.cost;

/** The kinds of event a {@link CostTable} gives an energy and a time for. */
public enum Event {
    /** A synapse delivers a spike into a dendritic accumulator. */
    SYNAPTIC_OPERATION("synaptic-operation"),
    /** The learning engine evaluates a synapse's rule. */
    SYNAPTIC_UPDATE("synaptic-update"),
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
