package org.synfire.circuits.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.PhaseEvents;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.circuits.dsl.CircuitDescription.Readout;

/**
 * Inference on the chip with fixed weights: runs an inference circuit sample by sample and scores what
 * its readout population does ({@link ClassificationTally}). Probes read the output spikes and input
 * current in the timestep the outputs fire, and each hidden population in the first phase it declares;
 * with memoryless compartments the current is 64 times the gate's lift plus the input sum, so the
 * potential equals the functional forward pass's.
 */
public final class ChipInference {

    private ChipInference() {
    }

    /** What an inference run gives: the scores, and the chip events by phase of the inference circuit. */
    public record Result(Evaluation evaluation, PhaseEvents events) {
    }

    /**
     * Runs {@code description} with {@code matrices} on {@code samples}.
     *
     * @param matrices every matrix the inference circuit declares, by name (others are ignored)
     * @param done     told the samples done after each sample
     * @throws IllegalArgumentException if the circuit has no readout or a matrix is missing
     */
    public static Result infer(ChipBackend backend, CircuitDescription description, Map<String, int[][]> matrices,
            Samples samples, long seed, java.util.function.LongConsumer done) {
        Readout readout = description.classReadout().orElseThrow(() -> new IllegalArgumentException(
                description.name() + ": no readout: the circuit does not say where a sample's class is read"));
        Map<String, int[][]> used = new LinkedHashMap<>();
        description.matrices().keySet().forEach(name -> {
            if (!matrices.containsKey(name)) {
                throw new IllegalArgumentException(description.name() + ": matrix " + name + " is missing; have "
                        + matrices.keySet());
            }
            used.put(name, matrices.get(name));
        });
        CompiledCircuit compiled = CircuitCompiler.compile(description, used);
        int phases = description.phases();
        int origin = compiled.origin();
        int outputs = size(compiled, readout.population());
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("readout-spikes", Probe.Kind.SPIKES, readout.population(), origin + readout.phase() + 1,
                phases));
        probes.add(new Probe("readout-current", Probe.Kind.CURRENT, readout.population(),
                origin + readout.phase() + 1, phases));
        int[] hiddenSizes = new int[readout.hidden().size()];
        int hiddenUnits = 0;
        for (int h = 0; h < hiddenSizes.length; h++) {
            String hidden = readout.hidden().get(h);
            hiddenSizes[h] = size(compiled, hidden);
            hiddenUnits += hiddenSizes[h];
            List<Integer> declared = description.populations().get(hidden).phases();
            if (declared == null || declared.isEmpty()) {
                throw new IllegalArgumentException(description.name() + ": readout hidden population " + hidden
                        + " declares no phases");
            }
            probes.add(new Probe("readout-hidden:" + hidden, Probe.Kind.SPIKES, hidden, origin + declared.get(0) + 1,
                    phases));
        }
        int offset = offset(description, readout);
        CompiledCircuit circuit = compiled.withProbes(probes);
        try (ChipCircuitRunner chip = new ChipCircuitRunner(backend, circuit, new RunOptions(seed, 1))) {
            for (int n = 0; n < samples.count(); n++) {
                chip.present(samples.inputs(), n * samples.dimension(), 0);
                done.accept(n + 1L);
            }
            ProbeData spikes = chip.chip().probe("readout-spikes");
            ProbeData current = chip.chip().probe("readout-current");
            List<ProbeData> hidden = new ArrayList<>();
            for (String name : readout.hidden()) {
                hidden.add(chip.chip().probe("readout-hidden:" + name));
            }
            ClassificationTally tally = new ClassificationTally(outputs, hiddenUnits);
            int[] potential = new int[outputs];
            boolean[] fired = new boolean[outputs];
            boolean[] hiddenFired = new boolean[hiddenUnits];
            for (int n = 0; n < samples.count(); n++) {
                for (int k = 0; k < outputs; k++) {
                    potential[k] = current.get(n, k) / 64 - offset;
                    fired[k] = spikes.get(n, k) != 0;
                }
                int j = 0;
                for (int h = 0; h < hidden.size(); h++) {
                    for (int u = 0; u < hiddenSizes[h]; u++) {
                        hiddenFired[j++] = hidden.get(h).get(n, u) != 0;
                    }
                }
                tally.add(samples.labels()[n], fired, potential, hiddenFired);
            }
            return new Result(tally.evaluation(), chip.phaseEvents());
        }
    }

    private static int size(CompiledCircuit circuit, String population) {
        Integer size = circuit.description().populations().containsKey(population)
                ? circuit.sizes().get(population) : null;
        if (size == null) {
            throw new IllegalArgumentException(circuit.description().name() + ": readout population " + population
                    + " is not defined");
        }
        return size;
    }

    private static int offset(CircuitDescription description, Readout readout) {
        String text = readout.potentialOffset();
        Integer constant = description.constants().get(text);
        if (constant != null) {
            return constant;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(description.name() + ": readout potential-offset '" + text
                    + "' is neither a constant " + description.constants().keySet() + " nor a whole number");
        }
    }
}
