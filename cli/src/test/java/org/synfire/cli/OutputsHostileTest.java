package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile output targets, round 2: the command never renames a file over a device node or a link, and never
 * writes where a name leads to something that is not a regular file. One test per guard, through the command
 * line (exit code 2 and the one-line message). Guards: AtomicFiles.destination (every write),
 * OutputPaths.requireFile (before the work of export and import).
 */
class OutputsHostileTest {

    @TempDir
    static Path shared;

    private static Path run;

    @TempDir
    Path temp;

    @BeforeAll
    static void trainOnce() throws IOException {
        CliRun trained = CliRun.withFakeData("train", "--circuit", "sbp-functional", "--dataset", "tiny", "--hidden",
                "12", "--seed", "3", "--runs", shared.resolve("runs").toString(), "--quiet");
        assertEquals(0, trained.exitCode(), trained.err());
        try (Stream<Path> dirs = Files.list(shared.resolve("runs"))) {
            run = dirs.findFirst().orElseThrow();
        }
    }

    private static void refusedInOneLine(CliRun run, String... parts) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), "'" + part + "' in " + run.err());
        }
    }

    private static void stillACharacterDevice(Path device) throws IOException {
        int mode = (Integer) Files.getAttribute(device, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        assertEquals(0020000, mode & 0170000, device + " is still a character device");
    }

    /** As root, this exited 0 and left a regular file where /dev/null was. */
    @Test
    void exportToDevNullIsRefusedAndTheDeviceStays() throws IOException {
        CliRun export = CliRun.withFakeData("export", run.toString(), "--out", "/dev/null");

        refusedInOneLine(export, "synfire: --out /dev/null: is a character device, not a regular file");
        stillACharacterDevice(Path.of("/dev/null"));
    }

    @Test
    void exportToDevFullIsRefusedAndTheDeviceStays() throws IOException {
        CliRun export = CliRun.withFakeData("export", run.toString(), "--format", "npz", "--out", "/dev/full");

        refusedInOneLine(export, "synfire: --out /dev/full: is a character device, not a regular file");
        stillACharacterDevice(Path.of("/dev/full"));
    }

    /** /dev/stdout is a link (to /proc/self/fd/1): it leads to a pipe or a terminal, never a regular file here. */
    @Test
    void exportToDevStdoutIsRefusedAndTheLinkStays() {
        CliRun export = CliRun.withFakeData("export", run.toString(), "--out", "/dev/stdout");

        refusedInOneLine(export, "synfire: --out /dev/stdout: is a symbolic link to ");
        assertTrue(Files.isSymbolicLink(Path.of("/dev/stdout")));
    }

    @Test
    void importToALinkToADeviceIsRefusedAndTheLinkStays() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("out.json"), Path.of("/dev/null"));
        Path nir = temp.resolve("net.nir");
        assertEquals(0, CliRun.withFakeData("export", run.toString(), "--out", nir.toString()).exitCode());

        CliRun imported = CliRun.of("import", nir.toString(), "--out", link.toString());

        refusedInOneLine(imported, "synfire: --out " + link + ": is a symbolic link to /dev/null, which is a character"
                + " device, not a regular file");
        assertEquals(Path.of("/dev/null"), Files.readSymbolicLink(link));
        stillACharacterDevice(Path.of("/dev/null"));
    }

    @Test
    void aLinkThatLeadsNowhereIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("out.nir"), temp.resolve("absent/net.nir"));

        CliRun export = CliRun.withFakeData("export", run.toString(), "--out", link.toString());

        refusedInOneLine(export, "--out " + link + ": is a symbolic link to " + temp.resolve("absent/net.nir")
                + ", which does not exist");
        assertTrue(Files.isSymbolicLink(link));
    }

    /** A link to a regular file is followed: the file it names gets the export, the link stays a link. */
    @Test
    void aLinkToARegularFileIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.writeString(temp.resolve("real.nir"), "old");
        Path link = Files.createSymbolicLink(temp.resolve("link.nir"), real);

        CliRun export = CliRun.withFakeData("export", run.toString(), "--out", link.toString());

        assertEquals(0, export.exitCode(), export.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(real, Files.readSymbolicLink(link));
        byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}; // HDF5's format signature
        assertArrayEquals(signature, Arrays.copyOf(Files.readAllBytes(real), 8));
    }

    @Test
    void aDirectoryAsTheFileToWriteIsRefused() {
        CliRun export = CliRun.withFakeData("export", run.toString(), "--out", temp.toString());

        refusedInOneLine(export, "--out " + temp + ": is a directory; name the file to write");
    }

    /** simulate writes its probes into --out: a probe file that is a link to a device is not replaced. */
    @Test
    void aProbeFileThatIsALinkToADeviceIsRefused() throws IOException {
        Path network = Files.writeString(temp.resolve("net.json"), """
                {"format": "synfire-network/1", "groups": [{"name": "n", "size": 2, "vThMant": 100}],
                 "probes": [{"name": "v", "kind": "VOLTAGE", "target": "n"}]}
                """);
        Path out = Files.createDirectories(temp.resolve("out"));
        Path link = Files.createSymbolicLink(out.resolve("v.csv"), Path.of("/dev/null"));

        CliRun simulate = CliRun.of("simulate", network.toString(), "--steps", "2", "--out", out.toString());

        refusedInOneLine(simulate, "synfire: " + link + ": is a symbolic link to /dev/null, which is a character"
                + " device");
        assertEquals(Path.of("/dev/null"), Files.readSymbolicLink(link));
    }
}
