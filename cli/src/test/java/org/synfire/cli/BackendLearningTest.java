package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backend without a learning engine (its capabilities name no rule dialect) is refused before a run is made. */
class BackendLearningTest {

    @TempDir
    Path temp;

    private static final String REFUSED = "synfire: backend loihi2 %s: it has no learning engine (its capabilities "
            + "name no rule dialect); train the functional model (--model functional) or on a backend that learns, "
            + "e.g. loihi1\n";

    @Test
    void trainingOnTheChipIsRefusedBeforeTheRunDirectoryIsMade() {
        Path runs = temp.resolve("runs");
        CliRun run = CliRun.of("train", "--backend", "loihi2", "--dataset", "mnist20-mini", "--train-samples", "10",
                "--test-samples", "10", "--hidden", "10", "--runs", runs.toString(), "--quiet");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(String.format(REFUSED, "cannot train circuit sbp on the chip"), run.err().replace("\r", ""));
        assertFalse(Files.exists(runs), "no run directory, not even one printed and removed");
        assertFalse(run.out().contains("run directory"), run.out());
    }

    @Test
    void anInferenceCircuitAtTheEndIsRefusedBeforeTraining() {
        Path runs = temp.resolve("runs");
        CliRun run = CliRun.of("train", "--circuit", "sbp", "--model", "functional", "--inference-circuit", "sbp",
                "--backend", "loihi2", "--dataset", "mnist20-mini", "--train-samples", "10", "--test-samples", "10",
                "--hidden", "10", "--runs", runs.toString(), "--quiet");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(String.format(REFUSED, "cannot run the inference circuit sbp at the end of the run"),
                run.err().replace("\r", ""));
        assertFalse(Files.exists(runs), "refused before any epoch was trained");
    }

    @Test
    void aParameterThatAnOptionSetsPointsToTheOption() {
        CliRun run = CliRun.of("train", "--circuit", "sbp", "--param", "hidden_exponent=-1", "--dataset",
                "mnist20-mini", "--runs", temp.resolve("runs").toString(), "--quiet");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("synfire: circuit sbp sets hidden_exponent from its option; give --circuit-option "
                + "hidden-exponent=VALUE (circuit-options in an experiment file)\n", run.err().replace("\r", ""));
    }
}
