package org.synfire.cli;

import java.nio.file.Path;
import java.util.Optional;

import org.synfire.chip.api.data.DataOptions;

import picocli.CommandLine.Option;

/** Where commands that read a data set look for its files: options shared by train, run, eval and plot. */
final class DataLocation {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory with the data set's files, looked in before $SYNFIRE_DATA and ~/.cache/synfire.")
    Path dataDir;

    @Option(names = "--offline", description = "Never download data set files.")
    boolean offline;

    DataOptions options() {
        return new DataOptions(Optional.ofNullable(dataDir), !offline);
    }
}
