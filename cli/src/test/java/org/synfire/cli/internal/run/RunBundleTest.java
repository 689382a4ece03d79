package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunBundleTest {

    @TempDir
    Path temp;

    @Test
    void packsARunDirectoryAndUnpacksItBack() throws IOException {
        Path run = Files.createDirectories(temp.resolve("runs/quick-1"));
        Files.writeString(run.resolve("experiment.yaml"), "dataset: mnist20\n");
        Files.createDirectories(run.resolve("checkpoints"));
        Files.write(run.resolve("checkpoints/weights.npz"), new byte[] {1, 2, 3});
        Path bundle = run.resolve("quick-1.tar.gz");

        RunBundle.pack(run, bundle);
        RunBundle.pack(run, bundle); // a second pack does not take the first bundle in
        Path unpacked = RunBundle.unpack(bundle, temp.resolve("out"));

        assertEquals(temp.resolve("out/quick-1").toAbsolutePath(), unpacked);
        assertEquals("dataset: mnist20\n", Files.readString(unpacked.resolve("experiment.yaml")));
        assertEquals(3, Files.size(unpacked.resolve("checkpoints/weights.npz")));
        assertTrue(Files.notExists(unpacked.resolve("quick-1.tar.gz")));
    }

    @Test
    void refusesAnEntryThatPointsOutsideTheTarget() throws IOException {
        Path bundle = temp.resolve("evil.tar.gz");
        try (OutputStream file = Files.newOutputStream(bundle);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("../escaped.txt");
            entry.setSize(bytes.length);
            tar.putArchiveEntry(entry);
            tar.write(bytes);
            tar.closeArchiveEntry();
        }

        IOException e = assertThrows(IOException.class, () -> RunBundle.unpack(bundle, temp.resolve("out")));
        assertTrue(e.getMessage().contains("entry '../escaped.txt' holds '..'"), e.getMessage());
        assertTrue(Files.notExists(temp.resolve("escaped.txt")));
    }
}
