package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.synfire.cli.internal.run.RunResult;
import org.synfire.cli.internal.run.TrainingJob;

/**
 * Runs one point in this process, as {@code synfire sweep point} does in each child process or SLURM task: starts
 * its run, or resumes it from its last checkpoint when an earlier attempt left one, and keeps its state file.
 */
public final class PointRunner {

    /** The training, started fresh or resumed: {@link TrainingJob} in use, a stand-in in tests. */
    public interface Training {
        void start(Path directory, org.synfire.cli.internal.experiment.Experiment experiment) throws IOException;

        void resume(Path directory) throws IOException;

        /** Whether the last run was stopped by a signal after saving a checkpoint. */
        boolean interrupted();

        /** A failure in one line, as the command prints it. */
        String describe(Throwable failure);

        /** The exit code the command ends with after this failure. */
        int exitCode(Throwable failure);
    }

    private PointRunner() {
    }

    /**
     * Runs point {@code id} of the sweep in {@code dir} to its end, unless it is done already.
     *
     * @return false if a signal stopped it (its checkpoint is saved; its state says failed, to be resumed)
     * @throws IOException or any failure of the run, after its state recorded it
     */
    public static boolean run(SweepDirectory dir, String id, Training training) throws IOException {
        SweepPoint point = dir.readGrid().point(id);
        Path run = dir.point(id);
        if (RunResult.read(run).isPresent()) {
            return true;
        }
        Optional<PointState> before = PointState.read(dir.state(id));
        double earlier = before.map(PointState::wallSeconds).orElse(0.0);
        int attempts = before.map(PointState::attempts).orElse(0) + 1;
        String slurm = slurmTask();
        long pid = ProcessHandle.current().pid();
        String host = host();
        new PointState(PointStatus.RUNNING, attempts, host, pid, slurm, earlier, null, null).write(dir.state(id));
        Instant began = Instant.now();
        try {
            if (Files.isRegularFile(run.resolve("experiment.yaml"))) {
                training.resume(run);
            } else {
                training.start(run, point.experiment());
            }
        } catch (IOException | RuntimeException | Error e) {
            new PointState(PointStatus.FAILED, attempts, host, pid, slurm, earlier + seconds(began),
                    training.exitCode(e), training.describe(e)).write(dir.state(id));
            throw e;
        }
        double wall = earlier + seconds(began);
        if (training.interrupted()) {
            new PointState(PointStatus.FAILED, attempts, host, pid, slurm, wall, TrainingJob.INTERRUPTED_EXIT,
                    "stopped by a signal; its checkpoint is saved and resuming the sweep continues it")
                    .write(dir.state(id));
            return false;
        }
        new PointState(PointStatus.DONE, attempts, host, pid, slurm, wall, 0, null).write(dir.state(id));
        return true;
    }

    /** This host's name, to tell whether a recorded process is one of ours. */
    static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The SLURM array job and task this process runs as ({@code 12_3}), or null outside SLURM. */
    private static String slurmTask() {
        String job = System.getenv("SLURM_ARRAY_JOB_ID");
        String task = System.getenv("SLURM_ARRAY_TASK_ID");
        return job == null || task == null ? null : job + "_" + task;
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
