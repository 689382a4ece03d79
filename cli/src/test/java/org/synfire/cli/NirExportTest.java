package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.cli.internal.run.WeightsFile;
import org.synfire.datasets.npy.NpyArray;
import org.synfire.datasets.npy.Npz;
import org.synfire.interchange.nir.NirFile;
import org.synfire.interchange.nir.NirForward;
import org.synfire.interchange.nir.NirGraph;
import org.synfire.interchange.nir.NirNode;

/**
 * The round trip of {@code synfire export}: train (functional) -> export -> read back with the project's own
 * NIR reader -> evaluate the graph -> the predictions of the functional evaluation, sample by sample, and
 * the accuracy {@code synfire eval} prints.
 */
class NirExportTest {

    @TempDir
    Path temp;

    /**
     * The options of a run with these hidden layers: two layers as narrow as these learn nothing on the tiny data at
     * the deep default (hidden-to-hidden matrices at exponent -2, sized for layers of hundreds of units), so they
     * train the circuit as it was before it (docs/sbp-circuit.md, "Deeper networks").
     */
    private static Map<String, String> options(String hidden) {
        return hidden.contains(",") ? Map.of("hidden-exponent", "0", "hidden-init", "spec") : Map.of();
    }

    private Path train(String hidden) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--circuit", "sbp-functional", "--dataset",
                "tiny", "--hidden", hidden, "--seed", "4", "--epochs", "2", "--runs", temp.resolve("runs").toString(),
                "--quiet"));
        options(hidden).forEach((k, v) -> args.addAll(List.of("--circuit-option", k + "=" + v)));
        CliRun trained = CliRun.withFakeData(args.toArray(String[]::new));
        assertEquals(0, trained.exitCode(), trained.err());
        try (Stream<Path> dirs = Files.list(temp.resolve("runs"))) {
            return dirs.findFirst().orElseThrow();
        }
    }

    private static Samples testSamples() {
        return new FakeDataset().load(null).test();
    }

    /** The functional evaluation's predictions of the run's weights, through the circuit SPI as eval does. */
    private static int[] functionalPredictions(Path run, List<Integer> hidden, Map<String, String> options)
            throws IOException {
        CircuitProvider provider = ServiceLoader.load(CircuitProvider.class, NirExportTest.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).filter(p -> p.id().equals("sbp-functional")).findFirst()
                .orElseThrow();
        Samples test = testSamples();
        try (TrainingSession session = provider.open(CircuitSettings.layers(test.dimension(), hidden, test.classes(),
                1, 1, options), null)) {
            session.restore(WeightsFile.readWeights(run.resolve("weights.npz")));
            return session.evaluate(test).predictions();
        }
    }

    private static int firstFiring(double[] outputs) {
        for (int k = 0; k < outputs.length; k++) {
            if (outputs[k] != 0) {
                return k;
            }
        }
        return 0;
    }

    private static double printed(String evalOut, String metric) {
        Matcher m = Pattern.compile(metric + " ([0-9.]+)").matcher(evalOut);
        assertTrue(m.find(), evalOut);
        return Double.parseDouble(m.group(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "32,24"})
    void theExportedGraphPredictsWhatEvalPredicts(String hidden) throws IOException {
        Path run = train(hidden);
        Path nir = temp.resolve("out/net.nir");

        CliRun export = CliRun.withFakeData("export", run.toString(), "--format", "nir", "--out", nir.toString());

        assertEquals(0, export.exitCode(), export.err());
        NirGraph graph = NirFile.read(nir);
        NirForward forward = new NirForward(graph);
        Samples test = testSamples();
        int[] predicted = new int[test.count()];
        int right = 0;
        for (int n = 0; n < test.count(); n++) {
            predicted[n] = firstFiring(forward.run(test.inputs(), n * test.dimension()));
            right += predicted[n] == test.labels()[n] ? 1 : 0;
        }
        List<Integer> layers = Stream.of(hidden.split(",")).map(Integer::valueOf).toList();
        assertArrayEquals(functionalPredictions(run, layers, options(hidden)), predicted);
        assertTrue(java.util.Arrays.stream(predicted).distinct().count() >= 2, "a test that can tell");
        CliRun eval = CliRun.withFakeData("eval", run.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        assertEquals(printed(eval.out(), "top1_spikes"), (double) right / test.count(), 1e-4);
        // the graph: Input, then an Affine and a Threshold per layer, then Output
        List<String> expected = new java.util.ArrayList<>(List.of("input"));
        for (int l = 1; l <= layers.size() + 1; l++) {
            expected.add("w" + l);
            expected.add(l <= layers.size() ? "h" + l : "o");
        }
        expected.add("output");
        assertEquals(expected, graph.chain());
        assertInstanceOf(NirNode.Threshold.class, graph.nodes().get("o"));
    }

    /**
     * A run of the spiking circuit on the chip exports through the same circuit SPI (its session says the network
     * of the weights on the chip); IF neurons, taken as one input volley from rest, predict the same; and a bare
     * weights file exports with its layers read off the matrices, without a run's seed or accuracy.
     */
    @Test
    void aChipRunAndABareWeightsFileExportTheSameNetwork() throws IOException {
        CliRun trained = CliRun.withFakeData("train", "--circuit", "sbp", "--dataset", "tiny", "--hidden", "12",
                "--seed", "4", "--runs", temp.resolve("runs").toString(), "--quiet");
        assertEquals(0, trained.exitCode(), trained.err());
        Path run;
        try (Stream<Path> dirs = Files.list(temp.resolve("runs"))) {
            run = dirs.findFirst().orElseThrow();
        }
        Path fromRun = temp.resolve("run.nir");
        Path fromWeights = temp.resolve("weights.nir");

        CliRun chip = CliRun.withFakeData("export", run.toString(), "--neurons", "if", "--out", fromRun.toString());
        CliRun bare = CliRun.withFakeData("export", run.resolve("weights.npz").toString(), "--circuit", "sbp-functional",
                "--out", fromWeights.toString());

        assertEquals(0, chip.exitCode(), chip.err());
        assertEquals(0, bare.exitCode(), bare.err());
        NirGraph ifGraph = NirFile.read(fromRun);
        NirGraph thresholdGraph = NirFile.read(fromWeights);
        assertEquals("sbp", ifGraph.metadata().get("circuit"));
        assertEquals(4L, ifGraph.metadata().get("seed"));
        assertFalse(thresholdGraph.metadata().containsKey("seed"));
        assertFalse(thresholdGraph.metadata().containsKey("accuracy"));
        assertEquals("[12]", thresholdGraph.metadata().get("hidden"));
        Samples test = testSamples();
        NirForward viaIf = new NirForward(ifGraph);
        NirForward viaThreshold = new NirForward(thresholdGraph);
        int[] expected = functionalPredictions(run, List.of(12), Map.of());
        for (int n = 0; n < test.count(); n++) {
            assertEquals(expected[n], firstFiring(viaIf.run(test.inputs(), n * test.dimension())), "sample " + n);
            assertEquals(expected[n], firstFiring(viaThreshold.run(test.inputs(), n * test.dimension())), "sample " + n);
        }
    }

    @Test
    void recordsCircuitSeedAccuracyAndVersion() throws IOException {
        Path run = train("12");
        Path nir = temp.resolve("net.nir");

        CliRun export = CliRun.withFakeData("export", run.toString(), "--out", nir.toString(), "--neurons", "if");

        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.out().startsWith("wrote " + nir + ": nir of circuit sbp-functional, 2 layers (24-12-4), if"),
                export.out());
        Map<String, Object> meta = NirFile.read(nir).metadata();
        assertEquals("sbp-functional", meta.get("circuit"));
        assertEquals(4L, meta.get("seed"));
        CliRun eval = CliRun.withFakeData("eval", run.toString());
        assertEquals(printed(eval.out(), "top1_spikes"), (Double) meta.get("accuracy"), 1e-4);
        assertEquals("top1_spikes", meta.get("accuracy_metric"));
        assertEquals(Main.Version.version(), meta.get("synfire_version"));
        assertEquals("if", meta.get("neurons"));
        NirNode.IF h1 = assertInstanceOf(NirNode.IF.class, NirFile.read(nir).nodes().get("h1"));
        assertEquals(512.0, h1.vThreshold()[0]);
    }

    /**
     * The NPZ holds x @ w + b > threshold per layer: evaluated here as the docs' numpy example does, it gives
     * the functional predictions; w1 is the run's w1 as it is (inputs x units).
     */
    @Test
    void theNpzHoldsTheLayersAndScalesForNumpy() throws IOException {
        Path run = train("12");
        Path npz = temp.resolve("net.npz");

        CliRun export = CliRun.withFakeData("export", run.resolve(run.getFileName() + ".tar.gz").toString(),
                "--format", "npz", "--out", npz.toString());

        assertEquals(0, export.exitCode(), export.err());
        Map<String, NpyArray> z = Npz.read(npz);
        assertArrayEquals(WeightsFile.readWeights(run.resolve("weights.npz")).get("w1"), z.get("w1").toIntMatrix());
        assertEquals(2, z.get("layers").longAt(0));
        assertEquals(0, z.get("weight_exponent").longAt(0));
        assertEquals(64.0, z.get("weight_scale").doubleAt(0));
        assertEquals(512, z.get("threshold2").longAt(3));
        assertTrue(text(z.get("units")).startsWith("weight mantissa at exponent 0"), text(z.get("units")));
        assertEquals("sbp-functional", text(z.get("circuit")));
        Samples test = testSamples();
        int[] predicted = new int[test.count()];
        for (int n = 0; n < test.count(); n++) {
            int[] x = new int[test.dimension()];
            for (int i = 0; i < x.length; i++) {
                x[i] = test.inputs()[n * test.dimension() + i];
            }
            for (int l = 1; l <= 2; l++) {
                int[][] w = z.get("w" + l).toIntMatrix();
                int[] b = z.get("b" + l).toIntArray();
                int[] th = z.get("threshold" + l).toIntArray();
                int[] y = new int[b.length];
                for (int j = 0; j < y.length; j++) {
                    int sum = b[j];
                    for (int i = 0; i < x.length; i++) {
                        sum += x[i] * w[i][j];
                    }
                    y[j] = sum > th[j] ? 1 : 0;
                }
                x = y;
            }
            double[] out = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                out[k] = x[k];
            }
            predicted[n] = firstFiring(out);
        }
        assertArrayEquals(functionalPredictions(run, List.of(12), Map.of()), predicted);
    }

    private static String text(NpyArray a) {
        byte[] b = new byte[a.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) a.longAt(i);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void wrongInputsAreRefusedInOneLineAndWriteNothing() throws IOException {
        Path run = train("12");
        Path out = temp.resolve("x.nir");

        CliRun format = CliRun.withFakeData("export", run.toString(), "--format", "onnx", "--out", out.toString());
        CliRun layers = CliRun.withFakeData("export", run.resolve("weights.npz").toString(), "--hidden", "7",
                "--out", out.toString());

        assertEquals(2, format.exitCode());
        assertEquals("synfire: --format onnx: expected one of [nir, npz]\n", format.err());
        assertEquals(2, layers.exitCode());
        assertTrue(layers.err().startsWith("synfire: ") && layers.err().contains("weights.npz")
                && layers.err().lines().count() == 1, layers.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(temp.resolve("runs")), left.toList(), "no temporary file is left");
        }
    }
}
