package org.synfire.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.synfire.cli.internal.run.TrainedWeights;

import picocli.CommandLine.Option;

/**
 * The circuit a bare weights file came from, for a file written before weights files recorded it: options shared by
 * eval and export.
 */
final class WeightsCircuit {

    @Option(names = "--circuit-option", paramLabel = "KEY=VALUE",
            description = "For a bare weights file that does not record its circuit (written before weights files "
                    + "did): a circuit option of the run it came from, repeatable, e.g. lr-schedule=halve-output@40,50"
                    + " (with --epoch). A file that records its options refuses others.")
    Map<String, String> circuitOptions;

    @Option(names = "--epoch", paramLabel = "E",
            description = "For a bare weights file that does not record it: the epoch its weights ended (1 for the "
                    + "first; a run's final weights: its number of epochs), so that a circuit that changes between"
                    + " epochs (lr-schedule) reopens as it was then.")
    Integer epoch;

    /** The trained weights in {@code directory} (a run directory or a bare file's), read with these options. */
    TrainedWeights read(Path directory) throws IOException {
        return TrainedWeights.read(directory, circuitOptions == null ? Map.of() : circuitOptions, epoch);
    }
}
