package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.cli.internal.experiment.Experiments;
import org.synfire.cli.internal.sweep.PointCommand;
import org.synfire.cli.internal.sweep.SlurmExecutor;
import org.synfire.cli.internal.sweep.SlurmOptions;
import org.synfire.cli.internal.sweep.SweepDirectory;
import org.synfire.cli.internal.sweep.SweepGrid;

/**
 * The SLURM executor's error paths, with stand-ins for sbatch (the real cluster is {@link SweepSlurmTest}'s): an
 * sbatch that fails or answers no job id, and one that is missing, are one-line errors; the job script carries the
 * options and quotes what needs quoting.
 */
class SweepSlurmFakeTest {

    @TempDir
    Path temp;

    private SweepDirectory sweep() throws IOException {
        SweepGrid grid = new SweepGrid("fake", Experiments.packaged("quick"), List.of(1L, 2L), new LinkedHashMap<>());
        return SweepDirectory.open(temp.resolve("my sweeps 100%").resolve("fake"), grid);
    }

    private Path program(String name, String body) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static SlurmExecutor executor(String sbatch, SlurmOptions options) {
        return new SlurmExecutor(options, new SlurmExecutor.Tools(sbatch, "squeue", "sacct", "scontrol"));
    }

    private static SlurmOptions options() {
        return new SlurmOptions(null, null, null, null, List.of(), null, true, Duration.ofSeconds(1));
    }

    private static final PointCommand COMMAND = new PointCommand(List.of("java", "-Xmx1g", "-m", "x/y"), List.of());

    @Test
    void anSbatchThatFailsIsAOneLineErrorWithItsWords() throws IOException {
        SweepDirectory dir = sweep();
        Path sbatch = program("sbatch", "echo 'sbatch: error: invalid partition specified: gpu' >&2; exit 1");

        IOException e = assertThrows(IOException.class, () -> executor(sbatch.toString(), options())
                .run(dir, dir.readGrid().points(), COMMAND, new PrintWriter(new StringWriter())));

        assertEquals("sbatch failed (exit code 1): sbatch: error: invalid partition specified: gpu", e.getMessage());
        assertTrue(!Files.exists(dir.slurm().resolve("jobs.json")), "no job recorded");
    }

    @Test
    void anSbatchThatAnswersNoJobIdIsAnError() throws IOException {
        SweepDirectory dir = sweep();
        Path sbatch = program("sbatch", "echo 'Submitted batch job'");

        IOException e = assertThrows(IOException.class, () -> executor(sbatch.toString(), options())
                .run(dir, dir.readGrid().points(), COMMAND, new PrintWriter(new StringWriter())));

        assertEquals("sbatch answered 'Submitted batch job', not a job id", e.getMessage());
    }

    @Test
    void noSbatchSaysSo() throws IOException {
        SweepDirectory dir = sweep();

        IOException e = assertThrows(IOException.class, () -> executor(temp.resolve("nowhere").toString(), options())
                .run(dir, dir.readGrid().points(), COMMAND, new PrintWriter(new StringWriter())));

        assertTrue(e.getMessage().endsWith("is SLURM installed and on the PATH?"), e.getMessage());
    }

    @Test
    void theJobScriptCarriesTheOptionsAndItsArgumentsReachSbatch() throws Exception {
        SweepDirectory dir = sweep();
        Path seen = temp.resolve("seen");
        Path sbatch = program("sbatch", "printf '%s\\n' \"$@\" > '" + seen + "'; echo '42;cluster'");
        SlurmOptions options = new SlurmOptions("short", "0:30:00", 2, "2G", List.of("--qos=low"), 1, true,
                Duration.ofSeconds(1));
        StringWriter out = new StringWriter();

        boolean ended = executor(sbatch.toString(), options).run(dir, dir.readGrid().points(), COMMAND,
                new PrintWriter(out));

        assertTrue(!ended, "detached");
        assertTrue(out.toString().contains("submitted SLURM job array 42: 2 points"), out.toString());
        List<String> args = Files.readAllLines(seen);
        assertEquals(List.of("--parsable", "--qos=low", dir.slurm().resolve("job-1.sh").toAbsolutePath().toString()),
                args);
        String script = Files.readString(dir.slurm().resolve("job-1.sh"));
        for (String line : new String[] {"#SBATCH --array=0-1%1", "#SBATCH --partition=short", "#SBATCH --time=0:30:00",
            "#SBATCH --cpus-per-task=2", "#SBATCH --mem=2G", "  0) point=seed=1 ;;", "  1) point=seed=2 ;;"}) {
            assertTrue(script.contains(line + "\n"), line + " missing from\n" + script);
        }
        // sbatch reads % in --output as a pattern: the directory's own % is doubled, SLURM's %A_%a are not
        assertTrue(script.contains("#SBATCH --output='" + dir.path().toAbsolutePath().toString().replace("%", "%%")
                + "/logs/slurm-%A_%a.out'\n"), script);
        assertTrue(script.contains("'" + dir.path().toAbsolutePath() + "' \"$point\" --quiet"),
                "the sweep's path with its space is quoted:\n" + script);
        assertTrue(Files.readString(dir.slurm().resolve("jobs.json")).contains("\"42\""));
    }
}
