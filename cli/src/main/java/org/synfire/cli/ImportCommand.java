package org.synfire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.synfire.chip.network.file.NetworkFile;
import org.synfire.cli.internal.run.AtomicFiles;
import org.synfire.cli.internal.run.MemoryBudget;
import org.synfire.cli.internal.run.OutputPaths;
import org.synfire.datasets.npy.Npy;
import org.synfire.datasets.npy.NpyArray;
import org.synfire.interchange.nir.NirFile;
import org.synfire.interchange.nir.NirGraph;
import org.synfire.interchange.nir.NirImport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synfire import}: a NIR graph as a synfire-network/1 file for {@code synfire simulate} on loihi1. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Turns a NIR graph into a network file for synfire simulate.",
            "The file is synfire-network/1, for loihi1. Input becomes a spike generator;",
            "Affine and Linear become connections (8-bit mantissas, an exponent per",
            "connection); Threshold, IF, LIF and CubaLIF become compartment groups (time",
            "constants to decays, thresholds to vThMant); Output becomes a spike probe.",
            "Anything else is refused, naming the node. Prints each connection's exponent",
            "and largest quantisation error (docs/interchange.md)."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "GRAPH", description = "The NIR file (.nir, HDF5).")
    Path graph;

    @Option(names = "--out", required = true, paramLabel = "NETWORK", description = "The network file to write (JSON).")
    Path out;

    @Option(names = "--dt", paramLabel = "SECONDS", defaultValue = "1",
            description = "Time per timestep, in the unit of the graph's time constants (default ${DEFAULT-VALUE}:"
                    + " time constants count timesteps).")
    double dt;

    @Option(names = "--input", paramLabel = "SPIKES.npy",
            description = "Spikes of the graph's Input: a timesteps x inputs array, nonzero where an input spikes"
                    + " (default: none; the generator is left for the host).")
    Path input;

    @Override
    public Integer call() throws IOException {
        OutputPaths.requireFile("--out", out);
        NirGraph nir = NirFile.read(graph);
        int[][] spikes = input == null ? null : spikes(input, NirFile.budgetedBytes(nir));
        NirImport.Result result;
        try {
            result = NirImport.toLoihi(nir, dt, spikes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(graph + ": " + e.getMessage(), e);
        }
        // streamed: the whole text of a large network as one string would cost more than the network
        AtomicFiles.write(out, stream -> NetworkFile.write(result.network(), stream));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("wrote %s: %d groups, %d generators, %d connections, %d probes%n", out,
                result.network().groups().size(), result.network().generators().size(),
                result.network().connections().size(), result.network().probes().size());
        for (NirImport.Placed c : result.connections()) {
            stdout.printf("  %-16s exponent %2d, largest weight error %.6g%n", c.name(), c.exponent(), c.largestError());
        }
        stdout.printf("largest quantisation error: weights %.6g, thresholds %.6g, biases %.6g (in the graph's units)%n",
                result.largestWeightError(), result.largestThresholdError(), result.largestBiasError());
        return 0;
    }

    /**
     * The nonzero elements of a timesteps x inputs array, as [timestep, input] in time order; counted first and
     * checked against the memory budget with the graph's {@code graphBytes}, before any is kept.
     */
    private static int[][] spikes(Path file, long graphBytes) throws IOException {
        NpyArray a = Npy.read(file);
        int[] shape = a.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException(file + ": shape " + java.util.Arrays.toString(shape)
                    + " is not timesteps x inputs");
        }
        long elements = (long) shape[0] * shape[1];
        long count = 0;
        for (long k = 0; k < elements; k++) {
            if (a.doubleAt((int) k) != 0) {
                count++;
            }
        }
        MemoryBudget.requireInputSpikes(file.toString(), count, graphBytes);
        int[][] spikes = new int[(int) count][];
        int n = 0;
        for (int t = 0; t < shape[0]; t++) {
            for (int i = 0; i < shape[1]; i++) {
                if (a.doubleAt(t * shape[1] + i) != 0) {
                    spikes[n++] = new int[] {t, i};
                }
            }
        }
        return spikes;
    }
}
