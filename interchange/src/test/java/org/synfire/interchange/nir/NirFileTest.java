package org.synfire.interchange.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.api.circuit.InferenceNetwork;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

/** NIR files: the layout of the reference package, read back raw with jhdf and through {@link NirFile}. */
class NirFileTest {

    @TempDir
    Path temp;

    /** 3 inputs, 2 hidden units, 1 output; the numbers are arbitrary but distinct, so a transposition shows. */
    static InferenceNetwork network() {
        return new InferenceNetwork(List.of(
                new InferenceNetwork.Layer("w1", 3, 2, new int[] {10, -20, 30, 40, 50, -60}, new int[] {1, -2},
                        new int[] {512, 512}),
                new InferenceNetwork.Layer("w2", 2, 1, new int[] {254, -256}, new int[] {0}, new int[] {512})),
                0, "mantissa", "first firing");
    }

    @Test
    void writesTheReferenceLayout() throws IOException {
        Path file = temp.resolve("net.nir");
        NirFile.write(NirExport.of(network(), NirExport.Neurons.THRESHOLD, Map.of("seed", 7L, "circuit", "sbp")), file);

        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals("1.0", hdf.getDatasetByPath("version").getData());
            assertEquals("NIRGraph", hdf.getDatasetByPath("node/type").getData());
            assertEquals("Input", hdf.getDatasetByPath("node/nodes/input/type").getData());
            assertArrayEquals(new long[] {3}, (long[]) hdf.getDatasetByPath("node/nodes/input/shape").getData());
            assertEquals("Affine", hdf.getDatasetByPath("node/nodes/w1/type").getData());
            Dataset weight = hdf.getDatasetByPath("node/nodes/w1/weight");
            assertArrayEquals(new int[] {2, 3}, weight.getDimensions()); // NIR: outputs x inputs
            assertEquals(float.class, weight.getJavaType());
            assertArrayEquals(new float[] {10, -20, 30}, ((float[][]) weight.getData())[0]);
            assertArrayEquals(new float[] {1, -2}, (float[]) hdf.getDatasetByPath("node/nodes/w1/bias").getData());
            assertEquals("Threshold", hdf.getDatasetByPath("node/nodes/h1/type").getData());
            assertArrayEquals(new float[] {512, 512},
                    (float[]) hdf.getDatasetByPath("node/nodes/h1/threshold").getData());
            assertEquals("Output", hdf.getDatasetByPath("node/nodes/output/type").getData());
            assertArrayEquals(new String[][] {{"input", "w1"}, {"w1", "h1"}, {"h1", "w2"}, {"w2", "o"}, {"o", "output"}},
                    (String[][]) hdf.getDatasetByPath("node/edges").getData());
            assertEquals(7L, hdf.getDatasetByPath("node/metadata/seed").getData());
            assertEquals("sbp", hdf.getDatasetByPath("node/metadata/circuit").getData());
            assertEquals("threshold", hdf.getDatasetByPath("node/metadata/neurons").getData());
            // a node's group holds its type and NIR's parameters, nothing else (nir.read rejects unknown keys)
            assertEquals(java.util.Set.of("type", "weight", "bias"),
                    hdf.getByPath("node/nodes/w1") instanceof io.jhdf.api.Group g ? g.getChildren().keySet() : null);
        }
        try (var left = Files.list(temp)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left");
        }
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        Path file = temp.resolve("net.nir");
        NirGraph written = NirExport.of(network(), NirExport.Neurons.IF, Map.of("accuracy", 0.75));
        NirFile.write(written, file);

        NirGraph read = NirFile.read(file);

        assertEquals(written.nodes().keySet(), read.nodes().keySet());
        assertEquals(written.edges(), read.edges());
        assertEquals(written.metadata(), read.metadata());
        NirNode.Affine w1 = assertInstanceOf(NirNode.Affine.class, read.nodes().get("w1"));
        assertArrayEquals(new double[] {10, -20, 30, 40, 50, -60}, w1.weight());
        assertArrayEquals(new double[] {1, -2}, w1.bias());
        NirNode.IF h1 = assertInstanceOf(NirNode.IF.class, read.nodes().get("h1"));
        assertArrayEquals(new double[] {1, 1}, h1.r());
        assertArrayEquals(new double[] {512, 512}, h1.vThreshold());
        assertArrayEquals(new double[] {0, 0}, h1.vReset());
        assertEquals(List.of("input", "w1", "h1", "w2", "o", "output"), read.chain());
    }

    /**
     * The graph evaluated by hand. With the thresholds of 512 nothing fires: w1 x + b for x = (1, 1, 0) is
     * (10 - 20 + 1, 40 + 50 - 2) = (-9, 88). With thresholds 0 and -1 the steps show (worked out below).
     */
    @Test
    void forwardIsTheStepOfTheWeightedSum() {
        NirGraph graph = NirExport.of(network(), NirExport.Neurons.THRESHOLD, Map.of());
        assertArrayEquals(new double[] {0}, new NirForward(graph).run(new byte[] {1, 1, 0}, 0));

        InferenceNetwork low = new InferenceNetwork(List.of(
                new InferenceNetwork.Layer("w1", 3, 2, new int[] {10, -20, 30, 40, 50, -60}, new int[] {1, -2},
                        new int[] {0, 0}),
                new InferenceNetwork.Layer("w2", 2, 1, new int[] {254, -256}, new int[] {0}, new int[] {-1})),
                0, "mantissa", "first firing");
        NirForward forward = new NirForward(NirExport.of(low, NirExport.Neurons.THRESHOLD, Map.of()));
        // x = (1, 1, 0): sums (-9, 88) -> h = (0, 1) -> o sum -256 > -1? no -> 0
        assertArrayEquals(new double[] {0}, forward.run(new byte[] {1, 1, 0}, 0));
        // x = (1, 0, 1): sums (41, -22) -> h = (1, 0) -> o sum 254 > -1 -> 1
        assertArrayEquals(new double[] {1}, forward.run(new byte[] {9, 1, 0, 1}, 1));
        // x = (0, 0, 0): sums (1, -2) -> h = (1, 0) -> 1
        assertArrayEquals(new double[] {1}, forward.run(new byte[] {0, 0, 0}, 0));
    }

    @Test
    void anUnknownNodeIsReadAsOtherAndRefusedByTheEvaluator() throws IOException {
        Path file = temp.resolve("conv.nir");
        try (var hdf = HdfFile.write(file)) {
            hdf.putDataset("version", "1.0");
            var root = hdf.putGroup("node");
            root.putDataset("type", "NIRGraph");
            var nodes = root.putGroup("nodes");
            var in = nodes.putGroup("input");
            in.putDataset("type", "Input");
            in.putDataset("shape", new long[] {4});
            var conv = nodes.putGroup("conv");
            conv.putDataset("type", "Conv2d");
            var out = nodes.putGroup("output");
            out.putDataset("type", "Output");
            out.putDataset("shape", new long[] {4});
            root.putDataset("edges", new String[][] {{"input", "conv"}, {"conv", "output"}});
        }

        NirGraph graph = NirFile.read(file);

        assertEquals(new NirNode.Other("Conv2d"), graph.nodes().get("conv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NirForward(graph));
        assertEquals("node 'conv': a Conv2d cannot be evaluated without time; expected Affine, Linear, Threshold, IF"
                + " or Output", e.getMessage());
    }

    @Test
    void aFileThatIsNotHdf5IsRefusedNamingIt() throws IOException {
        Path file = temp.resolve("text.nir");
        Files.writeString(file, "not hdf5");

        IOException e = assertThrows(IOException.class, () -> NirFile.read(file));

        assertTrue(e.getMessage().startsWith(file + ": not a readable HDF5 file"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
