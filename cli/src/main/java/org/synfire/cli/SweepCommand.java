package org.synfire.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.concurrent.Callable;

import org.synfire.cli.internal.experiment.ConfigurationException;
import org.synfire.cli.internal.experiment.Experiment;
import org.synfire.cli.internal.experiment.Experiments;
import org.synfire.cli.internal.run.HiddenLayers;
import org.synfire.cli.internal.run.OutputPaths;
import org.synfire.cli.internal.run.TrainingJob;
import org.synfire.cli.internal.sweep.ExecutorChoice;
import org.synfire.cli.internal.sweep.PackagedSweeps;
import org.synfire.cli.internal.sweep.PointCommand;
import org.synfire.cli.internal.sweep.PointRunner;
import org.synfire.cli.internal.sweep.Seeds;
import org.synfire.cli.internal.sweep.SweepDirectory;
import org.synfire.cli.internal.sweep.SweepGrid;
import org.synfire.cli.internal.sweep.SweepRunner;
import org.synfire.cli.internal.sweep.SweepStatus;


import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synfire sweep}: runs an experiment over seeds and settings, each point an ordinary run. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs an experiment for every seed and every combination of the --set values.",
            "Each point is an ordinary run directory in the sweep's directory: eval, plot",
            "and train --resume work on it. Running the same command again, or 'sweep",
            "resume DIR', runs only the points not done; a killed point continues from its",
            "last checkpoint. Ends with a report: points.csv, summary.csv/.md, figures.",
            "Packaged sweeps: table1 (the paper's experiment, seeds 1..5, beside Table 1),",
            "table1-annealed (the same with the step annealed: lr-schedule).",
            "Example: synfire sweep quick --seeds 1..3 --set init=spec,positive-output"},
        subcommands = {SweepCommand.Resume.class, SweepCommand.Status.class, SweepCommand.Report.class,
            SweepCommand.Point.class})
final class SweepCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", arity = "0..1",
            description = "A packaged sweep (table1, table1-annealed), a packaged experiment's name, or the path of a YAML file.")
    String experiment;

    @Option(names = "--seeds", paramLabel = "SEEDS",
            description = "Seeds, e.g. 1..5 or 1..3,7 (a packaged sweep has its own; required otherwise).")
    String seeds;

    @Option(names = "--set", paramLabel = "KEY=V1,V2",
            description = {"An experiment field and its values, repeatable; several values span the grid. Keys: "
                    + "circuit, backend, dataset, epochs, train-samples, test-samples, hidden (layers joined by '+',"
                    + " e.g. 400+400), checkpoint-every, threads, inference-circuit, a circuit option the experiment"
                    + " sets (e.g. init) or circuit-option.NAME. Commas separate values: a list within one value joins its"
                    + " items with '+', e.g. circuit-option.lr-schedule=halve-output@40+50 (one schedule, two epochs)."})
    List<String> set;

    @Option(names = "--sweeps", paramLabel = "DIR", defaultValue = "sweeps",
            description = "Where sweep directories are made (default: ${DEFAULT-VALUE}).")
    Path sweeps;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The sweep's name, its directory's (default: the sweep's or experiment's name).")
    String name;

    @Mixin
    ExecutorOptions executorOptions;

    @Mixin
    DataLocation data;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (experiment == null) {
            throw new ConfigurationException("name an experiment or a packaged sweep, e.g. 'synfire sweep quick --seeds"
                    + " 1..3', or use 'synfire sweep status|report|resume DIR'");
        }
        OutputPaths.requireDirectory("--sweeps", sweeps);
        SweepGrid grid = grid();
        requireDepths(grid);
        ExecutorChoice choice = executorOptions.choice(); // checked, as everything else, before anything is made
        PointCommand command = pointCommand(main, executorOptions, data);
        SweepDirectory dir = SweepDirectory.open(sweeps.resolve(grid.name()), grid);
        return SweepRunner.run(dir, choice, command, spec.commandLine().getOut());
    }

    /** Every point's hidden layers against its circuit's depth limit, before anything is made. */
    private void requireDepths(SweepGrid grid) {
        var extensions = main.platform(spec.commandLine().getErr()).extensions();
        java.util.Set<String> checked = new java.util.HashSet<>();
        for (var point : grid.points()) {
            Experiment e = point.experiment();
            if (e.hidden() == null || !checked.add(e.circuit() + " " + e.model() + " " + e.hidden().size())) {
                continue;
            }
            org.synfire.chip.api.spi.CircuitProvider circuit;
            try {
                circuit = extensions.circuit(e.circuit(), e.model());
            } catch (IllegalArgumentException unknown) {
                continue; // an unknown circuit is reported by the point itself, as before
            }
            HiddenLayers.require("sweep " + grid.name() + ", point " + point.id(), circuit, e.hidden());
        }
    }

    /** The grid the arguments describe; every point's experiment checked. */
    private SweepGrid grid() {
        var packaged = PackagedSweeps.find(experiment);
        Experiment base = Experiments.resolve(packaged.map(PackagedSweeps.Definition::experiment).orElse(experiment));
        String seedText = seeds != null ? seeds : packaged.map(PackagedSweeps.Definition::seeds).orElse(null);
        if (seedText == null) {
            throw new ConfigurationException("--seeds is missing; e.g. --seeds 1..5");
        }
        LinkedHashMap<String, List<String>> settings = new LinkedHashMap<>();
        packaged.map(PackagedSweeps.Definition::set).ifPresent(s -> s.forEach(settings::put));
        java.util.Set<String> given = new java.util.HashSet<>();
        for (String s : set == null ? List.<String>of() : set) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new ConfigurationException("--set " + Experiment.printable(s) + ": expected KEY=VALUE[,VALUE...],"
                        + " e.g. --set init=spec,positive-output");
            }
            String key = s.substring(0, eq).strip();
            if (!given.add(key)) { // a second --set of one key would silently drop the first's values
                throw new ConfigurationException("--set " + Experiment.printable(s) + ": key '" + Experiment.printable(key)
                        + "' is set twice; give all its values in one --set, e.g. --set " + Experiment.printable(key)
                        + "=A,B");
            }
            List<String> values = new ArrayList<>();
            for (String v : s.substring(eq + 1).split(",", -1)) {
                if (v.isBlank()) {
                    throw new ConfigurationException("--set " + Experiment.printable(s) + ": an empty value");
                }
                if (values.contains(v.strip())) {
                    throw new ConfigurationException("--set " + Experiment.printable(s) + ": value '" + v.strip()
                            + "' twice");
                }
                values.add(v.strip());
            }
            settings.put(key, values);
        }
        String sweepName = name != null ? name : packaged.isPresent() ? experiment : base.name();
        OutputPaths.requirePlainName("--name", sweepName);
        SweepGrid grid;
        try {
            grid = new SweepGrid(sweepName, base, Seeds.parse(seedText), settings);
        } catch (ConfigurationException e) {
            throw e.getMessage().startsWith("--") ? e
                    : new ConfigurationException("--seeds and --set: " + e.getMessage(), e);
        }
        grid.points(); // checks every key and value before anything is made
        return grid;
    }

    /** The java command each point runs with, passing on where data and plugins are. */
    static PointCommand pointCommand(Main main, ExecutorOptions executor, DataLocation data) {
        List<String> pass = new ArrayList<>();
        if (data.dataDir != null) {
            pass.addAll(List.of("--data-dir", data.dataDir.toAbsolutePath().normalize().toString()));
        }
        if (data.offline) {
            pass.add("--offline");
        }
        if (main.pluginPath != null) {
            for (Path p : main.pluginPath) {
                pass.addAll(List.of("--plugin-path", p.toAbsolutePath().normalize().toString()));
            }
        }
        return PointCommand.ofThisJvm(executor.heap != null ? executor.heap : "1g", pass);
    }

    /** How the points run: the executor and its options. */
    static final class ExecutorOptions {
        @Option(names = "--executor", paramLabel = "local|slurm",
                description = "Where points run: local (child processes here, default) or slurm (a job array).")
        String executor;

        @Option(names = "--parallel", paramLabel = "N",
                description = "Points at once (local: default the number of cores; slurm: the array's limit).")
        Integer parallel;

        @Option(names = "--heap", paramLabel = "SIZE", description = "Each point's java heap, as -Xmx (default 1g).")
        String heap;

        @Option(names = "--partition", paramLabel = "NAME", description = "SLURM partition.")
        String partition;

        @Option(names = "--time", paramLabel = "LIMIT", description = "SLURM time limit per point, e.g. 2:00:00.")
        String time;

        @Option(names = "--cpus-per-task", paramLabel = "N", description = "SLURM CPUs per point.")
        Integer cpusPerTask;

        @Option(names = "--mem", paramLabel = "SIZE", description = "SLURM memory per point, e.g. 2G.")
        String mem;

        @Option(names = "--sbatch-arg", paramLabel = "ARG", description = "One more sbatch argument, repeatable.")
        List<String> sbatchArgs;

        @Option(names = "--detach", description = "SLURM: return once submitted; see 'sweep status' and 'sweep report'.")
        boolean detach;

        @Option(names = "--poll", paramLabel = "SECONDS", hidden = true,
                description = "SLURM: seconds between looks at the queue (default 10).")
        Integer poll;

        ExecutorChoice choice() {
            return new ExecutorChoice(executor, parallel, heap, partition, time, cpusPerTask, mem, sbatchArgs, detach,
                    poll);
        }

        /**
         * The recorded choice with the options given here put over it, so that {@code resume DIR --time 2:00:00}
         * keeps the executor, partition and the rest; a switch of executor keeps only the heap. Detaching is this
         * command's own choice: a resume waits unless it is given {@code --detach} again.
         */
        ExecutorChoice over(ExecutorChoice recorded) {
            boolean same = executor == null || executor.equals(recorded.executor());
            ExecutorChoice base = same ? recorded
                    : new ExecutorChoice(executor, null, recorded.heap(), null, null, null, null, null, false, null);
            return new ExecutorChoice(base.executor(), or(parallel, base.parallel()), or(heap, base.heap()),
                    or(partition, base.partition()), or(time, base.time()), or(cpusPerTask, base.cpusPerTask()),
                    or(mem, base.mem()), or(sbatchArgs, base.sbatchArgs()), detach,
                    or(poll, base.pollSeconds()));
        }

        private static <T> T or(T given, T recorded) {
            return given != null ? given : recorded;
        }
    }

    /** {@code synfire sweep resume DIR}: runs the points not done. */
    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = {"Runs the points of a sweep that are not done.",
                "Failed and never started points run; a killed point continues from its last",
                "checkpoint; the executor and options are those the sweep last ran with,",
                "with the options given here put over them (e.g. --time 2:00:00 after a",
                "TIMEOUT keeps the executor and the rest); it waits unless given --detach."})
    static final class Resume implements Callable<Integer> {
        @ParentCommand
        SweepCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The sweep's directory.")
        Path directory;

        @Mixin
        ExecutorOptions executorOptions;

        @Mixin
        DataLocation data;

        @Override
        public Integer call() throws IOException, InterruptedException {
            SweepDirectory dir = SweepDirectory.existing(directory);
            dir.readGrid().points(); // checks the grid still reads
            ExecutorChoice choice = ExecutorChoice.read(dir).map(executorOptions::over)
                    .orElseGet(executorOptions::choice);
            ExecutorOptions effective = executorOptions;
            if (effective.heap == null && choice.heap() != null) {
                effective.heap = choice.heap();
            }
            return SweepRunner.run(dir, choice, pointCommand(parent.main, effective, data),
                    spec.commandLine().getOut());
        }
    }

    /** {@code synfire sweep status DIR}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Points done, running, failed and waiting, and why each failed point failed.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The sweep's directory.")
        Path directory;

        @Override
        public Integer call() throws IOException {
            SweepDirectory dir = SweepDirectory.existing(directory);
            PrintWriter out = spec.commandLine().getOut();
            SweepStatus.print(SweepStatus.of(dir, dir.readGrid().points(), SweepRunner.queued(dir, out)), out);
            return 0;
        }
    }

    /** {@code synfire sweep report DIR}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Writes the report of the points done so far and prints its summary.",
                "Into the sweep's report/: points.csv, summary.csv, summary.md, accuracy.png",
                "and boxplot.png."})
    static final class Report implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The sweep's directory.")
        Path directory;

        @Override
        public Integer call() throws IOException {
            SweepDirectory dir = SweepDirectory.existing(directory);
            SweepRunner.finish(dir, dir.readGrid(), spec.commandLine().getOut());
            return 0;
        }
    }

    /** {@code synfire sweep point DIR ID}: runs one point here; what each child process and SLURM task runs. */
    @Command(name = "point", hidden = true, mixinStandardHelpOptions = true,
            description = "Runs one point of a sweep in this process (what the executors start).")
    static final class Point implements Callable<Integer> {
        @ParentCommand
        SweepCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's directory.")
        Path directory;

        @Parameters(index = "1", paramLabel = "ID", description = "The point's id.")
        String id;

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;

        @Mixin
        DataLocation data;

        @Override
        public Integer call() throws IOException {
            SweepDirectory dir = SweepDirectory.existing(directory);
            TrainingJob job = new TrainingJob(parent.main.platform(spec.commandLine().getErr()).extensions(),
                    new TrainingJob.Options(dir.path().resolve("points"), data.options(), quiet,
                            parent.main.arguments()), spec.commandLine().getOut());
            boolean ended = PointRunner.run(dir, id, new PointRunner.Training() {
                @Override
                public void start(Path run, Experiment experiment) throws IOException {
                    job.startIn(run, experiment);
                }

                @Override
                public void resume(Path run) throws IOException {
                    job.resume(run);
                }

                @Override
                public boolean interrupted() {
                    return job.interrupted();
                }

                @Override
                public String describe(Throwable failure) {
                    return Main.oneLine(failure);
                }

                @Override
                public int exitCode(Throwable failure) {
                    return Main.isUserError(failure) ? 2 : 1;
                }
            });
            return ended ? 0 : TrainingJob.INTERRUPTED_EXIT;
        }
    }

}
