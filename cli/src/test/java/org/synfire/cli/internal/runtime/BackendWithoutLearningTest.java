package org.synfire.cli.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend without a learning engine (its capabilities name no rule dialect) is refused before a run is made. Every
 * built-in backend learns, so the backend here is a plugin's: the fixture backend declares no dialect.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BackendWithoutLearningTest {

    private static final String REFUSED = "synfire: backend nolearn %s: it has no learning engine (its capabilities "
            + "name no rule dialect); train the functional model (--model functional) or on a backend that learns, "
            + "e.g. loihi1\n";

    @TempDir
    Path temp;

    private Path plugins() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        FixturePlugin.backend("nolearn").build(temp.resolve("build"),
                plugins.resolve("nolearn.jar"));
        return plugins;
    }

    @Test
    void trainingOnTheChipIsRefusedBeforeTheRunDirectoryIsMade() throws IOException {
        Path runs = temp.resolve("runs");
        CliRun run = CliRun.of("--plugin-path", plugins().toString(), "train", "--backend", "nolearn", "--dataset",
                "mnist20-mini", "--train-samples", "10", "--test-samples", "10", "--hidden", "10", "--runs",
                runs.toString(), "--quiet");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(String.format(REFUSED, "cannot train circuit sbp on the chip"), run.err().replace("\r", ""));
        assertFalse(Files.exists(runs), "no run directory, not even one printed and removed");
        assertFalse(run.out().contains("run directory"), run.out());
    }

    @Test
    void anInferenceCircuitAtTheEndIsRefusedBeforeTraining() throws IOException {
        Path runs = temp.resolve("runs");
        CliRun run = CliRun.of("--plugin-path", plugins().toString(), "train", "--circuit", "sbp", "--model",
                "functional", "--inference-circuit", "sbp", "--backend", "nolearn", "--dataset", "mnist20-mini",
                "--train-samples", "10", "--test-samples", "10", "--hidden", "10", "--runs", runs.toString(),
                "--quiet");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(String.format(REFUSED, "cannot run the inference circuit sbp at the end of the run"),
                run.err().replace("\r", ""));
        assertFalse(Files.exists(runs), "refused before any epoch was trained");
    }
}
