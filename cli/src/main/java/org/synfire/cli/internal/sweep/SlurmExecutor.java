package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.synfire.cli.internal.run.AtomicFiles;
import org.synfire.cli.internal.run.RunResult;
import org.synfire.cli.internal.run.ShellWords;
import org.synfire.cli.internal.run.TrainingJob;

/**
 * Submits the points as one SLURM job array ({@code sbatch}), each task running one point with the same java
 * command on a shared file system, then waits, looking at the queue ({@code squeue}) until no task is left, and
 * asks SLURM ({@code sacct}, else {@code scontrol}) how the tasks that did not finish ended.
 *
 * @param options how to submit and wait
 * @param tools   the SLURM commands (their names on the PATH, or other programs in tests)
 */
public record SlurmExecutor(SlurmOptions options, Tools tools) implements Executor {

    /**
     * The SLURM commands used.
     *
     * @param sbatch   submits
     * @param squeue   lists queued and running tasks
     * @param sacct    says how finished tasks ended (needs accounting)
     * @param scontrol says how recently finished tasks ended (without accounting)
     */
    public record Tools(String sbatch, String squeue, String sacct, String scontrol) {
        /** The commands by their names, found on the PATH. */
        public static Tools onPath() {
            return new Tools("sbatch", "squeue", "sacct", "scontrol");
        }
    }

    /** A submitted job array: its id and the point each task runs, by task index. */
    record Job(String job, List<String> points) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return "slurm";
    }

    @Override
    public boolean run(SweepDirectory dir, List<SweepPoint> points, PointCommand command, PrintWriter out)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.logs());
        Files.createDirectories(dir.slurm());
        List<Job> jobs = new ArrayList<>(jobs(dir));
        Path script = dir.slurm().resolve("job-" + (jobs.size() + 1) + ".sh");
        List<String> ids = points.stream().map(SweepPoint::id).toList();
        AtomicFiles.writeString(script, script(dir, ids, command));
        List<String> sbatch = new ArrayList<>(List.of(tools.sbatch(), "--parsable"));
        sbatch.addAll(options.sbatchArgs());
        sbatch.add(script.toAbsolutePath().toString());
        Result submitted = exec(sbatch);
        if (submitted.code() != 0) {
            throw new IOException("sbatch failed (exit code " + submitted.code() + "): " + firstLine(submitted.output()));
        }
        String job = submitted.output().strip().lines().reduce((a, b) -> b).orElse("").split(";")[0].strip();
        if (!job.matches("[0-9]+")) {
            throw new IOException("sbatch answered '" + firstLine(submitted.output()) + "', not a job id");
        }
        jobs.add(new Job(job, ids));
        AtomicFiles.write(dir.slurm().resolve("jobs.json"), o -> JSON.writeValue(o, jobs));
        out.printf("submitted SLURM job array %s: %d point%s (script %s)%n", job, ids.size(), ids.size() == 1 ? "" : "s",
                script);
        out.flush();
        if (options.detach()) {
            out.println("not waiting (--detach); see 'synfire sweep status " + dir.path() + "', and 'synfire sweep report "
                    + dir.path() + "' when it ends");
            out.flush();
            return false;
        }
        String last = "";
        while (true) {
            Set<String> queued = queued(dir, tools);
            List<PointView> views = SweepStatus.of(dir, dir.readGrid().points(), queued);
            String line = "sweep " + dir.path().getFileName() + ": " + SweepStatus.line(views) + " (SLURM job " + job + ")";
            if (!line.equals(last)) {
                out.println(line);
                out.flush();
                last = line;
            }
            if (ids.stream().noneMatch(queued::contains)) {
                break;
            }
            Thread.sleep(options.poll().toMillis());
        }
        recordEndings(dir, job, ids);
        return true;
    }

    /** The job script: the task's index picks its point; our output goes to the point's log. */
    String script(SweepDirectory dir, List<String> ids, PointCommand command) {
        Path absolute = dir.path().toAbsolutePath().normalize();
        StringBuilder s = new StringBuilder("#!/bin/sh\n");
        s.append("#SBATCH --job-name=").append(ShellWords.quote("synfire-" + absolute.getFileName())).append('\n');
        s.append("#SBATCH --array=0-").append(ids.size() - 1)
                .append(options.parallel() == null ? "" : "%" + options.parallel()).append('\n');
        // sbatch reads % in --output as a pattern: a % of the directory's own name is written %%
        s.append("#SBATCH --output=").append(ShellWords.quote(absolute.resolve("logs").toString().replace("%", "%%")
                + "/slurm-%A_%a.out")).append('\n');
        if (options.partition() != null) {
            s.append("#SBATCH --partition=").append(ShellWords.quote(options.partition())).append('\n');
        }
        if (options.time() != null) {
            s.append("#SBATCH --time=").append(ShellWords.quote(options.time())).append('\n');
        }
        if (options.cpusPerTask() != null) {
            s.append("#SBATCH --cpus-per-task=").append(options.cpusPerTask()).append('\n');
        }
        if (options.mem() != null) {
            s.append("#SBATCH --mem=").append(ShellWords.quote(options.mem())).append('\n');
        }
        s.append("case \"$SLURM_ARRAY_TASK_ID\" in\n");
        for (int i = 0; i < ids.size(); i++) {
            s.append("  ").append(i).append(") point=").append(ShellWords.quote(ids.get(i))).append(" ;;\n");
        }
        s.append("  *) echo \"synfire: no point for array task $SLURM_ARRAY_TASK_ID\" >&2; exit 2 ;;\nesac\n");
        List<String> words = command.forPoint(absolute, "POINT");
        StringBuilder line = new StringBuilder("exec");
        for (String w : words) {
            line.append(' ').append(w.equals("POINT") ? "\"$point\"" : ShellWords.quote(w));
        }
        line.append(" >>").append(ShellWords.quote(absolute.resolve("logs").toString())).append("/\"$point\".log 2>&1\n");
        return s.append(line).toString();
    }

    /**
     * The points of this sweep that SLURM holds in its queue now (pending or running).
     *
     * @throws IOException if squeue does not answer
     */
    public static Set<String> queued(SweepDirectory dir, Tools tools) throws IOException {
        List<Job> jobs = jobs(dir);
        if (jobs.isEmpty()) {
            return Set.of();
        }
        Result r = exec(List.of(tools.squeue(), "--noheader", "--array", "--format=%i"));
        if (r.code() != 0) {
            throw new IOException("squeue failed (exit code " + r.code() + "): " + firstLine(r.output()));
        }
        Set<String> tasks = new HashSet<>();
        r.output().lines().map(String::strip).forEach(tasks::add);
        Set<String> queued = new HashSet<>();
        for (Job j : jobs) {
            for (int i = 0; i < j.points().size(); i++) {
                if (tasks.contains(j.job() + "_" + i) || tasks.contains(j.job() + "_[" + i + "]")
                        || pendingRange(tasks, j.job(), i)) {
                    queued.add(j.points().get(i));
                }
            }
        }
        return queued;
    }

    /** Whether squeue lists task {@code i} of {@code job} inside a pending range, e.g. {@code 12_[3-5%2]}. */
    private static boolean pendingRange(Set<String> tasks, String job, int i) {
        for (String t : tasks) {
            if (t.startsWith(job + "_[")) {
                String inner = t.substring(job.length() + 2, t.length() - 1).split("%")[0];
                for (String part : inner.split(",")) {
                    String[] ends = part.split("-");
                    try {
                        int lo = Integer.parseInt(ends[0]);
                        int hi = ends.length > 1 ? Integer.parseInt(ends[1]) : lo;
                        if (i >= lo && i <= hi) {
                            return true;
                        }
                    } catch (NumberFormatException e) {
                        // not a range we know
                    }
                }
            }
        }
        return false;
    }

    /** Tasks whose point neither finished nor said why it failed: how SLURM says they ended. */
    private void recordEndings(SweepDirectory dir, String job, List<String> ids) throws IOException {
        Map<Integer, String> endings = null;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (RunResult.read(dir.point(id)).isPresent()) {
                continue;
            }
            Optional<PointState> state = PointState.read(dir.state(id));
            boolean said = state.isPresent() && state.get().status() == PointStatus.FAILED
                    && state.get().slurmJob() != null && state.get().slurmJob().equals(job + "_" + i);
            if (said && !Integer.valueOf(TrainingJob.INTERRUPTED_EXIT).equals(state.get().exitCode())) {
                continue; // it said why itself
            }
            if (endings == null) {
                endings = endings(job);
            }
            String how = endings.getOrDefault(i, "ended without finishing (SLURM state unknown)");
            if (said) {
                // stopped by a signal: SLURM says whose (a time limit, a cancel)
                state.get().failed(state.get().exitCode(), state.get().error() + " (SLURM task " + job + "_" + i + " "
                        + how + ")").write(dir.state(id));
                continue;
            }
            // a task that never started (cancelled while pending) adds no attempt and has no exit code of its own
            boolean startedHere = state.isPresent() && (job + "_" + i).equals(state.get().slurmJob());
            PointState base = startedHere ? state.get() : new PointState(PointStatus.FAILED,
                    state.map(PointState::attempts).orElse(0), null, null, job + "_" + i,
                    state.map(PointState::wallSeconds).orElse(0.0), null, null);
            base.failed(base.exitCode(), "SLURM task " + job + "_" + i + " " + how + "; " + SweepStatus.lastLine(dir, id))
                    .write(dir.state(id));
        }
    }

    /** How each task of {@code job} ended, e.g. {@code TIMEOUT (exit 0:15)}, by task index. */
    private Map<Integer, String> endings(String job) {
        Map<Integer, String> endings = new HashMap<>();
        try {
            Result r = exec(List.of(tools.sacct(), "--noheader", "--parsable2", "--allocations", "--jobs=" + job,
                    "--format=JobID,State,ExitCode"));
            if (r.code() == 0) {
                for (String line : r.output().lines().toList()) {
                    String[] f = line.split("\\|");
                    if (f.length >= 3 && f[0].startsWith(job + "_") && f[0].substring(job.length() + 1).matches("[0-9]+")) {
                        endings.put(Integer.parseInt(f[0].substring(job.length() + 1)), "ended " + f[1]
                                + " (exit " + f[2] + ")");
                    }
                }
            }
            if (endings.isEmpty()) {
                r = exec(List.of(tools.scontrol(), "--oneliner", "show", "job", job));
                if (r.code() == 0) {
                    for (String line : r.output().lines().toList()) {
                        String task = field(line, "ArrayTaskId");
                        String state = field(line, "JobState");
                        if (task != null && task.matches("[0-9]+") && state != null) {
                            endings.put(Integer.parseInt(task), "ended " + state + " (exit "
                                    + Optional.ofNullable(field(line, "ExitCode")).orElse("?") + ")");
                        }
                    }
                }
            }
        } catch (IOException e) {
            // neither command answered: the endings stay unknown
        }
        return endings;
    }

    private static String field(String line, String key) {
        for (String word : line.split("\\s+")) {
            if (word.startsWith(key + "=")) {
                return word.substring(key.length() + 1);
            }
        }
        return null;
    }

    /** The job arrays submitted for this sweep, oldest first. */
    static List<Job> jobs(SweepDirectory dir) throws IOException {
        Path file = dir.slurm().resolve("jobs.json");
        return Files.isRegularFile(file) ? SweepDirectory.read(file, JSON, new TypeReference<List<Job>>() { },
                "a list of SLURM jobs") : List.of();
    }

    record Result(int code, String output) {
    }

    /** How long a SLURM command may take to answer. */
    static final java.time.Duration EXEC_LIMIT = java.time.Duration.ofMinutes(2);

    /** Runs a SLURM command; its output and error together. */
    static Result exec(List<String> command) throws IOException {
        return exec(command, EXEC_LIMIT);
    }

    /** Runs a command that must answer within {@code limit}; its output and error together. */
    static Result exec(List<String> command, java.time.Duration limit) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " cannot be run (" + e.getMessage() + "); is SLURM installed and on"
                    + " the PATH?", e);
        }
        // the output is read on its own thread: read here, it would block until the command ends and the time
        // limit would never apply to a command that hangs
        java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return "";
                    }
                }, Thread::startVirtualThread);
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not answer within " + limit.toMillis() / 1000.0 + " s");
            }
            return new Result(p.exitValue(), output.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException(command.get(0) + " was interrupted", e);
        }
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("(no output)");
    }
}
