package org.synfire.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.synfire.cli.internal.experiment.Experiment;
import org.synfire.cli.internal.run.TrainingJob;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synfire train}: trains a circuit with the options given, or resumes a run. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a learning circuit on a data set into a new run directory.",
            "On a chip backend or as a functional model; checkpoints and evaluates at fixed intervals.",
            "Example: synfire train --backend loihi1 --circuit sbp --dataset mnist20 --epochs 1 --seed 2"})
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions options;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue the run in RUN_DIR from its last checkpoint (its own experiment settings apply).")
    Path resume;

    @Override
    public Integer call() throws IOException {
        TrainingJob job = new TrainingJob(main.platform(spec.commandLine().getErr()).extensions(),
                options.jobOptions(main.arguments()), spec.commandLine().getOut());
        if (resume != null) {
            job.resume(resume);
        } else {
            Experiment blank = new Experiment("train", "", null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
            job.start(options.apply(blank));
        }
        return job.interrupted() ? TrainingJob.INTERRUPTED_EXIT : 0;
    }
}
