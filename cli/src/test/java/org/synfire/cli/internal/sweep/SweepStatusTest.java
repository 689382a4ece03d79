package org.synfire.cli.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A point is running only while its own runner lives: a live process that took over its pid is not it. */
class SweepStatusTest {

    @TempDir
    Path temp;

    @Test
    void aReusedPidIsNotTheRunner() throws IOException, InterruptedException {
        SweepDirectory dir = new SweepDirectory(temp.resolve("sweep"));
        String sweep = dir.path().toAbsolutePath().normalize().toString();
        assertFalse(SweepStatus.runsPoint(1L, dir, "seed=1"), "pid 1 lives, but is not a point's runner");
        assertFalse(SweepStatus.runsPoint(ProcessHandle.current().pid(), dir, "seed=1"), "nor is this JVM");
        assertFalse(SweepStatus.runsPoint(null, dir, "seed=1"));

        // a process whose command line is a runner's: bash -c 'sleep 60; true' sweep point DIR ID --quiet (the
        // '; true' keeps bash from replacing itself with sleep, which would drop the arguments looked for)
        Process runner = new ProcessBuilder("bash", "-c", "sleep 60; true", "sweep", "point", sweep, "seed=1", "--quiet")
                .start();
        try {
            assertTrue(SweepStatus.runsPoint(runner.pid(), dir, "seed=1"), "the runner of seed=1");
            assertFalse(SweepStatus.runsPoint(runner.pid(), dir, "seed=2"), "not the runner of another point");
            assertFalse(SweepStatus.runsPoint(runner.pid(), new SweepDirectory(temp.resolve("swee")), "seed=1"),
                    "not the runner of another sweep, even one whose path starts the same");
        } finally {
            runner.destroy();
            runner.waitFor(10, TimeUnit.SECONDS);
        }
        assertFalse(SweepStatus.runsPoint(runner.pid(), dir, "seed=1"), "a runner that ended");
    }
}
