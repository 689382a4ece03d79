package org.synfire.cli.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugin's code can still do to the process once the constant pool check has passed it (reflection, threads),
 * and how the command ends all the same ({@link CommandExit}). Each test runs {@code synfire list} in a child JVM
 * started from this test's module path, as the launcher would, and measures how it ends.
 */
class PluginExitTest {

    /** How long the fixtures' threads and hooks sleep: far longer than any test waits. */
    private static final String FOREVER = "java.util.concurrent.TimeUnit.MINUTES.sleep(10);";

    @TempDir
    Path temp;

    /** A shutdown hook registered by reflection and sleeping: the command ends the grace (3 s) after its work. */
    @Test
    void aSleepingShutdownHookDoesNotKeepTheCommandAlive() throws Exception {
        Path jar = FixturePlugin.backend("fixture-backend").constructor(
                "try { Runtime.class.getMethod(\"add\" + \"ShutdownHook\", Thread.class).invoke(Runtime.getRuntime(),"
                        + " new Thread(() -> { try { " + FOREVER + " } catch (InterruptedException e) { } }, \"sleepy\"));"
                        + " } catch (ReflectiveOperationException e) { throw new IllegalStateException(e); }")
                .build(temp.resolve("build"), plugins().resolve("sleepy.jar"));

        Ended ended = list();

        assertEquals(0, ended.exitCode(), ended.err());
        assertTrue(ended.out().contains("\n  fixture-backend "), ended.out());
        assertTrue(ended.out().contains("Sweeps (synfire sweep NAME):"), "the listing is cut:\n" + ended.out());
        assertEquals("synfire: a shutdown hook of plugin " + jar + " (thread 'sleepy') still ran 3 s after the command"
                + " ended; the command ends without waiting for it\n", ended.err());
        assertTrue(ended.seconds() < 60, ended.seconds() + " s");
    }

    /** A non-daemon thread that sleeps: the command ends when its work is done, with nothing to say. */
    @Test
    void aStrayNonDaemonThreadDoesNotKeepTheCommandAlive() throws Exception {
        FixturePlugin.backend("fixture-backend").constructor(
                "Thread stray = new Thread(() -> { try { " + FOREVER + " } catch (InterruptedException e) { } });"
                        + " stray.setDaemon(false); stray.start();")
                .build(temp.resolve("build"), plugins().resolve("stray.jar"));

        Ended ended = list();

        assertEquals(0, ended.exitCode(), ended.err());
        assertEquals("", ended.err());
        assertTrue(ended.out().contains("\n  fixture-backend "), ended.out());
        assertTrue(ended.seconds() < 60, ended.seconds() + " s");
    }

    /** System.exit(0) by reflection in the constructor: the command says which plugin ended it, and fails. */
    @Test
    void anExitByReflectionIsNamedAndEndsTheCommandAsAFailure() throws Exception {
        Path jar = FixturePlugin.backend("fixture-backend").constructor(
                "try { Class.forName(\"java.lang.System\").getMethod(\"ex\" + \"it\", int.class).invoke(null, 0); }"
                        + " catch (ReflectiveOperationException e) { throw new IllegalStateException(e); }")
                .build(temp.resolve("build"), plugins().resolve("quitter.jar"));

        Ended ended = list();

        assertEquals(1, ended.exitCode(), ended.err());
        assertEquals("synfire: plugin " + jar + " ended the command (its class org.synfire.fixture.FixtureBackend called"
                + " for the JVM to exit, by reflection or a method handle); the command did not finish (exit code 1)\n",
                ended.err());
    }

    private Path plugins() throws IOException {
        return Files.createDirectories(temp.resolve("plugins"));
    }

    /** How a child process ended. */
    private record Ended(int exitCode, String out, String err, double seconds) {
    }

    /** {@code synfire --plugin-path PLUGINS list} in a JVM of its own; fails if it has not ended within 3 minutes. */
    private Ended list() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--add-modules", "ALL-MODULE-PATH", "-p", System.getProperty("jdk.module.path"), "-cp",
                System.getProperty("java.class.path"), "-m", "org.synfire.cli/org.synfire.cli.Main",
                "--plugin-path", plugins().toString(), "list"));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        long start = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = child.waitFor(3, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!ended) {
            child.destroyForcibly();
            child.waitFor();
        }
        assertTrue(ended, "the command did not end; it printed:\n" + Files.readString(out) + Files.readString(err));
        return new Ended(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), seconds);
    }
}
