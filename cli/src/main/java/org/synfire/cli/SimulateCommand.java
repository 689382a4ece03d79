package org.synfire.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.network.file.NetworkFile;
import org.synfire.cli.internal.run.AtomicFiles;
import org.synfire.cli.internal.run.MemoryBudget;
import org.synfire.cli.internal.run.OutputPaths;
import org.synfire.cli.internal.run.WeightsFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synfire simulate}: runs a network file on a backend and writes what its probes recorded. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs a network file on a chip backend and writes what its probes recorded.",
            "The format is synfire-network/1 (chip-network-file/network-format.md). Every probe goes to OUT as",
            "PROBE.csv (a row per recorded timestep: the timestep, then one value per compartment or",
            "synapse) and PROBE.npy (int32, rows as in the CSV, with PROBE-timesteps.npy beside it)."})
final class SimulateCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NETWORK", description = "The network file (JSON).")
    Path network;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Timesteps to run.")
    int steps;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the probe files.")
    Path out;

    @Option(names = "--backend", paramLabel = "ID", defaultValue = "loihi1",
            description = "Chip backend (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the run's random choices (stochastic rounding in learning; default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--chips", paramLabel = "N", defaultValue = "1", description = "Chips on the board.")
    int chips;

    @Override
    public Integer call() throws IOException {
        if (steps < 0) {
            throw new IllegalArgumentException("--steps " + steps + " must be 0 or more");
        }
        ChipBackend chip = main.platform(spec.commandLine().getErr()).extensions().backends().get(backend);
        MemoryBudget.requireChips(chips, backend, chip.capabilities());
        OutputPaths.requireDirectory("--out", out);
        PrintWriter stdout = spec.commandLine().getOut();
        Network net = NetworkFile.read(network);
        MemoryBudget.Probes probes = new MemoryBudget.Probes(network.getFileName() + ": probes", steps);
        for (Probe probe : net.probes()) {
            OutputPaths.requirePlainName(network.getFileName() + ": probe name", probe.name());
            probes.add(probe.name(), probe.t0(), probe.every(), columns(net, probe));
        }
        try (ChipSimulation simulation = chip.open(net, new RunOptions(seed, chips))) {
            long began = System.nanoTime();
            simulation.run(steps);
            double seconds = (System.nanoTime() - began) / 1e9;
            for (Probe probe : net.probes()) {
                write(simulation.probe(probe.name()));
            }
            stdout.printf("ran %d timesteps of %s on %s in %.3f s (%.0f timesteps/s); %d probes written to %s%n",
                    steps, network.getFileName(), backend, seconds, steps / Math.max(seconds, 1e-9),
                    net.probes().size(), out);
        }
        return 0;
    }

    /** Values a probe records per timestep: its group's compartments or its connection's synapses. */
    private static long columns(Network net, Probe probe) {
        if (probe.kind() == Probe.Kind.WEIGHTS) {
            return net.connections().stream().filter(c -> c.name().equals(probe.target()))
                    .mapToLong(c -> c.synapseCount()).findFirst().orElse(0);
        }
        return net.groups().stream().filter(g -> g.name().equals(probe.target()))
                .mapToLong(g -> g.size()).findFirst().orElse(0);
    }

    private void write(ProbeData data) throws IOException {
        int columns = data.samples() == 0 ? 0 : data.values()[0].length;
        // streamed, row by row: the whole text of a long probe would cost more than the probe itself
        AtomicFiles.write(out.resolve(data.probe() + ".csv"), stream -> {
            Writer csv = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            csv.write("timestep");
            for (int c = 0; c < columns; c++) {
                csv.write(',');
                csv.write(Integer.toString(c));
            }
            csv.write('\n');
            for (int s = 0; s < data.samples(); s++) {
                csv.write(Integer.toString(data.timesteps()[s]));
                for (int v : data.values()[s]) {
                    csv.write(',');
                    csv.write(Integer.toString(v));
                }
                csv.write('\n');
            }
            csv.flush();
        });
        WeightsFile.writeNpy(out.resolve(data.probe() + ".npy"), data.values());
        WeightsFile.writeNpy(out.resolve(data.probe() + "-timesteps.npy"), new int[][] {data.timesteps()});
    }
}
