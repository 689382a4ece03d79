package org.synfire.circuits.dsl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.CoreEvents;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.circuit.PhaseEvents;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.circuits.dsl.CircuitDescription.Generator;

/**
 * Runs a compiled circuit on a chip backend, sample by sample. The host only sends spikes: each
 * sample's input and target, and the spikes of generators that fire every sample (such as a reward);
 * weights stay on the chip until {@link #weights()} reads them.
 */
public final class ChipCircuitRunner implements AutoCloseable {

    private final CompiledCircuit circuit;
    private final ChipSimulation chip;
    /** The host's generators (those that emit every sample), ready to send. */
    private final HostInput.Emitter[] emitters;
    /** Per offset 1 .. phases: the generators (indices into the arrays above) that emit then. */
    private final int[][] emittingAt;
    private long samples;
    /**
     * The chip events of each phase, summed over the samples presented (for energy and time estimates), as counts in
     * the layout of {@link ChipEvents#writeCounts}, of the cores {@code coreNumbers}.
     */
    private final long[][] phaseEvents;
    private final int[] coreNumbers;
    /** Scratch of {@link #present}: event counts and spikes per group, before and after a timestep. */
    private final long[] countsBefore;
    private final long[] countsAfter;
    private final long[] groupSpikesBefore;
    private final long[] groupSpikesAfter;
    /** Per population (network group order) and offset 1 .. phases: whether it may fire then; null: unchecked. */
    private final boolean[][] inPhase;
    /** Spikes per population and offset 1 .. phases outside the phases it declares, over the samples presented. */
    private final long[][] outOfPhase;

    /** Opens {@code circuit} on {@code backend}, with the built-in kinds of host input. */
    public ChipCircuitRunner(ChipBackend backend, CompiledCircuit circuit, RunOptions options) {
        this(backend, circuit, options, Map.of());
    }

    /**
     * Opens {@code circuit} on {@code backend}.
     *
     * @param kinds host inputs of the circuit's own, by the name its generators give in {@code emits}
     * @throws IllegalArgumentException naming a generator whose kind is not known
     */
    public ChipCircuitRunner(ChipBackend backend, CompiledCircuit circuit, RunOptions options,
            Map<String, HostInput> kinds) {
        this.circuit = circuit;
        Map<String, HostInput> known = new LinkedHashMap<>(HostInputs.builtIn());
        known.putAll(kinds);
        List<Map.Entry<String, Generator>> perSample = circuit.description().generators().entrySet().stream()
                .filter(e -> !e.getValue().emits().equals(HostInputs.ONCE)).toList();
        this.emitters = perSample.stream().map(e -> {
            HostInput kind = known.get(e.getValue().emits());
            if (kind == null) {
                throw new IllegalArgumentException(circuit.description().name() + ": generator " + e.getKey()
                        + ": emits '" + e.getValue().emits() + "' is not a known kind; known: " + known.keySet()
                        + " and " + HostInputs.ONCE);
            }
            return kind.open(e.getKey(), circuit.sizes().get(e.getKey()), e.getValue().neurons());
        }).toArray(HostInput.Emitter[]::new);
        this.chip = backend.open(circuit.network(), options);
        this.emittingAt = new int[circuit.description().phases() + 1][];
        for (int phase = 1; phase < emittingAt.length; phase++) {
            int at = phase;
            emittingAt[phase] = IntStream.range(0, perSample.size())
                    .filter(k -> perSample.get(k).getValue().at().contains(at)).toArray();
        }
        this.coreNumbers = chip.events().cores().stream().mapToInt(CoreEvents::core).toArray();
        int counts = ChipEvents.countsLength(coreNumbers.length);
        this.phaseEvents = new long[circuit.description().phases()][counts];
        this.countsBefore = new long[counts];
        this.countsAfter = new long[counts];
        int groups = chip.spikesPerGroup().length;
        this.groupSpikesBefore = new long[groups];
        this.groupSpikesAfter = new long[groups];
        List<CircuitDescription.Population> populations = List.copyOf(circuit.description().populations().values());
        this.inPhase = new boolean[populations.size()][];
        for (int g = 0; g < populations.size(); g++) {
            List<Integer> rows = populations.get(g).phases();
            if (rows != null) {
                // a population of row p fires at offset p + 1, when the spike of gate p and its input arrive
                boolean[] allowed = new boolean[circuit.description().phases() + 1];
                for (int row : rows) {
                    allowed[row + 1] = true;
                }
                inPhase[g] = allowed;
            }
        }
        this.outOfPhase = new long[populations.size()][circuit.description().phases() + 1];
    }

    /**
     * Spikes of each population outside the phases it declares, over the samples presented: a gated
     * population fires out of phase only when its input exceeds the gating margin. Populations with
     * such spikes only, by name.
     */
    public Map<String, Long> outOfPhaseSpikes() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        outOfPhaseSpikesByPhase().forEach((population, byPhase) -> counts.put(population,
                byPhase.values().stream().mapToLong(Long::longValue).sum()));
        return counts;
    }

    /**
     * As {@link #outOfPhaseSpikes()}, by the phase in which they fell: the phase numbers of a population's
     * {@code phases} list (a spike at offset o of a sample falls in phase o - 1, the phase whose units fire then).
     * Populations and phases with such spikes only, in the description's order.
     */
    public Map<String, Map<Integer, Long>> outOfPhaseSpikesByPhase() {
        Map<String, Map<Integer, Long>> counts = new java.util.LinkedHashMap<>();
        List<String> names = List.copyOf(circuit.description().populations().keySet());
        for (int g = 0; g < outOfPhase.length; g++) {
            for (int offset = 1; offset < outOfPhase[g].length; offset++) {
                if (outOfPhase[g][offset] != 0) {
                    counts.computeIfAbsent(names.get(g), k -> new java.util.TreeMap<>()).put(offset - 1,
                            outOfPhase[g][offset]);
                }
            }
        }
        return counts;
    }

    /** Samples run so far. */
    public long samples() {
        return samples;
    }

    /**
     * Runs one sample through every phase of the circuit: the timesteps at offsets 1 .. phases after
     * the one in which the sample's first gate fires. The last of them, in which the last phase's
     * populations fire and learn, is also offset 0 of the next sample; so when this returns, every
     * weight change of the sample has been made.
     *
     * @param input  the sample's input: value {@code input[offset + i] != 0} makes input neuron i spike
     * @param offset where the sample starts in {@code input}
     * @param target the class whose target neuron spikes
     */
    public void present(byte[] input, int offset, int target) {
        int start = circuit.sampleStart(samples);
        if (chip.timestep() <= start) {
            chip.run(start + 1 - chip.timestep());
        }
        int phases = circuit.description().phases();
        // counts before and after each timestep in two buffers that swap: nothing is allocated per timestep
        long[] before = countsBefore;
        long[] after = countsAfter;
        long[] spikesBefore = groupSpikesBefore;
        long[] spikesAfter = groupSpikesAfter;
        chip.eventCounts(before);
        chip.spikesPerGroup(spikesBefore);
        for (int phase = 1; phase <= phases; phase++) {
            for (int k : emittingAt[phase]) {
                emitters[k].emit(chip, input, offset, target);
            }
            chip.run(1);
            chip.eventCounts(after);
            long[] sums = phaseEvents[phase - 1];
            for (int i = 0; i < sums.length; i++) {
                sums[i] += after[i] - before[i];
            }
            chip.spikesPerGroup(spikesAfter);
            for (int g = 0; g < inPhase.length; g++) {
                if (inPhase[g] != null && !inPhase[g][phase]) {
                    outOfPhase[g][phase] += spikesAfter[g] - spikesBefore[g];
                }
            }
            long[] swap = before;
            before = after;
            after = swap;
            swap = spikesBefore;
            spikesBefore = spikesAfter;
            spikesAfter = swap;
        }
        samples++;
    }

    /**
     * The chip events of the samples presented so far, per phase (the timesteps at offsets 1 .. phases);
     * the timesteps before the first sample's phases are left out. Empty phases before the first sample.
     */
    public PhaseEvents phaseEvents() {
        List<ChipEvents> phases = new java.util.ArrayList<>();
        for (long[] sums : phaseEvents) {
            phases.add(ChipEvents.ofCounts(sums, coreNumbers));
        }
        return new PhaseEvents(samples, phases, chip.resources(), phaseNames(circuit.description()));
    }

    /**
     * Every copy of every matrix as the chip holds it, [pre][post], by its name in a weights file
     * ({@link CompiledCircuit.MatrixConnection#key()}): the matrices themselves first under their own names.
     */
    public Map<String, int[][]> weights() {
        Map<String, int[][]> weights = new LinkedHashMap<>();
        for (boolean primary : new boolean[] {true, false}) {
            for (CompiledCircuit.MatrixConnection p : circuit.matrixConnections()) {
                if (p.primary() == primary) {
                    weights.put(p.key(), read(p));
                }
            }
        }
        return weights;
    }

    /** The weights of every connection holding a matrix, by connection name, [pre][post], as the chip holds them. */
    public Map<String, int[][]> matrixWeights() {
        Map<String, int[][]> weights = new LinkedHashMap<>();
        for (CompiledCircuit.MatrixConnection p : circuit.matrixConnections()) {
            weights.put(p.connection(), read(p));
        }
        return weights;
    }

    /** One matrix connection's weights as the chip holds them, [pre][post]. */
    private int[][] read(CompiledCircuit.MatrixConnection p) {
        return asMatrix(chip.weights(p.connection()), p.direct() ? p.rows() : p.columns(),
                p.direct() ? p.columns() : p.rows());
    }

    /**
     * Opens a copy of {@code circuit} with a spike probe on every population, presents the first
     * {@code count} samples and returns what each population fired. Learning happens on the copy only.
     */
    public static org.synfire.chip.api.circuit.SpikeRaster raster(ChipBackend backend, CompiledCircuit circuit,
            RunOptions options, byte[] inputs, int dimension, int[] labels, int count) {
        List<org.synfire.chip.api.network.Probe> probes = new java.util.ArrayList<>();
        for (String population : circuit.description().populations().keySet()) {
            probes.add(org.synfire.chip.api.network.Probe.of("raster:" + population,
                    org.synfire.chip.api.network.Probe.Kind.SPIKES, population));
        }
        CompiledCircuit probed = circuit.withProbes(probes);
        List<org.synfire.chip.api.circuit.SpikeRaster.Population> populations = new java.util.ArrayList<>();
        try (ChipCircuitRunner runner = new ChipCircuitRunner(backend, probed, options)) {
            for (int n = 0; n < count; n++) {
                runner.present(inputs, n * dimension, labels[n]);
            }
            int first = probed.sampleStart(0) + 1;
            int last = probed.sampleStart(count);
            for (String population : circuit.description().populations().keySet()) {
                org.synfire.chip.api.ProbeData data = runner.chip.probe("raster:" + population);
                java.util.List<int[]> spikes = new java.util.ArrayList<>();
                for (int s = 0; s < data.samples(); s++) {
                    int t = data.timesteps()[s];
                    if (t < first || t > last) {
                        continue;
                    }
                    for (int k = 0; k < data.values()[s].length; k++) {
                        if (data.values()[s][k] != 0) {
                            spikes.add(new int[] {t - first, k});
                        }
                    }
                }
                populations.add(new org.synfire.chip.api.circuit.SpikeRaster.Population(population,
                        circuit.sizes().get(population), spikes.stream().mapToInt(x -> x[0]).toArray(),
                        spikes.stream().mapToInt(x -> x[1]).toArray()));
            }
        }
        return new org.synfire.chip.api.circuit.SpikeRaster(circuit.description().phases(), count, populations,
                phaseNames(circuit.description()));
    }

    /** The description's name of each phase (its numbers where it gives none). */
    private static List<String> phaseNames(CircuitDescription description) {
        return java.util.stream.IntStream.range(0, description.phases()).mapToObj(description::phaseName).toList();
    }

    /** The compiled circuit it runs. */
    public CompiledCircuit circuit() {
        return circuit;
    }

    /** The simulation itself, for probes and traffic counts. */
    public ChipSimulation chip() {
        return chip;
    }

    @Override
    public void close() {
        chip.close();
    }

    /** All-to-all weights in mask order (pre-major) as [pre][post]. */
    private static int[][] asMatrix(int[] weights, int rows, int columns) {
        if (weights.length != rows * columns) {
            throw new IllegalStateException(weights.length + " weights for a " + rows + " x " + columns + " matrix");
        }
        int[][] m = new int[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(weights, i * columns, m[i], 0, columns);
        }
        return m;
    }
}
