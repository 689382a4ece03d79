package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.api.data.Samples;
import org.synfire.datasets.npy.Npy;
import org.synfire.datasets.npy.NpyArray;
import org.synfire.interchange.nir.NirFile;
import org.synfire.interchange.nir.NirForward;

import io.jhdf.HdfFile;

/**
 * {@code synfire import}: export -> import -> simulate on loihi1 gives, timestep by timestep, the spikes the
 * exported graph implies; and what cannot be imported is refused in one line naming the node.
 */
class NirImportTest {

    @TempDir
    Path temp;

    /**
     * The 40 test samples go in one per timestep (sample n at timestep n). Threshold units keep nothing from
     * one timestep to the next, and a spike arrives the timestep after it is sent, so the output layer (two
     * layers up) fires at n + 2 what the graph gives for sample n, and nothing else.
     */
    @Test
    void simulatingTheImportedExportGivesTheGraphsSpikes() throws IOException {
        CliRun trained = CliRun.withFakeData("train", "--circuit", "sbp-functional", "--dataset", "tiny", "--hidden",
                "12", "--seed", "4", "--epochs", "2", "--runs", temp.resolve("runs").toString(), "--quiet");
        assertEquals(0, trained.exitCode(), trained.err());
        Path run;
        try (Stream<Path> dirs = Files.list(temp.resolve("runs"))) {
            run = dirs.findFirst().orElseThrow();
        }
        Path nir = temp.resolve("net.nir");
        assertEquals(0, CliRun.withFakeData("export", run.toString(), "--out", nir.toString()).exitCode());
        Samples test = new FakeDataset().load(null).test();
        Path spikes = temp.resolve("digits.npy");
        Npy.write(spikes, new NpyArray.Int8(new int[] {test.count(), test.dimension()}, test.inputs()));
        Path network = temp.resolve("net.json");

        CliRun imported = CliRun.of("import", nir.toString(), "--input", spikes.toString(), "--out", network.toString());

        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains(
                "largest quantisation error: weights 0.00000, thresholds 0.00000, biases 0.00000"), imported.out());
        Path out = temp.resolve("sim");
        CliRun simulated = CliRun.of("simulate", network.toString(), "--steps", String.valueOf(test.count() + 3),
                "--out", out.toString());
        assertEquals(0, simulated.exitCode(), simulated.err());
        NpyArray recorded = Npy.read(out.resolve("output.npy"));
        int[] shape = recorded.shape();
        assertArrayEquals(new int[] {test.count() + 3, 4}, shape);
        NirForward forward = new NirForward(NirFile.read(nir));
        int fired = 0;
        for (int t = 0; t < shape[0]; t++) {
            double[] expected = t >= 2 && t - 2 < test.count()
                    ? forward.run(test.inputs(), (t - 2) * test.dimension()) : new double[4];
            for (int k = 0; k < 4; k++) {
                assertEquals((int) expected[k], recorded.longAt(t * 4 + k), "timestep " + t + ", output " + k);
                fired += (int) expected[k];
            }
        }
        assertTrue(fired >= test.count() / 2, "a test that can tell: " + fired + " output spikes");
    }

    @Test
    void aGraphWithANodeLoihiHasNotIsRefusedNamingItAndNothingIsWritten() throws IOException {
        Path nir = temp.resolve("conv.nir");
        try (var hdf = HdfFile.write(nir)) {
            hdf.putDataset("version", "1.0");
            var root = hdf.putGroup("node");
            root.putDataset("type", "NIRGraph");
            var nodes = root.putGroup("nodes");
            var in = nodes.putGroup("input");
            in.putDataset("type", "Input");
            in.putDataset("shape", new long[] {4});
            var conv = nodes.putGroup("conv1");
            conv.putDataset("type", "Conv2d");
            conv.putDataset("weight", new float[] {1, 2});
            var out = nodes.putGroup("output");
            out.putDataset("type", "Output");
            out.putDataset("shape", new long[] {4});
            root.putDataset("edges", new String[][] {{"input", "conv1"}, {"conv1", "output"}});
        }
        Path network = temp.resolve("net.json");

        CliRun imported = CliRun.of("import", nir.toString(), "--out", network.toString());

        assertEquals(2, imported.exitCode());
        assertEquals("synfire: " + nir + ": node 'conv1': type Conv2d has no counterpart on loihi1 (supported: Input,"
                + " Affine, Linear, Threshold, IF, LIF, CubaLIF, Output)\n", imported.err());
        assertFalse(Files.exists(network));
        assertEquals(Arrays.asList(nir), Files.list(temp).toList());
    }

    @Test
    void aFileThatIsNotNirIsRefusedInOneLine() throws IOException {
        Path text = temp.resolve("net.nir");
        Files.writeString(text, "{}");

        CliRun imported = CliRun.of("import", text.toString(), "--out", temp.resolve("x.json").toString());

        assertEquals(1, imported.exitCode());
        assertTrue(imported.err().startsWith("synfire: " + text + ": not a readable HDF5 file"), imported.err());
        assertEquals(1, imported.err().lines().count());
    }
}
