package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.cli.internal.sweep.PointState;

/**
 * {@code synfire sweep --executor slurm} against a real SLURM cluster (CI starts a single-node one with
 * {@code scripts/slurm-local start}): the points run as tasks of one job array and end as ordinary runs; a
 * detached sweep is followed with status and report; a failed task is reported and re-submitted by resume; a
 * cancelled task continues from its last checkpoint.
 *
 * <p>With {@code SYNFIRE_SLURM=required} (or {@code -Dsynfire.slurm=required}), as CI sets it, a cluster that does
 * not answer fails these tests; otherwise they are skipped without one.
 */
class SweepSlurmTest {

    private static final List<String> SMALL = List.of("--set", "train-samples=200", "--set", "test-samples=50");

    @TempDir
    Path temp;

    @BeforeAll
    static void clusterAnswers() throws Exception {
        String mode = System.getProperty("synfire.slurm", System.getenv().getOrDefault("SYNFIRE_SLURM", ""));
        String why = reachable();
        if (mode.equals("required")) {
            assertTrue(why.isEmpty(), "SLURM is required (SYNFIRE_SLURM=required) but " + why
                    + "; start it with scripts/slurm-local start");
        } else {
            assumeTrue(why.isEmpty(), "no SLURM cluster (" + why + "); SYNFIRE_SLURM=required makes this a failure");
        }
    }

    /** Empty if sinfo shows a node that takes jobs, else why not. */
    private static String reachable() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("sinfo", "--noheader", "--format=%t").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "sinfo failed: " + out.lines().findFirst().orElse("");
            }
            return out.matches("(?s).*\\b(idle|mix|mixed|alloc|allocated)\\b.*") ? "" : "no node is up (sinfo: " + out + ")";
        } catch (IOException e) {
            return "sinfo cannot be run (" + e.getMessage() + ")";
        }
    }

    private CliRun sweep(String... args) {
        List<String> all = new ArrayList<>(List.of("sweep"));
        all.addAll(List.of(args));
        all.addAll(List.of("--sweeps", temp.resolve("sweeps").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static String job(CliRun run) {
        Matcher m = Pattern.compile("submitted SLURM job array (\\d+): ").matcher(run.out());
        assertTrue(m.find(), run.out() + run.err());
        return m.group(1);
    }

    @Test
    void thePointsRunAsTasksOfOneJobArrayAndEndAsOrdinaryRuns() throws IOException {
        List<String> args = new ArrayList<>(List.of("quick", "--seeds", "1..2", "--set", "circuit=sbp-functional",
                "--executor", "slurm", "--poll", "1", "--mem", "1500M"));
        args.addAll(SMALL);

        CliRun run = sweep(args.toArray(String[]::new));

        assertEquals(0, run.exitCode(), run.out() + run.err());
        String job = job(run);
        Path dir = temp.resolve("sweeps").resolve("quick");
        assertTrue(run.out().contains("2 of 2 points done, 0 running, 0 failed, 0 waiting"), run.out());
        for (int task = 0; task < 2; task++) {
            String id = "seed=" + (task + 1);
            assertTrue(Files.isRegularFile(dir.resolve("points").resolve(id).resolve("result.json")), id);
            assertEquals(job + "_" + task, PointState.read(dir.resolve("state").resolve(id + ".json")).orElseThrow()
                    .slurmJob(), "the task that ran " + id);
            assertTrue(Files.isRegularFile(dir.resolve("logs").resolve("slurm-" + job + "_" + task + ".out")));
        }
        assertTrue(Files.readString(dir.resolve("slurm").resolve("job-1.sh")).contains("#SBATCH --mem=1500M"));
        CliRun train = CliRun.of("train", "--circuit", "sbp-functional", "--dataset", "mnist20-mini", "--train-samples",
                "200", "--test-samples", "50", "--seed", "2", "--quiet", "--runs", temp.resolve("runs").toString());
        assertEquals(0, train.exitCode(), train.err());
        assertEquals(Files.readString(SweepLocalTest.onlyRun(temp.resolve("runs")).resolve("metrics.csv")).lines()
                .map(l -> l.substring(0, l.lastIndexOf(','))).toList(),
                Files.readString(dir.resolve("points").resolve("seed=2").resolve("metrics.csv")).lines()
                        .map(l -> l.substring(0, l.lastIndexOf(','))).toList(),
                "the task's run measures what a plain train measures (but its speed)");
    }

    @Test
    void aDetachedSweepIsFollowedByStatusAndAFailedTaskIsResubmittedByResume() throws Exception {
        List<String> args = new ArrayList<>(List.of("quick", "--seeds", "1", "--set", "circuit=sbp-functional,sbp",
                "--set", "backend=no-such-chip", "--executor", "slurm", "--detach"));
        args.addAll(SMALL);

        CliRun detached = sweep(args.toArray(String[]::new));

        assertEquals(0, detached.exitCode(), detached.out() + detached.err());
        assertTrue(detached.out().contains("not waiting (--detach)"), detached.out());
        String first = job(detached);
        Path dir = temp.resolve("sweeps").resolve("quick");
        String status = waitUntilEnded(dir);
        assertTrue(status.startsWith("1 of 2 points done, 0 running, 1 failed, 0 waiting"), status);
        assertTrue(status.matches("(?s).*failed +circuit=sbp_seed=1: exit code 2: unknown backend 'no-such-chip'.*"),
                status);
        CliRun report = CliRun.of("sweep", "report", dir.toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(Files.readString(dir.resolve("report").resolve("points.csv")).contains("circuit=sbp_seed=1,failed,"));

        CliRun resumed = CliRun.of("sweep", "resume", dir.toString(), "--executor", "slurm", "--poll", "1");

        assertEquals(1, resumed.exitCode(), resumed.out() + resumed.err());
        String second = job(resumed);
        assertTrue(!second.equals(first), "a new job array");
        assertTrue(resumed.out().contains(": 1 point (script"), "only the failed point is submitted again:\n"
                + resumed.out());
        PointState state = PointState.read(dir.resolve("state").resolve("circuit=sbp_seed=1.json")).orElseThrow();
        assertEquals(2, state.attempts());
        assertEquals(second + "_0", state.slurmJob());
        assertEquals(1, PointState.read(dir.resolve("state").resolve("circuit=sbp-functional_seed=1.json"))
                .orElseThrow().attempts(), "the done point is not run again");
    }

    @Test
    void aKilledTaskIsReportedInSlurmsWordsAndResumeContinuesItFromItsLastCheckpoint() throws Exception {
        Path dir = temp.resolve("sweeps").resolve("quick");
        Path checkpoints = dir.resolve("points").resolve("seed=3").resolve("checkpoints");
        // 6,000 samples through the chip circuit, checkpoints every 100; the sweep waits for its task
        CompletableFuture<CliRun> waiting = CompletableFuture.supplyAsync(() -> sweep("quick", "--seeds", "3", "--set",
                "epochs=3", "--set", "train-samples=2000", "--set", "test-samples=20", "--set", "checkpoint-every=0.05",
                "--executor", "slurm", "--poll", "1"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!hasFiles(checkpoints) && !waiting.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String job = SlurmJobs.only(dir);
        // SIGKILL to the task's java, as the kernel's out-of-memory killer would: the point cannot say why it
        // ended; SLURM can (the task runs on this machine: its process is the one its state file names)
        long pid = PointState.read(dir.resolve("state").resolve("seed=3.json")).orElseThrow().pid();
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly(), "SIGKILL");
        CliRun killed = waiting.get(4, TimeUnit.MINUTES);
        assertEquals(1, killed.exitCode(), killed.out() + killed.err());
        String status = CliRun.of("sweep", "status", dir.toString()).out();
        assertTrue(status.matches("(?s)0 of 1 points done, 0 running, 1 failed, 0 waiting\\n.*SLURM task " + job
                + "_0 ended [A-Z_]+ \\(exit [0-9:]+\\).*"), status);
        assertTrue(killed.out().contains("resume the failed points with: synfire sweep resume " + dir), killed.out());

        CliRun resumed = CliRun.of("sweep", "resume", dir.toString(), "--executor", "slurm", "--poll", "1");

        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        String log = Files.readString(dir.resolve("logs").resolve("seed=3.log"), StandardCharsets.UTF_8);
        assertTrue(log.matches("(?s).*resuming .*seed=3 after \\d+ samples.*"), log);
        assertTrue(Files.isRegularFile(dir.resolve("points").resolve("seed=3").resolve("result.json")));
    }

    @Test
    void aTaskOutOfTimeIsReportedAsSuchAndResumeSubmitsItAgain() throws Exception {
        // a one-minute limit for a point that needs about two (200,000 samples through the chip circuit)
        CliRun run = sweep("quick", "--seeds", "4", "--set", "epochs=100", "--set", "train-samples=2000", "--set",
                "test-samples=20", "--set", "checkpoint-every=1", "--executor", "slurm", "--time", "1", "--poll", "2");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        String first = job(run);
        Path dir = temp.resolve("sweeps").resolve("quick");
        String status = CliRun.of("sweep", "status", dir.toString()).out();
        assertTrue(status.matches("(?s)0 of 1 points done, 0 running, 1 failed, 0 waiting\\n.*SLURM task " + first
                + "_0 ended TIMEOUT.*"), status);

        CliRun resumed = CliRun.of("sweep", "resume", dir.toString(), "--executor", "slurm", "--detach");

        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        String second = job(resumed);
        new ProcessBuilder("scancel", second).start().waitFor(); // submitted again is all this test asks
        assertTrue(!second.equals(first) && resumed.out().contains(": 1 point (script"), resumed.out());
        assertTrue(Files.isRegularFile(dir.resolve("slurm").resolve("job-2.sh")));
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            // a checkpoint, not the hidden partial file it is written to first
            return files.anyMatch(f -> f.getFileName().toString().startsWith("checkpoint-"));
        }
    }

    /** The one job array a sweep submitted, from its slurm/jobs.json. */
    private static final class SlurmJobs {
        static String only(Path dir) throws IOException {
            Matcher m = Pattern.compile("\"job\" : \"(\\d+)\"").matcher(Files.readString(dir.resolve("slurm")
                    .resolve("jobs.json")));
            assertTrue(m.find(), "a job recorded");
            return m.group(1);
        }
    }

    /** Follows {@code sweep status} until no point is running or waiting; returns its last output. */
    private static String waitUntilEnded(Path dir) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        String out = "";
        while (System.nanoTime() < deadline) {
            CliRun status = CliRun.of("sweep", "status", dir.toString());
            assertEquals(0, status.exitCode(), status.err());
            out = status.out();
            if (out.matches("(?s)\\d+ of \\d+ points done, 0 running, \\d+ failed, 0 waiting.*")) {
                return out;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the sweep did not end within 4 minutes: " + out);
    }
}
