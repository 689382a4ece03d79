package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Modules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;

/**
 * A circuit and its models are one id ({@code --circuit sbp --model functional}, {@code sbp-functional} an alias),
 * and {@code train --check-model} stops at the first sample whose weights differ between chip and model.
 */
class CircuitModelsTest {

    @TempDir
    Path runs;

    /**
     * A "chip" circuit whose one matrix w counts the samples trained in w[1][2], and a functional model of it that
     * counts the same but adds one more at its third sample: after sample 3 the chip holds 3 and the model 4
     * (a model that does not drift is the same with {@code driftAt} 0).
     */
    private static Module counters(int driftAt) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder<String, CircuitProvider> circuits =
                        MapBinder.newMapBinder(binder(), String.class, CircuitProvider.class);
                circuits.addBinding("counter").toInstance(new Counter("counter", true, 0));
                circuits.addBinding("counter-functional").toInstance(new Counter("counter-functional", false,
                        driftAt));
            }
        };
    }

    private record Counter(String id, boolean needsBackend, int driftAt) implements CircuitProvider {

        @Override
        public String description() {
            return "test counter";
        }

        @Override
        public TrainingSession open(CircuitSettings settings, ChipBackend backend) {
            int[][] w = new int[settings.size(CircuitSettings.INPUTS)][settings.size(CircuitSettings.OUTPUTS)];
            int[] trained = {0};
            return new TrainingSession() {
                @Override
                public void train(Samples samples, int index) {
                    trained[0]++;
                    w[1][2] += trained[0] == driftAt ? 2 : 1;
                }

                @Override
                public Evaluation evaluate(Samples samples) {
                    return new Evaluation(samples.count(), Map.of(), Map.of(), new int[samples.count()]);
                }

                @Override
                public Map<String, int[][]> weights() {
                    return Map.of("w", new int[][] {w[0].clone(), w[1].clone()});
                }

                @Override
                public List<String> matrices() {
                    return List.of("w");
                }

                @Override
                public void restore(Map<String, int[][]> weights) {
                    System.arraycopy(weights.get("w")[1], 0, w[1], 0, w[1].length);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private CliRun train(Module circuits, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--dataset", "tiny", "--epochs", "1",
                "--train-samples", "10", "--test-samples", "5", "--runs", runs.toString(), "--quiet"));
        args.addAll(List.of(more));
        return CliRun.with(Modules.combine(FakeDataset.module(), circuits), args.toArray(String[]::new));
    }

    @Test
    void checkModelStopsAtTheFirstSampleWhoseWeightsDiffer() {
        CliRun run = train(counters(3), "--circuit", "counter", "--check-model");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("synfire: check-model: after sample 3 (training sample "), run.err());
        assertTrue(run.err().contains("the chip circuit counter and its functional model counter-functional part: "
                + "matrix w differs in 1 entry, first at row 1, column 2: chip 3, functional model 4"), run.err());
    }

    @Test
    void checkModelPassesAndSaysWhatItChecked() {
        CliRun run = train(counters(0), "--circuit", "counter", "--check-model");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("model check            the weights of counter equalled those of its "
                + "functional model counter-functional after each of the 10 samples trained"), run.out());
        // the counter has no inference circuit: the summary does not claim a comparison on the chip
        assertTrue(run.out().contains("inference on chip      none: circuit counter has no inference circuit (a "
                + "description with a readout), so nothing was compared on the chip"), run.out());
    }

    @Test
    void checkModelOfAFunctionalModelIsAConfigurationError() {
        CliRun run = train(counters(0), "--circuit", "counter", "--model", "functional", "--check-model");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--check-model compares the chip circuit with its functional model, but "
                + "counter-functional is the functional model; train --circuit counter --model chip"), run.err());
    }

    @Test
    void modelFunctionalNamesTheFunctionalProviderAndTheOldIdStaysAnAlias() throws Exception {
        CliRun byModel = train(counters(0), "--circuit", "counter", "--model", "functional");
        CliRun byAlias = train(counters(0), "--circuit", "counter-functional");

        assertEquals(0, byModel.exitCode(), byModel.err());
        assertEquals(0, byAlias.exitCode(), byAlias.err());
        assertTrue(byModel.out().contains("circuit                counter (functional model) on no chip"),
                byModel.out());
        assertTrue(byAlias.out().contains("circuit                counter (functional model) on no chip"),
                byAlias.out());
    }

    @Test
    void anUnknownModelNamesTheCircuitsModels() {
        CliRun run = train(counters(0), "--circuit", "counter", "--model", "analog");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("synfire: circuit counter has no model 'analog'; its models: chip, functional\n",
                run.err().replace("\r", ""));
        assertTrue(!Files.exists(runs) || runs.toFile().list().length == 0, "no run directory is left behind");
    }

    @Test
    void exportOfACircuitWithoutAnInferenceNetworkSaysWhatToWrite() throws Exception {
        assertEquals(0, train(counters(0), "--circuit", "counter").exitCode());
        Path run;
        try (var dirs = Files.list(runs)) {
            run = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path out = runs.resolve("x.nir");

        CliRun export = CliRun.with(Modules.combine(FakeDataset.module(), counters(0)), "export", run.toString(),
                "--out", out.toString());
        CliRun bare = CliRun.with(Modules.combine(FakeDataset.module(), counters(0)), "export",
                run.resolve("weights.npz").toString(), "--circuit", "counter", "--out", out.toString());

        assertEquals(2, export.exitCode(), export.err());
        assertEquals("synfire: circuit counter does not describe its inference network, so it cannot be exported; its"
                + " CircuitModel must implement inferenceNetwork(weights), returning the trained weights as layers of"
                + " threshold units (InferenceNetwork; docs/writing-a-circuit.md, '7. Export and evaluate')\n",
                export.err().replace("\r", ""));
        assertEquals(2, bare.exitCode(), bare.err());
        assertTrue(bare.err().contains("weights.npz: a weights file alone does not say the circuit's inputs and "
                + "classes; give --dataset ID"), bare.err());
        assertTrue(!Files.exists(out));
    }

    /**
     * A circuit with hidden layers and a parameter of its own, K, whose defaults are hidden [40] and K = 3 (as a
     * description's would be): its one matrix is hidden[0] x K, so weights.npz shows what the run used. K = 99 is
     * refused as a description error would be.
     */
    private record Sized() implements CircuitProvider {

        @Override
        public String id() {
            return "sized";
        }

        @Override
        public String description() {
            return "test circuit with a parameter of its own";
        }

        @Override
        public boolean needsBackend() {
            return false;
        }

        @Override
        public java.util.Set<String> parameters() {
            return java.util.Set.of(CircuitSettings.INPUTS, CircuitSettings.HIDDEN, CircuitSettings.OUTPUTS, "K");
        }

        @Override
        public Map<String, List<Integer>> parameterDefaults() {
            return Map.of(CircuitSettings.HIDDEN, List.of(40), "K", List.of(3));
        }

        @Override
        public TrainingSession open(CircuitSettings settings, ChipBackend backend) {
            int k = settings.size("K");
            if (k == 99) {
                throw new org.synfire.chip.api.circuit.CircuitDescriptionException("sized.yaml: population h: size "
                        + "99 is too many", null);
            }
            int[][] w = new int[settings.parameter(CircuitSettings.HIDDEN).get(0)][k];
            return new Counter("sized", false, 0).open(settings, backend) instanceof TrainingSession counter
                    ? new TrainingSession() {
                        @Override
                        public void train(Samples samples, int index) {
                        }

                        @Override
                        public Evaluation evaluate(Samples samples) {
                            return counter.evaluate(samples);
                        }

                        @Override
                        public Map<String, int[][]> weights() {
                            return Map.of("w", w);
                        }

                        @Override
                        public void restore(Map<String, int[][]> weights) {
                        }

                        @Override
                        public void close() {
                        }
                    } : null;
        }
    }

    private static Module sized() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, CircuitProvider.class).addBinding("sized")
                        .toInstance(new Sized());
            }
        };
    }

    private int[][] trainedW() throws java.io.IOException {
        try (var dirs = Files.list(runs)) {
            Path run = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
            return org.synfire.cli.internal.run.WeightsFile.readWeights(run.resolve("weights.npz")).get("w");
        }
    }

    @Test
    void theCircuitsDefaultsStandUnlessSet() throws Exception {
        CliRun run = train(sized(), "--circuit", "sized");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("hidden layers          [40]"), run.out());
        int[][] w = trainedW();
        assertEquals(40, w.length);
        assertEquals(3, w[0].length);
    }

    @Test
    void aParameterOfTheCircuitsOwnIsSetByName() throws Exception {
        CliRun run = train(sized(), "--circuit", "sized", "--param", "K=5", "--hidden", "7");

        assertEquals(0, run.exitCode(), run.err());
        int[][] w = trainedW();
        assertEquals(7, w.length);
        assertEquals(5, w[0].length);
    }

    @Test
    void anExperimentFileSetsTheCircuitsParameters() throws Exception {
        Path file = runs.resolveSibling(runs.getFileName() + "-k6.yaml");
        Files.writeString(file, "circuit: sized\ndataset: tiny\ntrain-samples: 10\ntest-samples: 5\n"
                + "parameters: {K: 6}\n");
        try {
            CliRun run = CliRun.with(Modules.combine(FakeDataset.module(), sized()), "run", file.toString(), "--runs",
                    runs.toString(), "--quiet");

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(6, trainedW()[0].length);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anUnknownParameterOrADescriptionErrorLeavesNoRunDirectory() throws Exception {
        CliRun unknown = train(sized(), "--circuit", "sized", "--param", "Z=1");
        CliRun wrong = train(sized(), "--circuit", "sized", "--param", "K=99");

        assertEquals(2, unknown.exitCode(), unknown.err());
        assertEquals("synfire: circuit sized has no parameter Z; its parameters: [K=3]\n",
                unknown.err().replace("\r", ""));
        assertEquals(2, wrong.exitCode(), wrong.err());
        assertEquals("synfire: sized.yaml: population h: size 99 is too many\n", wrong.err().replace("\r", ""));
        assertTrue(!Files.exists(runs) || runs.toFile().list().length == 0,
                "no run directory is left behind: " + java.util.Arrays.toString(runs.toFile().list()));
    }

    @Test
    void evalOfARunWhoseCircuitIsMissingSaysWhichProviderItWas() throws Exception {
        assertEquals(0, train(sized(), "--circuit", "sized").exitCode());
        Path run;
        try (var dirs = Files.list(runs)) {
            run = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }

        CliRun eval = CliRun.withFakeData("eval", run.toString());

        assertEquals(2, eval.exitCode(), eval.err());
        assertTrue(eval.err().startsWith("synfire: unknown circuit 'sized'; available: "), eval.err());
        assertTrue(eval.err().contains("; the run was made with circuit sized of org.synfire.cli.CircuitModelsTest$Sized"),
                eval.err());
        assertTrue(eval.err().endsWith(": give the directory of the plugin jar that holds it with --plugin-path DIR\n"),
                eval.err());
    }
}
