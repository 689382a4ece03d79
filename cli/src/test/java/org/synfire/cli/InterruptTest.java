package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.cli.internal.run.WeightsFile;

/**
 * SIGTERM (what Process.destroy() sends) during training: the run finishes its sample, saves a checkpoint,
 * prints the command that resumes it and exits 130; resumed, it ends with the weights of an uninterrupted run.
 * The run is a child JVM started from this test's module path.
 */
class InterruptTest {

    private static final List<String> RUN = List.of("train", "--circuit", "sbp", "--dataset", "mnist20-mini",
            "--hidden", "60", "--train-samples", "1000", "--test-samples", "20", "--epochs", "1",
            "--checkpoint-every", "0.1", "--seed", "3", "--quiet");

    @TempDir
    Path temp;

    @Test
    void sigtermSavesACheckpointSaysHowToResumeAndResumingLosesNothing() throws Exception {
        Path runs = temp.resolve("interrupted");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--add-modules", "ALL-MODULE-PATH", "-p", System.getProperty("jdk.module.path"), "-cp",
                System.getProperty("java.class.path"), "-m",
                "org.synfire.cli/org.synfire.cli.Main"));
        command.addAll(RUN);
        command.addAll(List.of("--runs", runs.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
        // signal once the first checkpoint (after 100 of 1,000 samples) is on disk: in the middle of training
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (checkpoints(runs) == 0 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // SIGTERM; Process.destroy() would also close our end of the child's output, losing what it prints next
        assertTrue(child.toHandle().destroy(), "no SIGTERM sent");
        assertTrue(child.waitFor(3, TimeUnit.MINUTES), "the child did not stop");
        reader.join();
        String out;
        synchronized (output) {
            out = output.toString();
        }
        Path dir = onlyRun(runs);
        try (Stream<Path> files = Files.list(dir.resolve("checkpoints"))) {
            out += "\ncheckpoints: " + files.toList();
        }
        assertEquals(130, child.exitValue(), out);
        assertTrue(out.contains("resume with: synfire train --resume " + dir + "\n"), out);
        assertTrue(out.matches("(?s).*interrupted after \\d+ of 1000 samples.*"), out);
        assertTrue(!Files.exists(dir.resolve("weights.npz")), "an interrupted run has no final weights");

        CliRun resumed = CliRun.of("train", "--resume", dir.toString(), "--quiet");
        assertEquals(0, resumed.exitCode(), resumed.err());
        List<String> whole = new ArrayList<>(RUN);
        whole.addAll(List.of("--runs", temp.resolve("whole").toString()));
        CliRun uninterrupted = CliRun.of(whole.toArray(String[]::new));
        assertEquals(0, uninterrupted.exitCode(), uninterrupted.err());
        Map<String, int[][]> expected = WeightsFile.readWeights(onlyRun(temp.resolve("whole")).resolve("weights.npz"));
        Map<String, int[][]> actual = WeightsFile.readWeights(dir.resolve("weights.npz"));
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    private static long checkpoints(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(runs)) {
            return files.filter(f -> f.getFileName().toString().startsWith("checkpoint-")).count();
        }
    }

    private static Path onlyRun(Path runs) throws IOException {
        try (Stream<Path> dirs = Files.list(runs)) {
            List<Path> all = dirs.filter(Files::isDirectory).toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
