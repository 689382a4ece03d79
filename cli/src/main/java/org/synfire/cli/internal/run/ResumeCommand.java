package org.synfire.cli.internal.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line that resumes an interrupted run: {@code synfire train --resume RUN} with the options of the
 * interrupted command that say where things are rather than what to train (the data directory, offline, the
 * plugin directories), so that the resumed run finds the same data set and plugins. The experiment's own
 * settings come from the run directory.
 */
public final class ResumeCommand {

    /** Options that take a value and locate data or plugins. */
    private static final Set<String> WITH_VALUE = Set.of("--data-dir", "--plugin-path");
    /** Flags that locate data. */
    private static final Set<String> FLAGS = Set.of("--offline");

    private ResumeCommand() {
    }

    /**
     * @param run         the run directory to resume
     * @param commandLine the arguments of the interrupted command
     * @return the command, each word quoted for a POSIX shell where needed
     */
    public static String of(Path run, List<String> commandLine) {
        List<String> words = new ArrayList<>(List.of("synfire", "train", "--resume", run.toString()));
        for (int i = 0; i < commandLine.size(); i++) {
            String arg = commandLine.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (FLAGS.contains(arg)) {
                words.add(arg);
            } else if (WITH_VALUE.contains(name)) {
                words.add(arg);
                if (!arg.contains("=") && i + 1 < commandLine.size()) {
                    words.add(commandLine.get(++i));
                }
            }
        }
        return String.join(" ", words.stream().map(ShellWords::quote).toList());
    }
}
