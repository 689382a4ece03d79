package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.synfire.cli.internal.experiment.ConfigurationException;
import org.synfire.cli.internal.run.RunResult;

/**
 * Runs up to {@code parallel} points at once, each in a child process of its own (the JVM's bounded heap keeps
 * them side by side), with its output in the point's log; prints a progress line as each point ends.
 *
 * @param parallel points at once, at least 1
 */
public record LocalExecutor(int parallel) implements Executor {

    public LocalExecutor {
        if (parallel < 1) {
            throw new ConfigurationException("--parallel " + parallel + ": expected at least 1 point at once");
        }
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public boolean run(SweepDirectory dir, List<SweepPoint> points, PointCommand command, PrintWriter out)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.logs());
        List<PointView> before = SweepStatus.of(dir, dir.readGrid().points(), java.util.Set.of());
        // counted here, one point at a time, so that each progress line moves on by exactly one point
        int[] done = {SweepStatus.counts(before).get(PointStatus.DONE)};
        int[] failed = {0};
        int total = before.size();
        AtomicInteger finished = new AtomicInteger();
        List<Process> children = Collections.synchronizedList(new ArrayList<>());
        // a coordinator stopped by a signal passes it on, so that each child saves a checkpoint and ends; Ctrl-C
        // reached the children too, and a second signal would end them at once: they get a moment first
        Thread stopChildren = new Thread(() -> {
            List<Process> alive;
            synchronized (children) {
                alive = List.copyOf(children);
            }
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            for (Process p : alive) {
                try {
                    p.waitFor(Math.max(0, until - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (p.isAlive()) {
                    p.toHandle().destroy();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(stopChildren);
        Instant began = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, points.size())));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (SweepPoint point : points) {
                running.add(pool.submit(() -> {
                    runOne(dir, point, command, children);
                    synchronized (out) {
                        int n = finished.incrementAndGet();
                        boolean ok = RunResult.read(dir.point(point.id())).isPresent();
                        done[0] += ok ? 1 : 0;
                        failed[0] += ok ? 0 : 1;
                        out.println(progress(dir, point, ok, done[0], failed[0], total, n, points.size(),
                                children.size(), began));
                        out.flush();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // no point may go on writing into the sweep once the coordinator gives up and lets go of the
                    // lock: the others are stopped as by a signal (each saves a checkpoint) and waited for
                    stopChildren.run();
                    awaitEnd(children);
                    Throwable cause = e.getCause();
                    throw new IOException("running a point failed: " + (cause.getMessage() != null
                            ? cause.getMessage() : "no reason given (--verbose shows where)"), cause);
                }
            }
        } finally {
            pool.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(stopChildren);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs
            }
        }
        return true;
    }

    /** Waits for every child to end, a minute at most each, then ends it at once. */
    private static void awaitEnd(List<Process> children) throws InterruptedException {
        List<Process> alive;
        synchronized (children) {
            alive = List.copyOf(children);
        }
        for (Process p : alive) {
            if (!p.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        }
    }

    /** Runs one point's child process to its end; records a failure the child could not record itself. */
    private static void runOne(SweepDirectory dir, SweepPoint point, PointCommand command, List<Process> children)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command.forPoint(dir.path(), point.id()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.log(point.id()).toFile()));
        Process child = builder.start();
        children.add(child);
        int code;
        try {
            code = child.waitFor();
        } finally {
            children.remove(child);
        }
        if (RunResult.read(dir.point(point.id())).isPresent()) {
            return;
        }
        Optional<PointState> state = PointState.read(dir.state(point.id()));
        if (state.isEmpty() || state.get().status() != PointStatus.FAILED) {
            // the child died before it could say why (killed, out of memory, a JVM that did not start)
            PointState base = state.orElse(new PointState(PointStatus.FAILED, 1, PointRunner.host(), child.pid(), null,
                    0, null, null));
            base.failed(code, "exit code " + code + "; " + SweepStatus.lastLine(dir, point.id())).write(
                    dir.state(point.id()));
        }
    }

    /**
     * The progress line after a point ended: points done of all, failed in this run, running, the ETA from this
     * run's pace so far, and the point's outcome.
     */
    private static String progress(SweepDirectory dir, SweepPoint point, boolean ok, int done, int failed, int total,
            int finishedNow, int todo, int running, Instant began) throws IOException {
        int left = todo - finishedNow;
        Duration elapsed = Duration.between(began, Instant.now());
        // points run `parallel` at a time: the rest take their share of the pace so far
        long etaSeconds = Math.round(elapsed.toMillis() / 1000.0 / finishedNow * left);
        String eta = left == 0 ? "" : ", ETA " + clock(Duration.ofSeconds(etaSeconds));
        String outcome = ok ? "done" + headline(dir, point) : "failed (" + PointState.read(dir.state(point.id()))
                .map(s -> (s.exitCode() == null ? "" : "exit code " + s.exitCode() + ": ") + s.error()).orElse("") + ")";
        // running: the children alive now (the next point may not have started yet)
        return String.format("sweep %s: %d of %d points done, %d failed, %d running%s | %s %s",
                dir.path().getFileName(), done, total, failed, running, eta, point.id(), outcome);
    }

    private static String headline(SweepDirectory dir, SweepPoint point) throws IOException {
        Optional<RunResult> result = RunResult.read(dir.point(point.id()));
        if (result.isEmpty() || result.get().metrics().isEmpty()) {
            return "";
        }
        var first = result.get().metrics().entrySet().iterator().next();
        return String.format(": %s %.4f", first.getKey(), first.getValue());
    }

    static String clock(Duration d) {
        return d.toHours() > 0 ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
