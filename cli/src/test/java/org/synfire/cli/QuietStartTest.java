package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A command that succeeds writes nothing to standard error: no JVM warning either. On JDK 24 and later, a
 * library calling sun.misc.Unsafe makes the JVM print four lines of warning on every command (Guava 31 and
 * Guice's class generation did). The command is a child JVM on this test's module path, as the launcher runs it.
 */
class QuietStartTest {

    @Test
    void listWritesNothingToStandardError() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--add-modules", "ALL-MODULE-PATH", "-p", System.getProperty("jdk.module.path"),
                "-cp", System.getProperty("java.class.path"), "-m", "org.synfire.cli/org.synfire.cli.Main", "list"));
        Process child = new ProcessBuilder(command).start();
        byte[] out = child.getInputStream().readAllBytes();
        byte[] err = child.getErrorStream().readAllBytes();
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), "synfire list did not end");
        String stderr = new String(err, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), stderr);
        assertTrue(new String(out, StandardCharsets.UTF_8).contains("loihi1"), "list names the built-in backend");
        assertEquals("", stderr, "standard error of a successful command");
    }
}
