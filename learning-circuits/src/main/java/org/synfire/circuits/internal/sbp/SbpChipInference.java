package org.synfire.circuits.internal.sbp;

import java.util.List;
import java.util.Map;

import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.circuits.dsl.ChipCircuitRunner;
import org.synfire.circuits.dsl.CircuitCompiler;
import org.synfire.circuits.dsl.CircuitDescription;
import org.synfire.circuits.dsl.CircuitDescriptions;
import org.synfire.circuits.dsl.CompiledCircuit;

/**
 * Inference on the chip: the 4-phase sBP inference circuit (sbp-inference.yaml) with fixed weights,
 * one sample per 4 timesteps. Probes read the output spikes and the output current at the timestep
 * the outputs fire (offset 4), and the hidden spikes at offset 3. With memoryless compartments the
 * output current is {@code 64 * (G + a2)}, the gate's lift plus the potential the functional model
 * calls a2, so the two evaluations agree sample by sample.
 */
final class SbpChipInference {

    static final CircuitDescription INFERENCE = CircuitDescriptions.resource(SbpChipInference.class,
            "/org/synfire/circuits/sbp/sbp-inference.yaml");
    private static final int GATE = INFERENCE.constants().get("G");

    private SbpChipInference() {
    }

    /** What an inference run gives: the scores, and the chip events by phase of the inference circuit. */
    record Result(Evaluation evaluation, org.synfire.chip.api.circuit.PhaseEvents events) {
    }

    static Result infer(ChipBackend backend, CircuitSettings settings, int[][] w1, int[][] w2, Samples samples) {
        CompiledCircuit compiled = CircuitCompiler.compile(INFERENCE, Map.of("n_in", settings.inputs(),
                "n_hid", settings.hidden(), "n_out", settings.outputs()), Map.of("W1", w1, "W2", w2));
        int phases = INFERENCE.phases();
        int origin = compiled.origin();
        CompiledCircuit circuit = compiled.withProbes(List.of(
                new Probe("o-spikes", Probe.Kind.SPIKES, "o", origin + phases, phases),
                new Probe("o-current", Probe.Kind.CURRENT, "o", origin + phases, phases),
                new Probe("h-spikes", Probe.Kind.SPIKES, "h", origin + phases - 1, phases)));
        try (ChipCircuitRunner chip = new ChipCircuitRunner(backend, circuit, new RunOptions(settings.seed(), 1))) {
            for (int n = 0; n < samples.count(); n++) {
                chip.present(samples.inputs(), n * samples.dimension(), 0);
            }
            ProbeData spikes = chip.chip().probe("o-spikes");
            ProbeData current = chip.chip().probe("o-current");
            ProbeData hidden = chip.chip().probe("h-spikes");
            EvaluationTally tally = new EvaluationTally(settings.outputs(), settings.hidden());
            int[] potential = new int[settings.outputs()];
            boolean[] fired = new boolean[settings.outputs()];
            boolean[] hiddenFired = new boolean[settings.hidden()];
            for (int n = 0; n < samples.count(); n++) {
                for (int k = 0; k < potential.length; k++) {
                    potential[k] = current.get(n, k) / 64 - GATE;
                    fired[k] = spikes.get(n, k) != 0;
                }
                for (int j = 0; j < hiddenFired.length; j++) {
                    hiddenFired[j] = hidden.get(n, j) != 0;
                }
                tally.add(samples.labels()[n], fired, potential, hiddenFired);
            }
            return new Result(tally.evaluation(), chip.phaseEvents());
        }
    }
}
