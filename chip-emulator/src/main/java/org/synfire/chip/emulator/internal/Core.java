package org.synfire.chip.emulator.internal;

/**
 * One neuromorphic core: its compartments, their dendritic accumulators and the synapses that fan
 * in to them. A backend steps every core through the spiking phase of a timestep, then lets the
 * {@link Router} deliver what they emitted.
 */
public interface Core {

    /** The core's index on its board (chip * coresPerChip + core within the chip). */
    int index();

    /**
     * A spike message arrived on one of this core's input axons: add the weights of the axon's
     * synapses into the dendritic accumulators at the slots their delays select.
     */
    void receive(int inputAxon);

    /**
     * The spiking phase of timestep {@code timestep}: integrate this timestep's accumulator slot,
     * update every compartment, and hand each spike on to the router.
     */
    void step(int timestep, Router router);
}
