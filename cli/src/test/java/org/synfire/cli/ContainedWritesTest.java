package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input, contained writes: a run's name cannot leave --runs, and output options are checked
 * before the work starts. Guards: Experiment.requireFileName, OutputPaths.requireDirectory,
 * OutputPaths.requirePlainName (probe names).
 */
class ContainedWritesTest {

    @TempDir
    Path temp;

    private CliRun cli(String... args) {
        return CliRun.withFakeData(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "/tmp/abs", "a/b", "..", "a\\\\b", "bell\\u0007", "tab\\there"})
    void aRunNameThatWouldLeaveRunsIsRefusedNamingFieldAndValue(String name) throws IOException {
        Path yaml = Files.writeString(temp.resolve("e.yaml"),
                "name: \"" + name + "\"\ncircuit: sbp-functional\ndataset: tiny\nhidden: 4\n");

        CliRun run = cli("run", yaml.toString(), "--runs", temp.resolve("runs").toString(), "--quiet");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("synfire: " + yaml + ": field 'name' is '"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(Files.notExists(temp.resolve("runs")), "nothing is made");
        try (var all = Files.walk(temp)) {
            assertEquals(2, all.count(), "nothing written outside --runs either");
        }
    }

    @Test
    void runsNamingAFileFailsBeforeTraining() throws IOException {
        Path file = Files.writeString(temp.resolve("runs"), "a file");

        CliRun run = cli("train", "--circuit", "sbp-functional", "--dataset", "tiny", "--hidden", "4",
                "--runs", file.toString(), "--quiet");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("synfire: --runs " + file + ": is a file, not a directory\n", run.err());
        assertEquals("", run.out(), "no training started");
    }

    @Test
    void runsUnderAFileFailsBeforeTraining() throws IOException {
        Path file = Files.writeString(temp.resolve("plain"), "a file");

        CliRun run = cli("train", "--circuit", "sbp-functional", "--dataset", "tiny", "--hidden", "4",
                "--runs", file.resolve("runs").toString(), "--quiet");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--runs " + file.resolve("runs") + ": " + file + " is a file"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void simulateOutNamingAFileFailsBeforeTheSimulation() throws IOException {
        Path network = Files.writeString(temp.resolve("net.json"), """
                {"format": "synfire-network/1",
                 "groups": [{"name": "n", "size": 2, "vThMant": 100}],
                 "probes": [{"name": "v", "kind": "VOLTAGE", "target": "n"}]}
                """);
        Path file = Files.writeString(temp.resolve("out"), "a file");

        CliRun run = CliRun.of("simulate", network.toString(), "--steps", "5", "--out", file.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("synfire: --out " + file + ": is a file, not a directory\n", run.err());
    }

    @Test
    void aProbeNameThatWouldLeaveOutIsRefused() throws IOException {
        Path network = Files.writeString(temp.resolve("net.json"), """
                {"format": "synfire-network/1",
                 "groups": [{"name": "n", "size": 2, "vThMant": 100}],
                 "probes": [{"name": "../../escape", "kind": "VOLTAGE", "target": "n"}]}
                """);

        CliRun run = CliRun.of("simulate", network.toString(), "--steps", "5", "--out", temp.resolve("o").toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("synfire: net.json: probe name '../../escape' is not a plain file name"),
                run.err());
        assertTrue(Files.notExists(temp.resolve("escape.csv")) && Files.notExists(temp.getParent().resolve("escape.csv")));
    }
}
