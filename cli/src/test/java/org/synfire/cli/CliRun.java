package org.synfire.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.google.inject.Module;

/** One in-process run of the {@code synfire} command: its exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A run with these Guice bindings replacing the platform's (e.g. a test data set). */
    static CliRun with(Module overrides, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), overrides, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A run that also knows the small synthetic data set {@code tiny} ({@link FakeDataset}). */
    static CliRun withFakeData(String... args) {
        return with(FakeDataset.module(), args);
    }
}
