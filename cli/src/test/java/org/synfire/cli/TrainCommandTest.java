package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.cli.internal.run.Checkpoint;
import org.synfire.cli.internal.run.CheckpointMetrics;
import org.synfire.cli.internal.run.MetricsLog;
import org.synfire.cli.internal.run.WeightsFile;

/** The train command, in process, on a small synthetic data set. */
class TrainCommandTest {

    @TempDir
    Path temp;

    private CliRun train(String... args) {
        return CliRun.withFakeData(args);
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(temp.resolve("runs"))) {
            List<Path> all = runs.toList();
            assertEquals(1, all.size(), "run directories: " + all);
            return all.get(0);
        }
    }

    @Test
    void trainsAndLeavesACompleteRunDirectory() throws IOException {
        CliRun run = train("train", "--circuit", "sbp-functional", "--dataset", "tiny", "--epochs", "2",
                "--hidden", "12", "--seed", "3", "--runs", temp.resolve("runs").toString(), "--quiet");

        assertEquals(0, run.exitCode(), run.err());
        Path dir = onlyRun();
        for (String file : List.of("experiment.yaml", "run.json", "metrics.csv", "metrics.json", "weights.npz",
                "plots/accuracy.png", "plots/weights.png", dir.getFileName() + ".tar.gz")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file + " is missing from " + dir);
        }
        List<CheckpointMetrics> metrics = MetricsLog.open(dir).entries();
        assertEquals(List.of(0.5, 1.0, 1.5, 2.0), metrics.stream().map(CheckpointMetrics::epoch).toList());
        assertEquals(List.of(60L, 120L, 180L, 240L), metrics.stream().map(CheckpointMetrics::samples).toList());
        assertTrue(run.out().contains("top1_spikes"), run.out());
        Checkpoint finalWeights = WeightsFile.readCheckpoint(dir.resolve("weights.npz"));
        assertEquals(240, finalWeights.samples());
        assertEquals(24, finalWeights.weights().get("w1").length);
        assertEquals(12, finalWeights.weights().get("w1")[0].length);
    }

    @Test
    void theInferenceCircuitRunsOnTheChipWithTheTrainedWeights() throws IOException {
        CliRun run = train("train", "--circuit", "sbp-functional", "--inference-circuit", "sbp", "--dataset", "tiny",
                "--hidden", "12", "--runs", temp.resolve("runs").toString(), "--quiet");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("0 of 40 predictions differ from the functional evaluation"), run.out());
        String report = Files.readString(onlyRun().resolve("inference.json"));
        assertTrue(report.contains("\"predictions_that_differ\" : 0"), report);
        String energy = Files.readString(onlyRun().resolve("energy-inference.json"));
        assertTrue(energy.contains("\"inference\""), energy);
        assertTrue(run.out().contains("per inference sample"), run.out());
    }

    @Test
    void sameSeedSameWeights() throws IOException {
        Map<String, int[][]> first = trainWeights("a", "5");
        Map<String, int[][]> second = trainWeights("b", "5");
        Map<String, int[][]> other = trainWeights("c", "6");

        assertArrayEquals(first.get("w1"), second.get("w1"));
        assertArrayEquals(first.get("w2"), second.get("w2"));
        assertTrue(!java.util.Arrays.deepEquals(first.get("w1"), other.get("w1")), "seed 6 gave seed 5's weights");
    }

    private Map<String, int[][]> trainWeights(String runs, String seed) throws IOException {
        CliRun run = train("train", "--circuit", "sbp-functional", "--dataset", "tiny", "--hidden", "12",
                "--seed", seed, "--runs", temp.resolve(runs).toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        try (Stream<Path> dirs = Files.list(temp.resolve(runs))) {
            return WeightsFile.readCheckpoint(dirs.findFirst().orElseThrow().resolve("weights.npz")).weights();
        }
    }

    /** A short sBP run on {@code loihi1-reference} (no fast paths) ends with the weights.npz of one on {@code loihi1}. */
    @Test
    void theReferenceBackendTrainsToTheWeightsOfLoihi1() throws IOException {
        Map<String, int[][]> fast = miniWeights("loihi1");
        Map<String, int[][]> reference = miniWeights("loihi1-reference");

        assertEquals(fast.keySet(), reference.keySet());
        assertTrue(fast.containsKey("w1") && fast.containsKey("w2"), fast.keySet().toString());
        for (String name : fast.keySet()) {
            assertArrayEquals(fast.get(name), reference.get(name), name);
        }
    }

    private Map<String, int[][]> miniWeights(String backend) throws IOException {
        Path runs = temp.resolve(backend);
        CliRun run = CliRun.of("train", "--circuit", "sbp", "--backend", backend, "--dataset", "mnist20-mini",
                "--train-samples", "30", "--test-samples", "20", "--hidden", "8", "--offline", "--runs", runs.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        try (Stream<Path> dirs = Files.list(runs)) {
            return WeightsFile.readCheckpoint(dirs.findFirst().orElseThrow().resolve("weights.npz")).weights();
        }
    }

    /**
     * An interrupted run (its last checkpoint and metrics entry removed, as if the process died
     * before writing them) resumed with --resume ends with the weights of an uninterrupted run, on
     * the chip circuit as well as on the functional model.
     */
    @Test
    void aResumedRunEndsWithTheWeightsOfAnUninterruptedOne() throws IOException {
        for (String circuit : List.of("sbp-functional", "sbp")) {
            Path runs = temp.resolve(circuit);
            String[] args = {"train", "--circuit", circuit, "--dataset", "tiny", "--epochs", "2", "--hidden", "12",
                "--seed", "9", "--runs", runs.toString(), "--quiet"};
            assertEquals(0, train(args).exitCode());
            Path dir;
            try (Stream<Path> dirs = Files.list(runs)) {
                dir = dirs.findFirst().orElseThrow();
            }
            Map<String, int[][]> uninterrupted = WeightsFile.readCheckpoint(dir.resolve("weights.npz")).weights();
            // the process "died" after the checkpoint at 180 samples, before the one at 240
            Files.delete(dir.resolve("checkpoints/checkpoint-000000000240.npz"));
            Files.delete(dir.resolve("weights.npz"));

            CliRun resumed = train("train", "--resume", dir.toString(), "--quiet");

            assertEquals(0, resumed.exitCode(), resumed.err());
            assertTrue(resumed.out().contains("after 180 samples"), resumed.out());
            Map<String, int[][]> after = WeightsFile.readCheckpoint(dir.resolve("weights.npz")).weights();
            assertEquals(uninterrupted.keySet(), after.keySet());
            for (String name : uninterrupted.keySet()) {
                assertArrayEquals(uninterrupted.get(name), after.get(name), circuit + " " + name);
            }
            assertEquals(List.of(60L, 120L, 180L, 240L),
                    MetricsLog.open(dir).entries().stream().map(CheckpointMetrics::samples).toList());
        }
    }

    /**
     * With {@code lr-schedule}, the run reopens the circuit at each halving (every matrix doubled, every exponent
     * lowered by one): on the chip checked against its functional model after every sample, and resumed from the
     * checkpoint at a halving's epoch (saved before the halving) or from one after it, it ends with the weights of an
     * uninterrupted run.
     */
    @Test
    void anAnnealedRunResumedAcrossAHalvingEndsWithTheWeightsOfAnUninterruptedOne() throws IOException {
        for (String circuit : List.of("sbp-functional", "sbp")) {
            for (long cut : List.of(240L, 300L)) { // the newest but one checkpoint, at the halving after epoch 2 or after it
                Path runs = temp.resolve(circuit + "-" + cut);
                List<String> args = new java.util.ArrayList<>(List.of("train", "--circuit", circuit, "--dataset",
                        "tiny", "--epochs", "3", "--checkpoint-every", cut == 240 ? "1" : "0.5", "--hidden", "12",
                        "--seed", "9", "--circuit-option",
                        "lr-schedule=halve@1,2", "--runs", runs.toString(), "--quiet"));
                if (circuit.equals("sbp")) {
                    args.add("--check-model");
                }
                CliRun first = train(args.toArray(String[]::new));
                assertEquals(0, first.exitCode(), first.err());
                assertTrue(first.out().contains("after epoch 1: step halved") && first.out().contains("after epoch 2: "
                        + "step halved") && first.out().contains("weights saturated"), first.out());
                Path dir;
                try (Stream<Path> dirs = Files.list(runs)) {
                    dir = dirs.findFirst().orElseThrow();
                }
                Map<String, int[][]> uninterrupted = WeightsFile.readCheckpoint(dir.resolve("weights.npz")).weights();
                assertTrue(Files.isRegularFile(dir.resolve(String.format("checkpoints/checkpoint-%012d.npz", cut))));
                Files.delete(dir.resolve("checkpoints/checkpoint-000000000360.npz"));
                Files.delete(dir.resolve("weights.npz"));

                CliRun resumed = train("train", "--resume", dir.toString(), "--quiet");

                assertEquals(0, resumed.exitCode(), resumed.err());
                assertTrue(resumed.out().contains("after " + cut + " samples"), resumed.out());
                Map<String, int[][]> after = WeightsFile.readCheckpoint(dir.resolve("weights.npz")).weights();
                assertEquals(uninterrupted.keySet(), after.keySet());
                for (String name : uninterrupted.keySet()) {
                    assertArrayEquals(uninterrupted.get(name), after.get(name), circuit + " " + name + " from " + cut);
                }
            }
        }
    }

    /**
     * The energy of an annealed run on the chip covers every stage: the circuit reopened at each halving, and the
     * estimate counts the samples of all three epochs (360), not only those after the last halving (120), and says
     * how many stages it covers.
     */
    @Test
    void theEnergyOfAnAnnealedRunCoversEveryStage() throws IOException {
        CliRun run = train("train", "--circuit", "sbp", "--dataset", "tiny", "--epochs", "3", "--hidden", "12",
                "--seed", "9", "--circuit-option", "lr-schedule=halve@1,2", "--runs", temp.resolve("runs").toString(),
                "--quiet");

        assertEquals(0, run.exitCode(), run.err());
        List<String> energy = run.out().lines().filter(l -> l.startsWith("energy / time")
                && l.contains("per training sample")).toList();
        assertEquals(1, energy.size(), run.out());
        assertTrue(energy.get(0).endsWith("(estimate, loihi1-davies2018-blouw2019, 360 samples, 3 stages of the step)"),
                energy.get(0));
        String json = Files.readString(onlyRun().resolve("energy.json"));
        assertTrue(json.contains("\"samples\" : 360"), json);
    }

    @Test
    void circuitOptionsChooseTheInitialWeightsAndAreKeptInTheRunDirectory() throws IOException {
        CliRun run = train("train", "--circuit", "sbp-functional", "--dataset", "tiny", "--hidden", "12", "--seed",
                "5", "--circuit-option", "init=spec", "--runs", temp.resolve("runs").toString(), "--quiet");

        assertEquals(0, run.exitCode(), run.err());
        Path dir = onlyRun();
        String yaml = Files.readString(dir.resolve("experiment.yaml")); // every option recorded, the given one as given
        assertTrue(yaml.contains("circuit-options:\n") && yaml.contains("\n  init: spec\n"), yaml);
        Map<String, int[][]> spec = WeightsFile.readCheckpoint(dir.resolve("weights.npz")).weights();
        Map<String, int[][]> byDefault = trainWeights("default", "5");
        assertTrue(!java.util.Arrays.deepEquals(byDefault.get("w2"), spec.get("w2")), "the option changed nothing");
        CliRun alias = train("train", "--circuit", "sbp-functional", "--dataset", "tiny", "--hidden", "12", "--seed",
                "5", "--circuit-option", "init=shifted-w2", "--runs", temp.resolve("alias").toString(), "--quiet");
        assertEquals(0, alias.exitCode(), alias.err());
        try (Stream<Path> dirs = Files.list(temp.resolve("alias"))) {
            Map<String, int[][]> shifted = WeightsFile.readCheckpoint(dirs.findFirst().orElseThrow()
                    .resolve("weights.npz")).weights();
            assertTrue(java.util.Arrays.deepEquals(byDefault.get("w2"), shifted.get("w2")),
                    "init=shifted-w2 is the default init=positive-output under its former name");
        }
    }

    @Test
    void anUnknownCircuitOptionIsRefusedNamingTheKnownOnes() {
        CliRun run = train("train", "--circuit", "sbp-functional", "--dataset", "tiny", "--hidden", "12",
                "--circuit-option", "lr=4", "--runs", temp.resolve("runs").toString(), "--quiet");

        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("circuit sbp-functional has no option lr; its options are [hidden-exponent, hidden-init, hidden-window, init, lr-schedule, lr-stage]"), run.err());
    }

    @Test
    void anUnknownBackendIsAConfigurationError() {
        CliRun run = train("train", "--circuit", "sbp", "--backend", "truenorth", "--dataset", "tiny",
                "--runs", temp.resolve("runs").toString(), "--quiet");

        assertEquals(2, run.exitCode());
        assertEquals("synfire: unknown backend 'truenorth'; available: ideal, loihi1, loihi1-reference, loihi2\n", run.err());
    }

    @Test
    void anUnknownDatasetIsAConfigurationError() {
        CliRun run = train("train", "--dataset", "cifar", "--runs", temp.resolve("runs").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("synfire: unknown data set 'cifar'; available: "), run.err());
    }

    @Test
    void aBadOptionValueIsAUsageError() {
        CliRun run = train("train", "--dataset", "tiny", "--epochs", "0", "--runs", temp.resolve("runs").toString());

        assertEquals(2, run.exitCode());
        assertEquals("synfire: command line: field 'epochs' is 0; expected a whole number of at least 1\n", run.err());
    }
}
