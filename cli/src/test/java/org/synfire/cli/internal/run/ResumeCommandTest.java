package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The resume hint keeps where data and plugins are, drops what the run directory already holds. */
class ResumeCommandTest {

    @Test
    void keepsDataDirectoryOfflineAndPluginPathInBothSpellings() {
        List<String> args = List.of("--plugin-path", "my plugins", "train", "--dataset", "mnist20", "--epochs", "3",
                "--data-dir=data", "--offline", "--seed", "2", "--quiet");
        assertEquals("synfire train --resume runs/train-1 --plugin-path 'my plugins' --data-dir=data --offline",
                ResumeCommand.of(Path.of("runs/train-1"), args));
    }

    @Test
    void plainRunNeedsNothingElseAndQuotesARunPathWithSpaces() {
        assertEquals("synfire train --resume 'my runs/quick-1'",
                ResumeCommand.of(Path.of("my runs/quick-1"), List.of("run", "quick")));
        assertEquals("'it'\\''s'", ShellWords.quote("it's"));
    }
}
