package org.synfire.chip.api;

import java.util.List;

/**
 * What a network takes of the chips it was mapped onto, core by core.
 *
 * @param chips        chips on the board
 * @param coresPerChip cores of one chip
 * @param coresPerTile cores of one tile of the mesh
 * @param cores        every core in use, in core order
 */
public record ResourceUsage(int chips, int coresPerChip, int coresPerTile, List<Core> cores) {

    public ResourceUsage {
        cores = List.copyOf(cores);
    }

    /**
     * One core in use.
     *
     * @param core                  the core's index on the board
     * @param compartments          compartments placed on it
     * @param fanInAxons            input axons it receives spikes on
     * @param synapses              synapses it stores
     * @param synapticMemoryWords   64-bit words of synaptic memory they take
     */
    public record Core(int core, int compartments, int fanInAxons, long synapses, int synapticMemoryWords) {
    }

    /** Tiles holding at least one core in use: they take part in every barrier. */
    public int tiles() {
        return (int) cores.stream().mapToInt(c -> c.core() / coresPerTile).distinct().count();
    }

    /** Bits of synaptic memory in use: the words of the synapse lists, 64 bits each. */
    public long synapticMemoryBits() {
        return synapticMemoryWords() * 64;
    }

    public int compartments() {
        return cores.stream().mapToInt(Core::compartments).sum();
    }

    public long synapses() {
        return cores.stream().mapToLong(Core::synapses).sum();
    }

    public long synapticMemoryWords() {
        return cores.stream().mapToLong(Core::synapticMemoryWords).sum();
    }
}
