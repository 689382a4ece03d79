package org.synfire.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.synfire.cli.internal.experiment.Experiments;
import org.synfire.cli.internal.run.TrainingJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synfire run EXPERIMENT}: runs a packaged experiment or a YAML file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a packaged experiment (see 'synfire list') or a YAML file of your own.",
            "Options given here replace the experiment's fields."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "A packaged experiment's name, or the path of a YAML file.")
    String experiment;

    @Mixin
    TrainingOptions options;

    @Override
    public Integer call() throws IOException {
        TrainingJob job = new TrainingJob(main.platform(spec.commandLine().getErr()).extensions(),
                options.jobOptions(main.arguments()), spec.commandLine().getOut());
        job.start(options.apply(Experiments.resolve(experiment)));
        return job.interrupted() ? TrainingJob.INTERRUPTED_EXIT : 0;
    }
}
