package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
     * A full disk says so in words. /dev/full answers every write with the kernel's ENOSPC; the content writes
     * there, so the helper meets the real error a full file system gives.
     */
    @Test
    void aFullDiskIsNamedInWords() throws IOException {
        Path target = temp.resolve("out.bin");

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeFile(target,
                file -> Files.write(Path.of("/dev/full"), new byte[1 << 16])));

        assertEquals(target + ": cannot write: no space left on device", e.getMessage());
        assertEquals(List.of(), filesIn(temp));
    }

    /** HDF5 wraps the full disk as "Exception writing": the words are found through the causes. */
    @Test
    void aFullDiskUnderHdf5IsNamedInWords() {
        Path target = temp.resolve("net.nir");
        org.synfire.interchange.nir.NirGraph graph = new org.synfire.interchange.nir.NirGraph(
                java.util.Map.of("input", new org.synfire.interchange.nir.NirNode.Input(3),
                        "output", new org.synfire.interchange.nir.NirNode.Output(3)),
                List.of(new org.synfire.interchange.nir.NirGraph.Edge("input", "output")), java.util.Map.of());

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeFile(target,
                file -> org.synfire.interchange.nir.NirFile.write(graph, Path.of("/dev/full"))));

        assertEquals(target + ": cannot write: no space left on device", e.getMessage());
    }

    @Test
    void aTargetThatIsADeviceIsRefusedBeforeAnythingIsWritten() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AtomicFiles.writeString(Path.of("/dev/null"), "x"));

        assertEquals("/dev/null: is a character device, not a regular file; the command writes regular files only"
                + " (name a new file or an existing regular one)", e.getMessage());
    }

    /** A link to a regular file: the file is replaced, the link stays (it was once replaced by a regular file). */
    @Test
    void aLinkToARegularFileStaysALink() throws IOException {
        Path real = Files.writeString(temp.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(temp.resolve("link.txt"), real);

        AtomicFiles.writeString(link, "new");

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
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
