package org.synfire.chip.api.circuit;

import java.util.List;

import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.ResourceUsage;

/**
 * The chip events of the samples a circuit ran, summed per phase (timestep of a sample).
 *
 * @param samples   samples counted
 * @param phases    the events of each phase, summed over the samples, phase 1 first
 * @param resources what the circuit occupies on the chip
 */
public record PhaseEvents(long samples, List<ChipEvents> phases, ResourceUsage resources) {

    public PhaseEvents {
        if (samples < 0) {
            throw new IllegalArgumentException("samples " + samples + " cannot be negative");
        }
        phases = List.copyOf(phases);
    }

    /** The events of all phases. */
    public ChipEvents total() {
        return phases.stream().reduce(ChipEvents::plus)
                .orElseThrow(() -> new IllegalStateException("no phases"));
    }
}
