package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.cli.internal.experiment.Experiments;
import org.synfire.cli.internal.sweep.SweepDirectory;
import org.synfire.cli.internal.sweep.SweepGrid;

/**
 * Hostile sweeps, round 2: grids past the cap of points, garbage in the sweep's own files, and links inside a
 * sweep directory. One test per guard, through the command line, each a one-line message. Guards: SweepGrid's
 * point cap (at the command and in sweep.yaml), SweepDirectory.read (every file named), SweepDirectory's link
 * check.
 */
class SweepHostileTest {

    @TempDir
    Path temp;

    private static void refused(CliRun run, int code, String... parts) {
        assertEquals(code, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), "'" + part + "' in " + run.err());
        }
    }

    /** A sweep directory of experiment quick, one seed, made as the command makes it (no point run). */
    private Path sweepDirectory() throws IOException {
        Path dir = temp.resolve("sweeps").resolve("quick");
        SweepDirectory.open(dir, new SweepGrid("quick", Experiments.resolve("quick"), List.of(1L),
                new LinkedHashMap<>()));
        return dir;
    }

    private static String hundredValues() {
        return IntStream.rangeClosed(1, 100).mapToObj(v -> "v" + v).collect(Collectors.joining(","));
    }

    /** Ten keys of a hundred values: 10^20 points; it took 6.2 GB and ended in a trace. */
    @Test
    void aGridOfTenKeysOfAHundredValuesIsRefusedBeforeAnythingIsMade() {
        List<String> args = new ArrayList<>(List.of("sweep", "quick", "--seeds", "1..2", "--sweeps",
                temp.resolve("sweeps").toString()));
        for (int k = 1; k <= 10; k++) {
            args.addAll(List.of("--set", "circuit-option.k" + k + "=" + hundredValues()));
        }

        CliRun sweep = CliRun.of(args.toArray(new String[0]));

        // 2 x 100^10 = 2 x 10^20, by hand
        refused(sweep, 2, "synfire: --seeds and --set: the grid has 2 seeds x 100 x 100 x 100 x 100 x 100 x 100 x 100"
                + " x 100 x 100 x 100 = 200000000000000000000 points; a sweep has at most 10000 points");
        assertFalse(Files.exists(temp.resolve("sweeps")));
    }

    @Test
    void theSameGridWrittenIntoSweepYamlIsRefusedNamingTheFile() throws IOException {
        Path dir = sweepDirectory();
        StringBuilder set = new StringBuilder("set:\n");
        for (int k = 1; k <= 10; k++) {
            set.append("  circuit-option.k").append(k).append(": [").append(hundredValues()).append("]\n");
        }
        Files.writeString(dir.resolve("sweep.yaml"), Files.readString(dir.resolve("sweep.yaml")) + set);

        CliRun status = CliRun.of("sweep", "status", dir.toString());

        refused(status, 2, "synfire: " + dir.resolve("sweep.yaml") + ": not a sweep file (the grid has 1 seeds x 100"
                + " x 100 x 100 x 100 x 100 x 100 x 100 x 100 x 100 x 100 = 100000000000000000000 points; a sweep has"
                + " at most 10000 points)");
    }

    @Test
    void aGarbageExecutorFileIsNamedInTheMessage() throws IOException {
        Path dir = sweepDirectory();
        Files.writeString(dir.resolve("executor.json"), "{\"executor\": [1, 2");

        CliRun resume = CliRun.of("sweep", "resume", dir.toString());

        refused(resume, 1, "synfire: " + dir.resolve("executor.json") + ": not an executor file (");
    }

    @Test
    void anExecutorFileOfAnUnknownExecutorIsNamedInTheMessage() throws IOException {
        Path dir = sweepDirectory();
        Files.writeString(dir.resolve("executor.json"), "{\"executor\": \"cloud\"}");

        CliRun resume = CliRun.of("sweep", "resume", dir.toString());

        refused(resume, 1, "synfire: " + dir.resolve("executor.json") + ": not an executor file (unknown executor"
                + " 'cloud'; expected one of local, slurm)");
    }

    @Test
    void aStateFolderThatIsALinkOutsideIsRefused() throws IOException {
        Path dir = sweepDirectory();
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("state"), outside);

        CliRun status = CliRun.of("sweep", "status", dir.toString());

        refused(status, 1, "synfire: sweep directory " + dir + ": state is a symbolic link (to " + outside
                + "); the sweep would write outside its directory, so it is refused");
    }

    @Test
    void aReportFolderThatIsALinkOutsideIsRefusedAndNothingIsWrittenThere() throws IOException {
        Path dir = sweepDirectory();
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("report"), outside);

        CliRun report = CliRun.of("sweep", "report", dir.toString());

        refused(report, 1, "sweep directory " + dir + ": report is a symbolic link (to " + outside + ")");
        try (var entries = Files.list(outside)) {
            assertEquals(0, entries.count());
        }
    }

    /** A link among a folder's entries (a point's log) would have the point write through it. */
    @Test
    void aLogThatIsALinkOutsideIsRefused() throws IOException {
        Path dir = sweepDirectory();
        Files.createDirectories(dir.resolve("logs"));
        Path outside = Files.writeString(temp.resolve("victim.txt"), "keep");
        Files.createSymbolicLink(dir.resolve("logs").resolve("seed=1.log"), outside);

        CliRun sweep = CliRun.of("sweep", "quick", "--seeds", "1", "--sweeps", temp.resolve("sweeps").toString());

        refused(sweep, 1, "sweep directory " + dir + ": " + Path.of("logs", "seed=1.log") + " is a symbolic link");
        assertEquals("keep", Files.readString(outside));
    }
}
