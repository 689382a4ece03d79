package org.synfire.circuits.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.emulator.Loihi1Backend;

/** Host inputs are an open set: a fixed pattern, and a kind a circuit adds, reach the chip as described. */
class HostInputTest {

    /** Two relays: a generator of each kind drives a population of three units one to one; each spike fires its unit. */
    private static final String CIRCUIT = """
            name: hosts
            phases: 2
            neuron-types: {unit: {threshold: 1}}
            populations: {a: {size: 3, type: unit}, b: {size: 3, type: unit}}
            generators:
              next-class: {size: 3, emits: next-class, at: [1]}
              fixed: {size: 3, emits: pattern, neurons: [0, 2], at: [2]}
            connections:
              - {from: next-class, to: a, weight: 8}
              - {from: fixed, to: b, weight: 8}
            """;

    /** A kind of the test's own: the neuron after the sample's class, modulo the generator's size. */
    private static final HostInput NEXT_CLASS = (generator, size, neurons) ->
            (chip, input, offset, label) -> chip.inject(generator, (label + 1) % size);

    @Test
    void eachKindSendsItsSpikesInItsPhase() {
        CompiledCircuit circuit = CircuitCompiler.compile(CircuitDescriptions.parse(CIRCUIT, "hosts.yaml", Map.of()),
                Map.of()).withProbes(List.of(Probe.of("a", Probe.Kind.SPIKES, "a"), Probe.of("b", Probe.Kind.SPIKES,
                "b")));
        try (ChipCircuitRunner runner = new ChipCircuitRunner(new Loihi1Backend(), circuit, RunOptions.seed(1),
                Map.of("next-class", NEXT_CLASS))) {
            runner.present(new byte[0], 0, 1);
            runner.present(new byte[0], 0, 0);
            // sample n starts at timestep 2 + 2n (origin = phases): 'at: 1' emits at 3 + 2n and fires 'a' at 4 + 2n;
            // 'at: 2' emits at 4 + 2n, the last timestep of the sample, so its spike reaches 'b' in the next one
            assertEquals(List.of(List.of(4, 2), List.of(6, 1)), spikes(runner.chip().probe("a")));
            assertEquals(List.of(List.of(5, 0), List.of(5, 2)), spikes(runner.chip().probe("b")));
        }
    }

    @Test
    void anUnknownKindIsRefusedNamingTheGeneratorAndTheKnownKinds() {
        CompiledCircuit circuit = CircuitCompiler.compile(CircuitDescriptions.parse(CIRCUIT, "hosts.yaml", Map.of()),
                Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChipCircuitRunner(new Loihi1Backend(), circuit, RunOptions.seed(1)));
        assertTrue(e.getMessage().startsWith("hosts: generator next-class: emits 'next-class' is not a known kind; "
                + "known: [sample-input, sample-target, every-sample, pattern]"), e.getMessage());
    }

    @Test
    void aPatternOutsideItsGeneratorIsRefused() {
        String outside = CIRCUIT.replace("neurons: [0, 2]", "neurons: [0, 3]");
        CompiledCircuit circuit = CircuitCompiler.compile(CircuitDescriptions.parse(outside, "hosts.yaml", Map.of()),
                Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChipCircuitRunner(
                new Loihi1Backend(), circuit, RunOptions.seed(1), Map.of("next-class", NEXT_CLASS)));
        assertEquals("generator fixed: neuron 3 is outside 0 .. 2", e.getMessage());
    }

    /** Every spike as [timestep, neuron]. */
    private static List<List<Integer>> spikes(ProbeData data) {
        List<List<Integer>> spikes = new ArrayList<>();
        for (int s = 0; s < data.samples(); s++) {
            for (int k = 0; k < data.values()[s].length; k++) {
                if (data.get(s, k) != 0) {
                    spikes.add(List.of(data.timesteps()[s], k));
                }
            }
        }
        return spikes;
    }
}
