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
 * @param names     the name of each phase, as the circuit gives them (for figures); its numbers 0, 1, ..
 *                  where it gives none
 */
public record PhaseEvents(long samples, List<ChipEvents> phases, ResourceUsage resources, List<String> names) {

    public PhaseEvents {
        if (samples < 0) {
            throw new IllegalArgumentException("samples " + samples + " cannot be negative");
        }
        phases = List.copyOf(phases);
        int count = phases.size();
        names = names == null || names.isEmpty()
                ? java.util.stream.IntStream.range(0, count).mapToObj(Integer::toString).toList()
                : List.copyOf(names);
        if (names.size() != count) {
            throw new IllegalArgumentException(names.size() + " phase names for " + count + " phases");
        }
    }

    /** Events of phases known by number only. */
    public PhaseEvents(long samples, List<ChipEvents> phases, ResourceUsage resources) {
        this(samples, phases, resources, List.of());
    }

    /** The events of all phases. */
    public ChipEvents total() {
        return phases.stream().reduce(ChipEvents::plus)
                .orElseThrow(() -> new IllegalStateException("no phases"));
    }
}
