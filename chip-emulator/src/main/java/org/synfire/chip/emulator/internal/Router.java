package org.synfire.chip.emulator.internal;

import org.synfire.chip.api.TrafficCounts;

/**
 * The network on chip and between chips: takes spike messages from the cores' output axons during
 * a timestep and delivers them to the input axons of their target cores before the next one,
 * counting messages and mesh hops as it goes (the energy model reads the counts).
 */
public interface Router {

    /** The {@code sourceCore} of spikes that come from the host (spike generators). */
    int HOST = -1;

    /**
     * A compartment on core {@code sourceCore} spiked (or, with {@link #HOST}, a generator source); its output
     * axon {@code outputAxon} fans out. The numbering of output axons is the backend's.
     */
    void send(int sourceCore, int outputAxon);

    /** Delivers every message sent in this timestep to the cores it targets. */
    void deliver();

    /** The traffic counted since the router was made. */
    TrafficCounts counts();
}
