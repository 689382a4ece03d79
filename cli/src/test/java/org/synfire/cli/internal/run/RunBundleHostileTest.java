package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile run bundles, made at test time: each test names the guard of {@link RunBundle#unpack} it
 * proves, and fails without it.
 */
class RunBundleHostileTest {

    @TempDir
    Path temp;

    /** A bundle of the entries given; each is a file of the bytes given unless set up otherwise. */
    private Path bundle(String name, Entry... entries) throws IOException {
        Path file = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry entry = e.link == null ? new TarArchiveEntry(e.name, true)
                        : new TarArchiveEntry(e.name, e.linkFlag, true);
                if (e.link != null) {
                    entry.setLinkName(e.link);
                } else {
                    entry.setSize(e.bytes.length);
                }
                tar.putArchiveEntry(entry);
                tar.write(e.bytes);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    private record Entry(String name, byte[] bytes, String link, byte linkFlag) {
        static Entry file(String name, String text) {
            return new Entry(name, text.getBytes(StandardCharsets.UTF_8), null, (byte) 0);
        }

        static Entry link(String name, String to, byte flag) {
            return new Entry(name, new byte[0], to, flag);
        }
    }

    private String refused(Path bundle) {
        IOException e = assertThrows(IOException.class, () -> RunBundle.unpack(bundle, temp.resolve("out")));
        assertTrue(e.getMessage().startsWith(bundle + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aSymbolicLinkIsRefusedNamingTheEntry() throws IOException {
        Path b = bundle("sym.tar.gz", Entry.file("run/experiment.yaml", "x"),
                Entry.link("run/weights.npz", "/etc/passwd", TarConstants.LF_SYMLINK));

        assertTrue(refused(b).contains("entry 'run/weights.npz' is a symbolic link (to '/etc/passwd')"));
    }

    @Test
    void aHardLinkIsRefusedNamingTheEntry() throws IOException {
        Path b = bundle("hard.tar.gz", Entry.file("run/experiment.yaml", "x"),
                Entry.link("run/weights.npz", "run/experiment.yaml", TarConstants.LF_LINK));

        assertTrue(refused(b).contains("entry 'run/weights.npz' is a hard link"));
    }

    @Test
    void aDuplicateEntryIsRefused() throws IOException {
        Path b = bundle("dup.tar.gz", Entry.file("run/experiment.yaml", "x"), Entry.file("run/./experiment.yaml", "y"));

        assertTrue(refused(b).contains("entry 'run/./experiment.yaml' appears twice"));
    }

    @Test
    void anAbsoluteNameIsRefused() throws IOException {
        Path b = bundle("abs.tar.gz", Entry.file("/tmp/run/experiment.yaml", "x"));

        assertTrue(refused(b).contains("entry '/tmp/run/experiment.yaml' has an absolute or empty name"));
    }

    @Test
    void aDotDotNameIsRefusedEvenWhenItStaysInside() throws IOException {
        Path b = bundle("dots.tar.gz", Entry.file("run/sub/../experiment.yaml", "x"));

        assertTrue(refused(b).contains("entry 'run/sub/../experiment.yaml' holds '..'"));
    }

    @Test
    void aTruncatedBundleIsReportedAsTruncated() throws IOException {
        byte[] data = new byte[300_000];
        new java.util.Random(1).nextBytes(data);
        Path whole = bundle("whole.tar.gz", Entry.file("run/experiment.yaml", "x"),
                new Entry("run/weights.npz", data, null, (byte) 0));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(temp.resolve("cut.tar.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        assertTrue(refused(cut).contains("the bundle is truncated"), refused(cut));
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Entry[] many = new Entry[RunBundle.MAX_ENTRIES + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = Entry.file("run/f" + i, "");
        }
        Path b = bundle("many.tar.gz", many);

        assertTrue(refused(b).contains("more than 10000 entries"));
    }

    @Test
    void aBombPastTheRatioIsRefusedWhileUnpacking() throws IOException {
        Path b = bundle("bomb.tar.gz", new Entry("run/zeros", new byte[24 << 20], null, (byte) 0));

        String message = refused(b);
        assertTrue(message.contains("unpacks to more than 100 times its size"), message);
    }

    /** A header claiming more than the budget is refused at the header, before anything is written. */
    @Test
    void anEntryClaimingMoreThanTheBudgetIsRefusedAtItsHeader() throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry("run/huge");
        entry.setSize(600L << 20);
        byte[] header = new byte[512];
        entry.writeEntryHeader(header);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(packed)) {
            gz.write(header);
            gz.write(new byte[4096]);
        }
        Path b = Files.write(temp.resolve("huge.tar.gz"), packed.toByteArray());

        String message = refused(b);
        assertTrue(message.contains("entry 'run/huge' claims 629145600 bytes; the bundle may unpack to at most"),
                message);
        assertTrue(Files.notExists(temp.resolve("out/run/huge")));
    }

    @Test
    void notGzipIsSaidInWords() throws IOException {
        Path b = Files.writeString(temp.resolve("text.tar.gz"), "hello, not a bundle\n");

        assertTrue(refused(b).contains("not a gzip file"), refused(b));
    }
}
