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
                + " threshold units (InferenceNetwork; docs/writing-a-circuit.md, 'Export')\n",
                export.err().replace("\r", ""));
        assertEquals(2, bare.exitCode(), bare.err());
        assertTrue(bare.err().contains("weights.npz: a weights file alone does not say the circuit's inputs and "
                + "classes; give --dataset ID"), bare.err());
        assertTrue(!Files.exists(out));
    }
}
