package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synfire run with a user's YAML file, and the ways an experiment can be wrong. */
class RunCommandTest {

    @TempDir
    Path temp;

    private CliRun cli(String... args) {
        return CliRun.withFakeData(args);
    }

    @Test
    void runsAUsersExperimentFileAndRecordsItResolved() throws IOException {
        Path yaml = Files.writeString(temp.resolve("mine.yaml"), """
                description: a user's experiment
                circuit: sbp-functional
                dataset: tiny
                epochs: 1
                seed: 12
                hidden: 10
                """);

        CliRun run = cli("run", yaml.toString(), "--runs", temp.resolve("runs").toString(), "--quiet");

        assertEquals(0, run.exitCode(), run.err());
        Path dir;
        try (Stream<Path> dirs = Files.list(temp.resolve("runs"))) {
            dir = dirs.findFirst().orElseThrow();
        }
        assertTrue(dir.getFileName().toString().startsWith("mine-"), dir.toString());
        String recorded = Files.readString(dir.resolve("experiment.yaml"));
        assertTrue(recorded.contains("seed: 12") && recorded.contains("backend: loihi1")
                && recorded.contains("checkpoint-every: 0.5"), recorded);
    }

    @Test
    void anUnknownExperimentIsAUsageError() {
        CliRun run = cli("run", "nonesuch");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("synfire: unknown experiment 'nonesuch': neither a packaged experiment"),
                run.err());
    }

    @Test
    void anUnknownFieldInAnExperimentFileIsAUsageError() throws IOException {
        Path yaml = Files.writeString(temp.resolve("typo.yaml"), "dataset: tiny\nepoch: 3\n");

        CliRun run = cli("run", yaml.toString(), "--runs", temp.resolve("runs").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("synfire: " + yaml + " (line 2): unknown field 'epoch'; known fields: "),
                run.err());
        assertTrue(Files.notExists(temp.resolve("runs")), "nothing is made for a bad experiment");
    }

    /** Offline, with an empty data directory: the error says which files are missing and where to put them. */
    @Test
    void missingDataIsReportedWithTheFilesNeeded() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("no-data"));

        CliRun run = cli("train", "--circuit", "sbp-functional", "--dataset", "fashion-mnist28", "--data-dir",
                empty.toString(), "--offline", "--runs", temp.resolve("runs").toString(), "--quiet");

        assertTrue(run.exitCode() != 0, run.out());
        assertTrue(run.err().contains("train-images-idx3-ubyte"), run.err());
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
    }
}
