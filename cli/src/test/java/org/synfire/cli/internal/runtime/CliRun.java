package org.synfire.cli.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.synfire.cli.Main;

/** One in-process run of the command, as the plugin tests make it. */
record CliRun(int exitCode, String out, String err) {

    private static final String LEFT_OUT = "synfire: plugin left out: ";

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** {@code synfire --plugin-path DIR list}, which must exit 0 and list the built-in providers. */
    static CliRun list(Path plugins) {
        CliRun run = of("--plugin-path", plugins.toString(), "list");
        assertEquals(0, run.exitCode(), run.err());
        for (String builtIn : List.of("loihi1", "sbp", "mnist20", "loihi1-davies2018")) {
            assertTrue(run.out().contains("\n  " + builtIn + " "), builtIn + " is not listed:\n" + run.out());
        }
        return run;
    }

    /** The reason of the one failure reported, which must be of this jar, on one line of its own. */
    String onlyFailure(Path jar) {
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), "expected one line on standard error:\n" + err);
        String prefix = LEFT_OUT + jar + ": ";
        assertTrue(lines.get(0).startsWith(prefix), err);
        return lines.get(0).substring(prefix.length());
    }
}
