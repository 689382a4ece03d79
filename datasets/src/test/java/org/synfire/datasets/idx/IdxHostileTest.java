package org.synfire.datasets.idx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.datasets.Allocated;

/**
 * Hostile IDX files, made here: sizes that claim far more than the file holds or than memory allows.
 * Each test fails if the guard it names is taken out of {@link Idx}.
 */
class IdxHostileTest {

    @TempDir
    Path dir;

    /** An IDX header of unsigned bytes with these sizes. */
    private static byte[] header(int... dims) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0, 0, 8, (byte) dims.length});
        for (int d : dims) {
            b.writeBytes(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
        }
        return b.toByteArray();
    }

    /**
     * A gzip bomb of about 2 MB: the header claiming 2.1e9 labels, then 2,000 gzip members of 1 MiB of
     * zeros each (concatenated members are one stream to gunzip): about 2 GiB once unpacked.
     */
    private Path labelsBomb() throws IOException {
        byte[] member = IdxTest.gzip(new byte[1 << 20]);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(IdxTest.gzip(header(2_100_000_000)));
        for (int i = 0; i < 2_000; i++) {
            b.writeBytes(member);
        }
        return Files.write(dir.resolve("bomb-labels.gz"), b.toByteArray());
    }

    /** Guard: the announced size against DataLimits.MAX_DATA_BYTES, before reading any data. */
    @Test
    void gzipClaimingMoreLabelsThanTheBudgetFailsAtTheHeader() throws IOException {
        Path bomb = labelsBomb();
        assertTrue(Files.size(bomb) < 3_000_000, "a small file: " + Files.size(bomb));
        IdxFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IdxFormatException.class, () -> Idx.readLabels(bomb, 10)));
        assertEquals(bomb + ": header announces 2100000000 labels: 8400000000 bytes (7.8 GiB) in memory, more"
                + " than the limit of 536870912 bytes (512.0 MiB) (DataLimits.MAX_DATA_BYTES)", e.getMessage());
        assertTrue(Allocated.by(() -> Idx.readLabels(bomb, 10)) < 8L << 20, "fails before reading the data");
    }

    /** Guard: the announced size against the real size of a plain file (and the one-line message). */
    @Test
    void plainFileClaimingMoreThanItHoldsFailsBeforeReading() throws IOException {
        byte[] b = Arrays.copyOf(header(60_000, 28, 28), 16 + 100);
        Path file = Files.write(dir.resolve("short-images"), b);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.readImages(file));
        assertEquals(file + ": is truncated: ends after 100 of 47040000 data bytes (60000 x 28 x 28)",
                e.getMessage());
        assertTrue(Allocated.by(() -> Idx.readImages(file)) < 1L << 20, "nothing of the claimed size");
    }

    /**
     * Guard: data of unknown size (gzip, a stream) is read in growing steps, so that a short stream
     * claiming 480 MB (120 million labels, within the budget) fails as truncated without that being
     * allocated.
     */
    @Test
    void shortGzipClaimingMuchWithinTheBudgetFailsAsTruncatedWithoutAllocatingIt() throws IOException {
        byte[] b = Arrays.copyOf(header(120_000_000), 8 + 10);
        Path file = Files.write(dir.resolve("short-labels.gz"), IdxTest.gzip(b));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.readLabels(file, 10));
        assertEquals(file + ": is truncated: ends after 10 of 120000000 data bytes (120000000)", e.getMessage());
        assertTrue(Allocated.by(() -> Idx.readLabels(file, 10)) < 8L << 20, "nothing of the claimed size");
        byte[] images = Arrays.copyOf(header(500, 1000, 1000), 16 + 10);
        assertTrue(Allocated.by(() -> Idx.readImages("stream", new ByteArrayInputStream(images))) < 8L << 20,
                "a stream is read in steps too");
    }

    /** A truncated or damaged gzip stream is named as such, in words, on one line. */
    @Test
    void brokenGzipIsSaidInWords() throws IOException {
        byte[] gz = IdxTest.gzip(Arrays.copyOf(header(3), 8 + 3));
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 10));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.readLabels(cut, 10));
        assertCleanMessage(cut, e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        Path headerOnly = Files.write(dir.resolve("header-only.gz"), Arrays.copyOf(gz, 5));
        e = assertThrows(IdxFormatException.class, () -> Idx.readLabels(headerOnly, 10));
        assertCleanMessage(headerOnly, e.getMessage());
    }

    static void assertCleanMessage(Path file, String m) {
        assertTrue(m.startsWith(file + ": "), "names the file: " + m);
        assertTrue(!m.contains("null") && !m.contains("Exception") && !m.contains("\n")
                && !m.contains("out of bounds") && !m.contains("Input length"), "words, one line: " + m);
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
