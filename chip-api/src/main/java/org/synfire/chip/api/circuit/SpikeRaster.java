package org.synfire.chip.api.circuit;

import java.util.List;

/**
 * The spikes of a circuit's populations over a few samples, for a raster plot.
 *
 * @param phases      timesteps per sample
 * @param samples     samples shown
 * @param populations every population, in the order of the circuit
 * @param phaseNames  the name of each phase (timestep of a sample), as the circuit gives them; its
 *                    numbers 0, 1, .. where it gives none
 */
public record SpikeRaster(int phases, int samples, List<Population> populations, List<String> phaseNames) {

    public SpikeRaster {
        populations = List.copyOf(populations);
        phaseNames = phaseNames == null || phaseNames.isEmpty()
                ? java.util.stream.IntStream.range(0, phases).mapToObj(Integer::toString).toList()
                : List.copyOf(phaseNames);
        if (phaseNames.size() != phases) {
            throw new IllegalArgumentException(phaseNames.size() + " phase names for " + phases + " phases");
        }
    }

    /** A raster whose phases are known by number only. */
    public SpikeRaster(int phases, int samples, List<Population> populations) {
        this(phases, samples, populations, List.of());
    }

    /**
     * The spikes of one population: spike {@code i} is neuron {@code neurons[i]} at timestep
     * {@code timesteps[i]}, counted from the first timestep of the first sample (0 .. phases * samples - 1).
     */
    public record Population(String name, int size, int[] timesteps, int[] neurons) {

        public Population {
            if (timesteps.length != neurons.length) {
                throw new IllegalArgumentException("population " + name + ": " + timesteps.length
                        + " spike times for " + neurons.length + " neurons");
            }
            timesteps = timesteps.clone();
            neurons = neurons.clone();
        }

        @Override
        public int[] timesteps() {
            return timesteps.clone();
        }

        @Override
        public int[] neurons() {
            return neurons.clone();
        }
    }
}
