package org.synfire.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.synfire.chip.api.ResourceUsage;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.PhaseEvents;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.cost.CostModel;
import org.synfire.chip.api.data.DataOptions;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.chip.api.spi.DatasetProvider;
import org.synfire.cli.internal.energy.EnergyReport;
import org.synfire.cli.internal.run.HiddenLayers;
import org.synfire.cli.internal.run.MemoryBudget;
import org.synfire.cli.internal.runtime.Extensions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synfire inspect}: what a circuit needs on the chip, and whether it fits. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Shows what a circuit takes on the chip, and whether it fits.",
            "Maps the circuit: cores, compartments, fan-in axons, synapses and synaptic memory per core.",
            "Sizes come from the data set (inputs, classes) and --hidden. Exit code 1 if it does not fit.",
            "Then estimates the energy and time per training sample with the backend's cost table (or",
            "--cost-table) from a calibration run: the chip's events over the first --estimate-samples training",
            "samples of the data set, read from local files only (0: no estimate)."})
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--circuit", paramLabel = "ID", defaultValue = "sbp",
            description = "Circuit (default ${DEFAULT-VALUE}).")
    String circuit;

    @Option(names = "--backend", paramLabel = "ID", defaultValue = "loihi1",
            description = "Chip backend (default ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--dataset", paramLabel = "ID", defaultValue = "mnist20",
            description = "Data set whose sizes apply (default ${DEFAULT-VALUE}); its files are read only for the"
                    + " estimate, from local files.")
    String dataset;

    @Option(names = "--hidden", paramLabel = "N[,N...]", split = ",",
            description = "Units of each hidden layer, e.g. 400,400 (default: the circuit's, 400 for sbp).")
    List<Integer> hidden;

    @Option(names = "--param", paramLabel = "NAME=N[,N...]",
            description = "A parameter of the circuit's own, repeatable, e.g. K=40 (default: the circuit's).")
    java.util.Map<String, String> params;

    @Option(names = "--estimate-samples", paramLabel = "N", defaultValue = "20",
            description = "Training samples of the calibration run the estimate is made from (default ${DEFAULT-VALUE};"
                    + " 0: no estimate).")
    int estimateSamples;

    @Option(names = "--cost-table", paramLabel = "ID",
            description = "Cost table of the estimate (default: the backend's; see 'synfire list').")
    String costTable;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory with the data set's files, looked in before $SYNFIRE_DATA and ~/.cache/synfire"
                    + " (the estimate never downloads).")
    java.nio.file.Path dataDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Extensions extensions = main.platform(spec.commandLine().getErr()).extensions();
        CircuitProvider provider = extensions.circuit(circuit, null);
        DatasetProvider data = extensions.datasets().get(dataset);
        if (!extensions.circuitModel(provider).needsBackend()) {
            out.println(circuit + " runs without a chip: nothing to map");
            return 0;
        }
        if (hidden == null) {
            hidden = provider.parameterDefaults().getOrDefault(CircuitSettings.HIDDEN, List.of(400));
        }
        java.util.Map<String, List<Integer>> own = new java.util.TreeMap<>();
        if (params != null) {
            params.forEach((name, text) -> {
                if (!provider.parameters().contains(name)) {
                    throw new IllegalArgumentException("--param " + name + ": circuit " + circuit
                            + " has no such parameter; its parameters: " + provider.parameters());
                }
                try {
                    own.put(name, java.util.Arrays.stream(text.split(",", -1)).map(String::strip).map(Integer::valueOf)
                            .toList());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--param " + name + "=" + text
                            + ": expected whole numbers separated by ',', e.g. " + name + "=40");
                }
            });
        }
        // the depth and the sizes, before anything of them is built
        HiddenLayers.require("command line", provider, hidden);
        MemoryBudget.requireLayers("command line", data.dimension(), hidden, data.classes());
        CircuitSettings settings = org.synfire.cli.internal.run.TrainingJob.settings(data.dimension(), hidden,
                data.classes(), own, 1, 1, java.util.Map.of());
        String layers = provider.parameters().contains(CircuitSettings.HIDDEN)
                ? hidden.stream().map(h -> "-" + h).collect(java.util.stream.Collectors.joining()) : "";
        out.printf("circuit %s, %d%s-%d (%s), on %s%n", circuit, data.dimension(), layers, data.classes(), dataset,
                backend);
        if (estimateSamples < 0) {
            throw new IllegalArgumentException("--estimate-samples " + estimateSamples + ": expected 0 or more");
        }
        ChipBackend chip = extensions.backends().get(backend);
        TrainingSession session;
        try {
            session = provider.open(settings, chip);
        } catch (org.synfire.chip.api.circuit.CircuitDescriptionException e) {
            throw e; // the circuit as written is wrong: a configuration error, not a chip too small
        } catch (IllegalArgumentException e) {
            out.println("fits: no: " + e.getMessage());
            return 1;
        }
        try (session) {
            Optional<ResourceUsage> usage = session.resources();
            if (usage.isEmpty()) {
                out.println("the circuit reports no resources");
                return 0;
            }
            ResourceUsage u = usage.get();
            out.printf("%6s %13s %12s %10s %18s%n", "core", "compartments", "fan-in axons", "synapses",
                    "synaptic memory");
            for (ResourceUsage.Core c : u.cores()) {
                out.printf("%6d %13d %12d %10d %11d words%n", c.core(), c.compartments(), c.fanInAxons(),
                        c.synapses(), c.synapticMemoryWords());
            }
            out.printf("%6s %13d %12s %10d %11d words (%.1f KiB)%n", "total", u.compartments(), "", u.synapses(),
                    u.synapticMemoryWords(), u.synapticMemoryWords() * 8 / 1024.0);
            out.printf("fits: yes, on %d of %d cores of %d chip(s)%n", u.cores().size(), u.coresPerChip() * u.chips(),
                    u.chips());
            if (estimateSamples > 0) {
                estimate(out, extensions, chip, data, session);
            }
        }
        return 0;
    }

    /**
     * The estimate per training sample: the events of a calibration run of the first {@link #estimateSamples} training
     * samples (from the circuit's initial weights), costed with the backend's table or {@code --cost-table}.
     */
    private void estimate(PrintWriter out, Extensions extensions, ChipBackend chip, DatasetProvider data,
            TrainingSession session) {
        Optional<String> table = costTable != null ? Optional.of(costTable) : chip.costTable();
        if (table.isEmpty()) {
            out.printf("%-22s none: backend %s names no cost table (--cost-table ID names one)%n", "estimate", backend);
            return;
        }
        CostModel model = new CostModel(extensions.costModels().get(table.get()).table());
        Samples train;
        try {
            train = data.load(new DataOptions(Optional.ofNullable(dataDir), false)).train();
        } catch (java.io.IOException | RuntimeException e) {
            out.printf("%-22s none: data set %s is not available locally (%s); the estimate never downloads: "
                    + "--data-dir DIR, or --dataset mnist20-mini (shipped in the jar)%n", "estimate", dataset,
                    e.getMessage());
            return;
        }
        int n = Math.min(estimateSamples, train.count());
        for (int i = 0; i < n; i++) {
            session.train(train, i);
        }
        Optional<PhaseEvents> events = session.chipEvents();
        Optional<EnergyReport> report = events.flatMap(e -> EnergyReport.of(circuit, "training", model, e));
        if (report.isEmpty()) {
            out.printf("%-22s none: the session counted no chip events%n", "estimate");
            return;
        }
        out.printf("%-22s from a calibration run of the first %d training samples of %s (initial weights)%n",
                "estimate", n, dataset);
        report.get().print(out);
    }
}
