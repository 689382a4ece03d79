package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path temp;

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = temp.resolve("checkpoint.bin");
        AtomicFiles.writeString(target, "old");

        AtomicFiles.writeString(target, "new");

        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), filesIn(temp));
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldContent() throws IOException {
        Path target = temp.resolve("checkpoint.bin");
        AtomicFiles.writeString(target, "last good checkpoint");

        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[4096]);
            throw new IOException("disk full");
        }));

        assertEquals("last good checkpoint", Files.readString(target));
        assertEquals(List.of(target), filesIn(temp));
    }

    /**
     * A process killed (SIGKILL) while it rewrites a file over and over: whenever it dies, the file
     * holds one complete version, never a mix or a cut one.
     */
    @Test
    void aProcessKilledWhileWritingLeavesACompleteFile() throws Exception {
        Path target = temp.resolve("checkpoint.bin");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp", childClassPath(), RewritingProcess.class.getName(), target.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(target) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(300); // let it rewrite the file many times
        } finally {
            child.destroyForcibly().waitFor();
        }

        byte[] content = Files.readAllBytes(target);
        assertEquals(RewritingProcess.SIZE, content.length, "the file was cut");
        byte[] expected = new byte[RewritingProcess.SIZE];
        java.util.Arrays.fill(expected, content[0]);
        assertArrayEquals(expected, content, "the file mixes two versions");
    }

    private static String childClassPath() {
        String modulePath = System.getProperty("jdk.module.path", "");
        String classPath = System.getProperty("java.class.path", "");
        Path testClasses = Path.of(System.getProperty("basedir", "."), "target", "test-classes");
        return String.join(java.io.File.pathSeparator, testClasses.toString(), modulePath, classPath);
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
