package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.datasets.npy.Npy;
import org.synfire.datasets.npy.NpyArray;
import org.synfire.interchange.nir.NirFile;
import org.synfire.interchange.nir.NirGraph;
import org.synfire.interchange.nir.NirNode;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * Hostile NIR imports, round 2: datasets under the old value cap, edge lists and --input spike files were not
 * counted against the memory budget (1 to 2.5 GB for files of 200 KB to 40 MB). Each is now refused in one line
 * before it is read or kept. Guards: NirFile's budget (values, edges; exit 1, a file that cannot be used) and
 * MemoryBudget.requireInputSpikes (exit 2, as the network files' sizes). The byte figures are the measured
 * constants (NirFile.BYTES_PER_VALUE 192, BYTES_PER_EDGE 768, MemoryBudget.BYTES_PER_INPUT_SPIKE 224) times the
 * counts, by hand.
 */
class ImportHostileTest {

    private static final String LIMIT = "more than the memory budget of 536870912 bytes (512 MiB)";

    @TempDir
    Path temp;

    private static void refused(CliRun run, int code, String... parts) {
        assertEquals(code, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), "'" + part + "' in " + run.err());
        }
    }

    /** A graph file of the reference layout, with the nodes {@code nodes} adds and the edges given. */
    private Path graph(String name, java.util.function.Consumer<WritableGroup> nodes, String[][] edges) {
        Path file = temp.resolve(name);
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("version", "0.5.0");
            WritableGroup root = hdf.putGroup("node");
            root.putDataset("type", "NIRGraph");
            nodes.accept(root.putGroup("nodes"));
            root.putDataset("edges", edges);
        }
        return file;
    }

    /** 1,700 x 1,700 int8 weights: a 2.9 MB file, 2,890,000 values, under the old cap of 67 million values. */
    @Test
    void anAffineOfThreeMillionWeightsIsRefusedBeforeItIsRead() {
        Path file = graph("big.nir", nodes -> {
            WritableGroup w = nodes.putGroup("w");
            w.putDataset("type", "Affine");
            byte[][] weight = new byte[1700][1700];
            for (byte[] row : weight) {
                Arrays.fill(row, (byte) 1);
            }
            w.putDataset("weight", weight);
            w.putDataset("bias", new byte[1700]);
        }, new String[][] {{"w", "w"}});

        CliRun imported = CliRun.of("import", file.toString(), "--out", temp.resolve("out.json").toString());

        // 2,890,000 x 192 = 554,880,000 bytes
        refused(imported, 1, "synfire: " + file + ": node 'w': dataset 'weight' of 2890000 values would bring the"
                + " graph to about 554880000 bytes, " + LIMIT);
        assertFalse(Files.exists(temp.resolve("out.json")));
    }

    /** 700,000 edges: at 768 bytes or more each, 537,600,000 bytes or more. */
    @Test
    void anEdgeListOfSevenHundredThousandEdgesIsRefusedBeforeItIsRead() {
        String[][] edges = new String[700_000][];
        Arrays.fill(edges, new String[] {"a", "a"});
        Path file = graph("edges.nir", nodes -> {
            WritableGroup a = nodes.putGroup("a");
            a.putDataset("type", "Input");
            a.putDataset("shape", new long[] {2});
        }, edges);

        CliRun imported = CliRun.of("import", file.toString(), "--out", temp.resolve("out.json").toString());

        refused(imported, 1, "synfire: " + file + ": the graph's edges: 700000 edges bring the graph to about", LIMIT);
    }

    /**
     * 25,000 timesteps x 100 inputs, all ones: 2,500,000 spikes in a 2.5 MB file. With the graph (Input, Linear
     * 100 x 100, Threshold, Output: 1 + 10,000 + 100 + 1 values x 192 + 3 edges x 768 = 1,941,888 bytes), the
     * spikes at 224 bytes each bring it to 561,941,888.
     */
    @Test
    void anInputOfTwoAndAHalfMillionSpikesIsRefusedBeforeAnyIsKept() throws IOException {
        Path nir = temp.resolve("net.nir");
        NirFile.write(new NirGraph(Map.of("input", new NirNode.Input(100),
                "w", new NirNode.Linear(100, 100, new double[100 * 100]),
                "t", new NirNode.Threshold(new double[100]), "output", new NirNode.Output(100)),
                List.of(new NirGraph.Edge("input", "w"), new NirGraph.Edge("w", "t"), new NirGraph.Edge("t", "output")),
                Map.of()), nir);
        byte[] ones = new byte[25_000 * 100];
        Arrays.fill(ones, (byte) 1);
        Path spikes = temp.resolve("spikes.npy");
        Npy.write(spikes, new NpyArray.Int8(new int[] {25_000, 100}, ones));

        CliRun imported = CliRun.of("import", nir.toString(), "--input", spikes.toString(), "--out",
                temp.resolve("out.json").toString());

        refused(imported, 2, "synfire: " + spikes + ": 2500000 spikes bring the import to about 561941888 bytes with"
                + " the graph, " + LIMIT);
    }
}
