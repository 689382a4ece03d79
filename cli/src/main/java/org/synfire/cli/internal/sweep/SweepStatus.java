package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.synfire.cli.internal.run.RunResult;

/**
 * Where every point of a sweep stands, from its run directory and state file: done when its run holds result.json;
 * running while the process (or SLURM task) that runs it is alive; failed when the last attempt ended without
 * finishing; waiting when it never started or is queued.
 */
public final class SweepStatus {

    private SweepStatus() {
    }

    /**
     * The status of each point.
     *
     * @param queued points SLURM holds in its queue now (pending or running), from {@link SlurmExecutor#queued}
     */
    public static List<PointView> of(SweepDirectory dir, List<SweepPoint> points, Set<String> queued)
            throws IOException {
        List<PointView> views = new ArrayList<>();
        String host = PointRunner.host();
        for (SweepPoint p : points) {
            Optional<PointState> state = PointState.read(dir.state(p.id()));
            if (RunResult.read(dir.point(p.id())).isPresent()) {
                views.add(new PointView(p, PointStatus.DONE, state, ""));
                continue;
            }
            boolean running = state.map(PointState::status).orElse(PointStatus.WAITING) == PointStatus.RUNNING;
            if (queued.contains(p.id())) {
                views.add(new PointView(p, running ? PointStatus.RUNNING : PointStatus.WAITING, state, ""));
            } else if (running && state.get().slurmJob() == null && host.equals(state.get().host())
                    && runsPoint(state.get().pid(), dir, p.id())) {
                views.add(new PointView(p, PointStatus.RUNNING, state, ""));
            } else if (running) {
                views.add(new PointView(p, PointStatus.FAILED, state, "ended without saying why (killed, out of memory"
                        + " or out of time?); " + lastLine(dir, p.id())));
            } else if (state.isPresent() && state.get().status() == PointStatus.FAILED) {
                PointState s = state.get();
                views.add(new PointView(p, PointStatus.FAILED, state, (s.exitCode() == null ? ""
                        : "exit code " + s.exitCode() + ": ") + (s.error() == null ? lastLine(dir, p.id()) : s.error())));
            } else {
                views.add(new PointView(p, PointStatus.WAITING, state, ""));
            }
        }
        return views;
    }

    /**
     * Whether process {@code pid} is alive and is this point's runner ({@code synfire sweep point DIR ID}): a pid
     * is reused by unrelated processes, after a reboot above all, and a crashed point must not stay "running".
     */
    static boolean runsPoint(Long pid, SweepDirectory dir, String id) {
        if (pid == null) {
            return false;
        }
        String sweep = dir.path().toAbsolutePath().normalize().toString();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).flatMap(h -> h.info().commandLine())
                .map(c -> c.contains(" sweep point " + sweep + " " + id + " "))
                .orElse(false);
    }

    /** Points by status. */
    public static Map<PointStatus, Integer> counts(List<PointView> views) {
        Map<PointStatus, Integer> counts = new EnumMap<>(PointStatus.class);
        for (PointStatus s : PointStatus.values()) {
            counts.put(s, 0);
        }
        views.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
        return counts;
    }

    /** One line: points done, running, failed and waiting. */
    public static String line(List<PointView> views) {
        Map<PointStatus, Integer> c = counts(views);
        return String.format("%d of %d points done, %d running, %d failed, %d waiting", c.get(PointStatus.DONE),
                views.size(), c.get(PointStatus.RUNNING), c.get(PointStatus.FAILED), c.get(PointStatus.WAITING));
    }

    /** The status line and a line per point that is not done. */
    public static void print(List<PointView> views, PrintWriter out) {
        out.println(line(views));
        for (PointView v : views) {
            if (v.status() != PointStatus.DONE) {
                out.printf("  %-8s %s%s%n", v.status().word(), v.point().id(), v.detail().isEmpty() ? ""
                        : ": " + v.detail());
            }
        }
        out.flush();
    }

    /**
     * The last line of a point's log that reads as an error ({@code synfire: ...}, an exception, or the JVM's
     * own), else its last line; "no log" if there is none.
     */
    static String lastLine(SweepDirectory dir, String id) {
        List<Path> logs = new ArrayList<>(List.of(dir.log(id)));
        try {
            // SLURM's own words (a time limit, a cancel) go to the task's output file, after ours
            PointState.read(dir.state(id)).map(PointState::slurmJob).filter(j -> j != null)
                    .ifPresent(job -> logs.add(dir.logs().resolve("slurm-" + job + ".out")));
        } catch (IOException e) {
            // no state to say which task ran it
        }
        String last = null;
        String error = null;
        for (Path log : logs) {
            if (!Files.isRegularFile(log)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8)) {
                    String t = line.strip();
                    if (t.isEmpty()) {
                        continue;
                    }
                    last = t;
                    if (t.startsWith("synfire:") || t.contains("Exception") || t.contains("Error")
                            || t.contains("CANCELLED") || t.startsWith("slurmstepd:")) {
                        error = t;
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // unreadable: say what we have
            }
        }
        String line = error != null ? error : last != null ? "last line of its log: " + last : "no log";
        String printable = line.replaceAll("\\p{Cntrl}", " ");
        return printable.length() > 300 ? printable.substring(0, 300) + "..." : printable;
    }
}
