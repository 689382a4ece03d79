package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.cli.internal.run.WeightsFile;

/**
 * Hostile checkpoints, made at test time from a real run: resume takes the newest checkpoint that
 * reads back whole and says which; one whose sample count or matrices do not fit the run is refused
 * naming the file. Guards: CheckpointStore.latest (fallback, sample count), CheckpointStore.requireMatches.
 */
class CheckpointHostileTest {

    @TempDir
    Path temp;

    private Path run;
    private Path checkpoints;

    private CliRun train(String... args) {
        return CliRun.withFakeData(args);
    }

    /** A finished run of 2 x 120 samples: checkpoints at 180 and 240 are kept; its end is removed. */
    @BeforeEach
    void interruptedRun() throws IOException {
        assertEquals(0, train("train", "--circuit", "sbp-functional", "--dataset", "tiny", "--epochs", "2",
                "--hidden", "12", "--seed", "9", "--runs", temp.resolve("runs").toString(), "--quiet").exitCode());
        try (Stream<Path> dirs = Files.list(temp.resolve("runs"))) {
            run = dirs.findFirst().orElseThrow();
        }
        checkpoints = run.resolve("checkpoints");
        Files.delete(run.resolve("weights.npz"));
    }

    private Path newest() {
        return checkpoints.resolve("checkpoint-000000000240.npz");
    }

    private Map<String, int[][]> weightsOf180() throws IOException {
        return WeightsFile.readCheckpoint(checkpoints.resolve("checkpoint-000000000180.npz")).weights();
    }

    @Test
    void aTruncatedNewestCheckpointIsPassedOverAndTheOneUsedIsNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(newest());
        Files.write(newest(), Arrays.copyOf(bytes, bytes.length / 2));

        CliRun resumed = train("train", "--resume", run.toString(), "--quiet");

        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("warning: checkpoint checkpoint-000000000240.npz passed over: "),
                resumed.out());
        assertTrue(resumed.out().contains("after 180 samples (checkpoint-000000000180.npz)"), resumed.out());
        assertTrue(Files.isRegularFile(run.resolve("weights.npz")));
    }

    @Test
    void aCheckpointClaimingATrillionSamplesIsRefusedNamingTheFile() throws IOException {
        Path liar = checkpoints.resolve("checkpoint-1000000000000.npz");
        WeightsFile.write(liar, weightsOf180(), 1_000_000_000_000L);

        CliRun resumed = train("train", "--resume", run.toString(), "--quiet");

        assertEquals(1, resumed.exitCode(), resumed.out());
        assertEquals("synfire: " + liar + ": the checkpoint claims 1000000000000 samples seen, more than the run's "
                + "240 in all; refused\n", resumed.err());
    }

    @Test
    void aCheckpointWhoseCountDisagreesWithItsNameIsRefused() throws IOException {
        WeightsFile.write(newest(), weightsOf180(), 60);

        CliRun resumed = train("train", "--resume", run.toString(), "--quiet");

        assertEquals(1, resumed.exitCode());
        assertTrue(resumed.err().startsWith("synfire: " + newest() + ": the checkpoint claims 60 samples seen"),
                resumed.err());
    }

    @Test
    void aCheckpointWithOtherMatricesIsRefusedNamingTheFile() throws IOException {
        WeightsFile.write(newest(), Map.of("evil", new int[2][2]), 240);

        CliRun resumed = train("train", "--resume", run.toString(), "--quiet");

        assertEquals(1, resumed.exitCode());
        assertTrue(resumed.err().startsWith("synfire: " + newest() + ": the checkpoint holds matrices [evil]; "
                + "the run's circuit has ["), resumed.err());
        assertEquals(1, resumed.err().lines().count(), resumed.err());
    }

    @Test
    void aCheckpointWithAMatrixOfAnotherShapeIsRefusedNamingFileAndMatrix() throws IOException {
        Map<String, int[][]> weights = new LinkedHashMap<>(weightsOf180());
        String first = weights.keySet().iterator().next();
        weights.put(first, new int[3][5]);
        WeightsFile.write(newest(), weights, 240);

        CliRun resumed = train("train", "--resume", run.toString(), "--quiet");

        assertEquals(1, resumed.exitCode());
        assertTrue(resumed.err().startsWith("synfire: " + newest() + ": matrix '" + first + "' is 3 x 5; the run's "
                + "circuit has "), resumed.err());
    }
}
