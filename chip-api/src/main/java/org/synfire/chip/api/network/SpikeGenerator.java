package org.synfire.chip.api.network;

import java.util.Arrays;

/**
 * Host input: {@code size} spike sources. Spikes scheduled up front are given as pairs
 * {@code (times[k], neurons[k])}; more can be injected while the network runs. A spike emitted at
 * timestep {@code t} reaches its targets at {@code t + 1 + delay}, as a compartment's would.
 *
 * @param name    unique among groups and generators
 * @param size    number of sources, at least 1
 * @param times   emission timesteps of the scheduled spikes, each 0 or more, in non-decreasing order
 * @param neurons the source of each scheduled spike, 0 .. size - 1
 */
public record SpikeGenerator(String name, int size, int[] times, int[] neurons) {

    public SpikeGenerator {
        Check.name("generator", name);
        String where = "generator " + name;
        Check.range(where, "size", size, 1, Integer.MAX_VALUE);
        times = times.clone();
        neurons = neurons.clone();
        if (times.length != neurons.length) {
            throw new IllegalArgumentException(where + ": " + times.length + " spike times but "
                    + neurons.length + " neuron indices; expected one index per time");
        }
        for (int k = 0; k < times.length; k++) {
            Check.range(where, "spike time", times[k], k == 0 ? 0 : times[k - 1], Integer.MAX_VALUE);
            Check.range(where, "neuron index", neurons[k], 0, size - 1);
        }
    }

    /** A generator with no scheduled spikes: everything it sends is injected at run time. */
    public static SpikeGenerator hostInjected(String name, int size) {
        return new SpikeGenerator(name, size, new int[0], new int[0]);
    }

    @Override
    public int[] times() {
        return times.clone();
    }

    @Override
    public int[] neurons() {
        return neurons.clone();
    }

    /** Number of scheduled spikes. */
    public int spikeCount() {
        return times.length;
    }

    /** Emission timestep of scheduled spike {@code k}. */
    public int time(int k) {
        return times[k];
    }

    /** Source of scheduled spike {@code k}. */
    public int neuron(int k) {
        return neurons[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpikeGenerator g && g.name.equals(name) && g.size == size
                && Arrays.equals(g.times, times) && Arrays.equals(g.neurons, neurons);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + size) + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "SpikeGenerator[" + name + ", size " + size + ", " + times.length + " scheduled spikes]";
    }
}
