package org.synfire.chip.api;

/**
 * What a network occupies on the chip.
 *
 * @param cores              cores holding at least one compartment
 * @param tiles              tiles holding at least one such core (they take part in every barrier)
 * @param compartments       compartments
 * @param synapses           synapses
 * @param synapticMemoryBits bits of synaptic memory the synapses take
 */
public record ChipResources(int cores, int tiles, long compartments, long synapses, long synapticMemoryBits) {

    public ChipResources {
        if (cores < 0 || tiles < 0 || compartments < 0 || synapses < 0 || synapticMemoryBits < 0) {
            throw new IllegalArgumentException("chip resources cannot be negative");
        }
    }
}
