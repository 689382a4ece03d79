package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.cli.internal.run.WeightsFile;
import org.synfire.cli.internal.sweep.PointState;
import org.synfire.cli.internal.sweep.Stats;

/**
 * {@code synfire sweep} on the local executor, end to end: every point runs in a child JVM as an ordinary run
 * (the weights of a plain {@code train}), a second run of the command runs nothing, a failed point is reported
 * and does not stop the others, and a point killed with SIGKILL continues from its last checkpoint to the weights
 * of an uninterrupted run. Data: the embedded MNIST subset, a few hundred samples.
 */
class SweepLocalTest {

    private static final List<String> SMALL = List.of("--set", "circuit=sbp-functional", "--set", "train-samples=200",
            "--set", "test-samples=50");

    @TempDir
    Path temp;

    private CliRun sweep(List<String> args) {
        List<String> all = new ArrayList<>(List.of("sweep"));
        all.addAll(args);
        all.addAll(List.of("--sweeps", temp.resolve("sweeps").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static List<String> args(List<String> head, String... more) {
        List<String> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /**
     * A schedule of several epochs is one value of {@code --set}: its epochs joined by '+' (commas separate values),
     * and the point halves the step after each of them.
     */
    @Test
    void aScheduleOfSeveralEpochsIsOneValueOfSet() throws IOException {
        List<String> command = args(List.of("quick", "--seeds", "1"), "--parallel", "1", "--set", "epochs=3", "--set",
                "circuit-option.lr-schedule=halve-output@1+2");
        command.addAll(SMALL);

        CliRun run = sweep(command);

        assertEquals(0, run.exitCode(), run.out() + run.err());
        Path dir = temp.resolve("sweeps").resolve("quick");
        assertTrue(run.out().contains("1 of 1 points done, 0 running, 0 failed, 0 waiting"), run.out());
        String log = Files.readString(dir.resolve("logs").resolve("seed=1.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("after epoch 1: ") && log.contains("after epoch 2: "), log);
        assertTrue(Files.readString(dir.resolve("points").resolve("seed=1").resolve("experiment.yaml"))
                .contains("lr-schedule: halve-output@1+2"), "the schedule recorded as given");
    }

    @Test
    void everyPointIsAnOrdinaryRunAndRunningAgainRunsNothing() throws IOException {
        List<String> command = args(List.of("quick", "--seeds", "1..2"), "--parallel", "2");
        command.addAll(SMALL);
        command.addAll(List.of("--set", "init=spec,positive-output"));

        CliRun run = sweep(command);

        assertEquals(0, run.exitCode(), run.out() + run.err());
        Path dir = temp.resolve("sweeps").resolve("quick");
        assertTrue(run.out().contains("4 of 4 points done, 0 running, 0 failed, 0 waiting"), run.out());
        for (int done = 1; done <= 4; done++) {
            assertTrue(run.out().matches("(?s).*\nsweep quick: " + done + " of 4 points done, 0 failed, [0-2] running"
                    + (done < 4 ? ", ETA \\d+:\\d\\d" : "") + " \\| init=[a-z-]+_seed=[12] done: top1_spikes 0\\.\\d+\n.*"),
                    "a progress line with an ETA as each point ends:\n" + run.out());
        }
        List<String> ids = List.of("init=spec_seed=1", "init=spec_seed=2", "init=positive-output_seed=1",
                "init=positive-output_seed=2");
        for (String id : ids) {
            Path point = dir.resolve("points").resolve(id);
            for (String file : new String[] {"result.json", "weights.npz", "metrics.csv", "run.json", "experiment.yaml"}) {
                assertTrue(Files.isRegularFile(point.resolve(file)), point.resolve(file) + " missing");
            }
            assertEquals(1, PointState.read(dir.resolve("state").resolve(id + ".json")).orElseThrow().attempts());
        }

        // a point is the run a plain train makes with its settings
        CliRun train = CliRun.of("train", "--circuit", "sbp-functional", "--dataset", "mnist20-mini", "--train-samples",
                "200", "--test-samples", "50", "--seed", "2", "--circuit-option", "init=spec", "--quiet", "--runs",
                temp.resolve("runs").toString());
        assertEquals(0, train.exitCode(), train.err());
        assertSameWeights(onlyRun(temp.resolve("runs")).resolve("weights.npz"),
                dir.resolve("points").resolve("init=spec_seed=2").resolve("weights.npz"));
        CliRun eval = CliRun.of("eval", dir.resolve("points").resolve("init=spec_seed=2").toString());
        assertEquals(0, eval.exitCode(), eval.err());

        // the report: a row per point, the groups' statistics from those rows, figures that are images
        List<String> points = Files.readAllLines(dir.resolve("report").resolve("points.csv"));
        assertEquals(5, points.size(), String.join("\n", points));
        List<String> header = List.of(points.get(0).split(","));
        for (String column : new String[] {"point", "status", "init", "seed", "top1_spikes", "dead_outputs",
            "dead_hidden", "wall_seconds", "stalled"}) {
            assertTrue(header.contains(column), column + " missing from " + header);
        }
        List<Double> spec = new ArrayList<>();
        for (String line : points.subList(1, points.size())) {
            String[] f = line.split(",", -1);
            assertEquals("done", f[header.indexOf("status")], line);
            assertTrue(Double.parseDouble(f[header.indexOf("wall_seconds")]) > 0, line);
            if (f[header.indexOf("init")].equals("spec")) {
                spec.add(Double.parseDouble(f[header.indexOf("top1_spikes")]));
            }
        }
        assertEquals(2, spec.size());
        String summaryRow = Files.readAllLines(dir.resolve("report").resolve("summary.csv")).stream()
                .filter(l -> l.startsWith("init=spec,spec,top1_spikes,")).findFirst().orElseThrow();
        String[] s = summaryRow.split(",");
        Stats expected = Stats.of(spec);
        assertEquals("2", s[3]);
        assertEquals(expected.mean(), Double.parseDouble(s[4]), 1e-12);
        assertEquals(expected.sd(), Double.parseDouble(s[5]), 1e-12);
        assertEquals(expected.median(), Double.parseDouble(s[6]), 1e-12);
        assertTrue(Files.readString(dir.resolve("report").resolve("summary.md")).contains("## init=positive-output"));
        for (String png : new String[] {"accuracy.png", "boxplot.png"}) {
            BufferedImage image = ImageIO.read(dir.resolve("report").resolve(png).toFile());
            assertNotNull(image, png);
            assertTrue(image.getWidth() >= 500 && image.getHeight() >= 400, png);
        }

        CliRun again = sweep(command);
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains("running 0 on local"), again.out());
        for (String id : ids) {
            assertEquals(1, PointState.read(dir.resolve("state").resolve(id + ".json")).orElseThrow().attempts(), id);
        }
        CliRun status = CliRun.of("sweep", "status", dir.toString());
        assertEquals(0, status.exitCode(), status.err());
        assertEquals("4 of 4 points done, 0 running, 0 failed, 0 waiting", status.out().strip());
    }

    @Test
    void aFailedPointIsReportedAndDoesNotStopTheOthers() throws IOException {
        // the chip circuit needs the backend, which does not exist; the functional model never asks for it
        List<String> command = new ArrayList<>(List.of("quick", "--seeds", "1", "--parallel", "1", "--set",
                "circuit=sbp,sbp-functional", "--set", "backend=no-such-chip", "--set", "train-samples=200", "--set",
                "test-samples=50"));

        CliRun run = sweep(command);

        assertEquals(1, run.exitCode(), run.out() + run.err());
        Path dir = temp.resolve("sweeps").resolve("quick");
        assertTrue(Files.isRegularFile(dir.resolve("points").resolve("circuit=sbp-functional_seed=1")
                .resolve("result.json")), run.out());
        CliRun status = CliRun.of("sweep", "status", dir.toString());
        assertTrue(status.out().startsWith("1 of 2 points done, 0 running, 1 failed, 0 waiting"), status.out());
        assertTrue(status.out().matches("(?s).*failed +circuit=sbp_seed=1: exit code 2: .*no-such-chip.*"),
                status.out());
        assertTrue(run.out().contains("resume the failed points with: synfire sweep resume " + dir), run.out());
        String md = Files.readString(dir.resolve("report").resolve("summary.md"));
        assertTrue(md.contains("## Failed points") && md.contains("no-such-chip"), md);
        assertTrue(Files.readString(dir.resolve("report").resolve("points.csv")).contains("circuit=sbp_seed=1,failed,"));
    }

    @Test
    void aKilledPointContinuesFromItsLastCheckpoint() throws Exception {
        // 6,000 samples through the chip circuit: a few seconds, checkpoints every 100 samples
        List<String> command = List.of("quick", "--seeds", "3", "--parallel", "1", "--set", "epochs=3", "--set",
                "train-samples=2000", "--set", "test-samples=20", "--set", "checkpoint-every=0.05");
        Path dir = temp.resolve("sweeps").resolve("quick");
        Path checkpoints = dir.resolve("points").resolve("seed=3").resolve("checkpoints");
        long before = ProcessHandle.current().pid();
        CompletableFuture<CliRun> coordinator = CompletableFuture.supplyAsync(() -> sweep(command));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (count(checkpoints) < 1 && !coordinator.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // the point's process, as its state file names it: a child of ours
        long pid = PointState.read(dir.resolve("state").resolve("seed=3.json")).orElseThrow().pid();
        ProcessHandle point = ProcessHandle.of(pid).orElseThrow();
        assertTrue(point.parent().map(ProcessHandle::pid).orElse(-1L) == before, "the point runs in a child process");
        assertTrue(point.destroyForcibly(), "SIGKILL");
        CliRun killed = coordinator.get(3, TimeUnit.MINUTES);
        assertEquals(1, killed.exitCode(), killed.out() + killed.err());
        assertFalse(Files.exists(dir.resolve("points").resolve("seed=3").resolve("weights.npz")));
        CliRun status = CliRun.of("sweep", "status", dir.toString());
        assertTrue(status.out().matches("(?s)0 of 1 points done, 0 running, 1 failed, 0 waiting.*exit code 137.*"),
                status.out());

        CliRun resumed = CliRun.of("sweep", "resume", dir.toString());

        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        String log = Files.readString(dir.resolve("logs").resolve("seed=3.log"), StandardCharsets.UTF_8);
        assertTrue(log.matches("(?s).*resuming .*seed=3 after \\d+ samples.*"), log);
        assertEquals(2, PointState.read(dir.resolve("state").resolve("seed=3.json")).orElseThrow().attempts());
        CliRun whole = CliRun.of("train", "--circuit", "sbp", "--dataset", "mnist20-mini", "--epochs", "3",
                "--train-samples", "2000", "--test-samples", "20", "--checkpoint-every", "0.05", "--seed", "3", "--quiet",
                "--runs", temp.resolve("whole").toString());
        assertEquals(0, whole.exitCode(), whole.err());
        assertSameWeights(onlyRun(temp.resolve("whole")).resolve("weights.npz"),
                dir.resolve("points").resolve("seed=3").resolve("weights.npz"));

        // a chip run: its energy per sample, as its energy.json estimated it, stands in points.csv
        List<String> csv = Files.readAllLines(dir.resolve("report").resolve("points.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        String[] row = csv.get(1).split(",", -1);
        double joules = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("points")
                .resolve("seed=3").resolve("energy.json").toFile()).path("perSample").path("joules").asDouble();
        assertTrue(joules > 0, "energy.json has an estimate");
        double microjoules = Double.parseDouble(row[header.indexOf("energy_uj_per_sample")]);
        assertEquals(joules * 1e6, microjoules, joules * 1e6 * 1e-9);
        assertTrue(Double.parseDouble(row[header.indexOf("inference_energy_uj_per_sample")]) > 0, csv.toString());
        assertTrue(Double.parseDouble(row[header.indexOf("chip_time_ms_per_sample")]) > 0, csv.toString());
        assertEquals("2", row[header.indexOf("attempts")]);
    }

    private static void assertSameWeights(Path expected, Path actual) throws IOException {
        Map<String, int[][]> e = WeightsFile.readWeights(expected);
        Map<String, int[][]> a = WeightsFile.readWeights(actual);
        assertEquals(e.keySet(), a.keySet());
        for (String name : e.keySet()) {
            assertArrayEquals(e.get(name), a.get(name), name);
        }
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("checkpoint-")).count();
        }
    }

    static Path onlyRun(Path runs) throws IOException {
        try (Stream<Path> dirs = Files.list(runs)) {
            List<Path> all = dirs.filter(Files::isDirectory).toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
