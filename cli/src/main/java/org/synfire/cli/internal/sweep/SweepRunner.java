package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import org.synfire.cli.internal.experiment.ConfigurationException;

/**
 * Runs a sweep's unfinished points: those neither done nor still running (or queued) elsewhere, with one
 * coordinator per sweep at a time; then writes the report and says what failed.
 */
public final class SweepRunner {

    private SweepRunner() {
    }

    /**
     * Runs the points of {@code dir} that are not done, running or queued.
     *
     * @return 0 when every point is done (or the points were left to run, detached), 1 if any failed
     */
    public static int run(SweepDirectory dir, ExecutorChoice choice, PointCommand command, PrintWriter out)
            throws IOException, InterruptedException {
        try (FileChannel channel = FileChannel.open(dir.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new ConfigurationException("another synfire sweep command is running the sweep in " + dir.path()
                        + "; see 'synfire sweep status " + dir.path() + "'");
            }
            choice.write(dir);
            SweepGrid grid = dir.readGrid();
            Set<String> queued;
            try {
                queued = SlurmExecutor.queued(dir, SlurmExecutor.Tools.onPath());
            } catch (IOException e) {
                // without the queue, a point still running under SLURM would be run a second time
                throw new IOException("cannot see the SLURM queue, which holds earlier tasks of this sweep ("
                        + e.getMessage() + "); run it again where squeue answers", e);
            }
            List<PointView> views = SweepStatus.of(dir, grid.points(), queued);
            List<SweepPoint> todo = views.stream()
                    .filter(v -> v.status() == PointStatus.WAITING || v.status() == PointStatus.FAILED)
                    .filter(v -> !queued.contains(v.point().id())) // SLURM still holds it: not submitted twice
                    .map(PointView::point).toList();
            out.printf("sweep %s: %d points (%s); %s; running %d on %s%n", dir.path(), views.size(),
                    "seeds " + Seeds.format(grid.seeds()) + (grid.set().isEmpty() ? "" : ", set " + grid.set()),
                    SweepStatus.line(views), todo.size(), choice.create().name());
            out.flush();
            boolean ended = todo.isEmpty() || choice.create().run(dir, todo, command, out);
            if (!ended) {
                return 0;
            }
            return finish(dir, grid, out);
        }
    }

    /** Writes the report, prints it and the failed points; 0 if every point is done, else 1. */
    public static int finish(SweepDirectory dir, SweepGrid grid, PrintWriter out) throws IOException {
        List<PointView> views = SweepStatus.of(dir, grid.points(), queued(dir, out));
        String summary = SweepReport.write(dir, grid, views);
        out.println();
        out.println(summary.strip());
        out.println();
        SweepStatus.print(views, out);
        out.println("report: " + dir.report().resolve("summary.md") + " (points.csv, summary.csv, accuracy.png, "
                + "boxplot.png beside it)");
        boolean failed = views.stream().anyMatch(v -> v.status() == PointStatus.FAILED);
        if (failed) {
            out.println("resume the failed points with: synfire sweep resume " + dir.path());
        }
        out.flush();
        return views.stream().allMatch(v -> v.status() == PointStatus.DONE) ? 0 : 1;
    }

    /** The points SLURM holds for this sweep, or none (with a warning) if the sweep has jobs and squeue fails. */
    public static Set<String> queued(SweepDirectory dir, PrintWriter out) {
        try {
            return SlurmExecutor.queued(dir, SlurmExecutor.Tools.onPath());
        } catch (IOException e) {
            out.println("warning: cannot see the SLURM queue (" + e.getMessage() + "); points of this sweep's"
                    + " SLURM jobs are shown as not running");
            return Set.of();
        }
    }
}
