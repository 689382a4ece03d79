package org.synfire.chip.conformance;

import java.util.function.UnaryOperator;

import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * Base of the backend conformance kit: a backend's test class extends each {@code ...Conformance} class
 * and returns the backend under test from {@link #backend()}. Expected values in the kit are worked out by
 * hand from the project's Loihi-1 semantics page; each test's comment shows the arithmetic.
 */
public abstract class BackendConformance {

    /** The backend under test (a fresh or shared instance; the kit only calls {@code open}). */
    protected abstract ChipBackend backend();

    /** Opens {@code network} on one chip with seed 1. */
    protected ChipSimulation open(Network network) {
        return backend().open(network, RunOptions.seed(1));
    }

    /** A compartment that never fires: threshold at its maximum, memoryless (dU = dV = 4096), no bias. */
    protected static CompartmentPrototype.Builder quiet() {
        return CompartmentPrototype.builder().vThMant(CompartmentPrototype.MAX_VTH_MANT);
    }

    /**
     * Generator {@code in} (one source spiking at {@code times}) -> connection shaped by {@code connection}
     * -> group {@code n} of one compartment, probed for current ({@code u}), voltage ({@code v}) and spikes
     * ({@code s}) every timestep.
     */
    protected static Network single(CompartmentPrototype prototype, int[] times,
            UnaryOperator<ConnectionGroup.Builder> connection) {
        Network.Builder b = Network.builder()
                .add(new SpikeGenerator("in", 1, times, new int[times.length]))
                .group("n", 1, prototype);
        return connection.apply(b.connect("in", "n").weight(0)).add()
                .probe("u", Probe.Kind.CURRENT, "n")
                .probe("v", Probe.Kind.VOLTAGE, "n")
                .probe("s", Probe.Kind.SPIKES, "n")
                .build();
    }

    /** A group {@code n} of one compartment without input, probed like {@link #single}. */
    protected static Network alone(CompartmentPrototype prototype) {
        return Network.builder().group("n", 1, prototype)
                .probe("u", Probe.Kind.CURRENT, "n")
                .probe("v", Probe.Kind.VOLTAGE, "n")
                .probe("s", Probe.Kind.SPIKES, "n")
                .build();
    }

    /** Runs {@code network} for {@code timesteps} and returns column {@code column} of probe {@code probe}. */
    protected int[] run(Network network, int timesteps, String probe, int column) {
        try (ChipSimulation sim = open(network)) {
            sim.run(timesteps);
            return column(sim.probe(probe), column);
        }
    }

    /** Column {@code column} of every sample of {@code data}. */
    protected static int[] column(ProbeData data, int column) {
        int[] out = new int[data.samples()];
        for (int s = 0; s < out.length; s++) {
            out[s] = data.get(s, column);
        }
        return out;
    }

    /** The timesteps at which a 0/1 spike trace is 1. */
    protected static int[] spikeTimes(int[] spikes) {
        return java.util.stream.IntStream.range(0, spikes.length).filter(t -> spikes[t] == 1).toArray();
    }
}
