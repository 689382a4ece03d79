package org.synfire.datasets.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile NPZ archives, made here with commons-compress: bad entry names, duplicates, symbolic links,
 * too many entries, a zip bomb, arrays over the budget together, and archives cut short. Each test
 * fails if the guard it names is taken out of {@link Npz}.
 */
class NpzHostileTest {

    @TempDir
    Path dir;

    /** A one-element int8 array. */
    private static final byte[] SMALL = NpyHostileTest.npy("{'descr': '|i1', 'fortran_order': False, 'shape': (1,), }",
            new byte[] {7});

    /** An entry: its name, whether it is a symbolic link, and its content. */
    private record Entry(String name, boolean link, byte[] content) {
        Entry(String name, byte[] content) {
            this(name, false, content);
        }
    }

    private Path zip(String file, int method, Entry... entries) throws IOException {
        Path path = dir.resolve(file);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(path)) {
            zip.setMethod(method);
            for (Entry e : entries) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.name());
                if (e.link()) {
                    entry.setUnixMode(UnixStat.LINK_FLAG | 0777);
                }
                zip.putArchiveEntry(entry);
                zip.write(e.content());
                zip.closeArchiveEntry();
            }
        }
        return path;
    }

    private Path zip(String file, Entry... entries) throws IOException {
        return zip(file, ZipArchiveEntry.DEFLATED, entries);
    }

    private static String error(Path archive) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(archive));
        assertTrue(e.getMessage().startsWith(archive + ""), "names the archive: " + e.getMessage());
        assertTrue(!e.getMessage().contains("null") && !e.getMessage().contains("Exception")
                && !e.getMessage().contains("\n"), "words, one line: " + e.getMessage());
        return e.getMessage();
    }

    /**
     * Guard: entry names (absolute, '..'), checked before anything of the entry is read. (Names with
     * backslashes cannot be made here: commons-compress turns them into slashes when writing.)
     */
    @Test
    void absoluteNamesAndDotDotAreRefusedNamingTheEntry() throws IOException {
        for (String name : new String[] {"/etc/w1.npy", "C:/w1.npy"}) {
            Path archive = zip("absolute.npz", new Entry(name, SMALL));
            assertEquals(archive + ": entry '" + name + "' has an absolute name; refused", error(archive));
        }
        for (String name : new String[] {"../w1.npy", "a/../../w1.npy"}) {
            Path archive = zip("dotdot.npz", new Entry(name, SMALL));
            assertEquals(archive + ": entry '" + name + "' has '..' in its name; refused", error(archive));
        }
        Path control = zip("control.npz", new Entry("w\n1.npy", SMALL), new Entry("w\n1.npy", SMALL));
        assertEquals(control + ": entry 'w\\x0a1.npy' occurs twice; refused", error(control));
    }

    /** Guard: duplicate entry names (the second would silently replace the first). */
    @Test
    void duplicateEntriesAreRefused() throws IOException {
        Path archive = zip("twice.npz", new Entry("w1.npy", SMALL), new Entry("w2.npy", SMALL),
                new Entry("w1.npy", SMALL));
        assertEquals(archive + ": entry 'w1.npy' occurs twice; refused", error(archive));
    }

    /** Guard: symbolic links. */
    @Test
    void symbolicLinksAreRefused() throws IOException {
        Path archive = zip("link.npz", new Entry("w1.npy", true, "/etc/passwd".getBytes()));
        assertEquals(archive + ": entry 'w1.npy' is a symbolic link; refused", error(archive));
    }

    /** Guard: DataLimits.MAX_NPZ_ENTRIES. */
    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Entry[] entries = new Entry[1_001];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = new Entry("w" + i + ".npy", SMALL);
        }
        Path archive = zip("many.npz", ZipArchiveEntry.STORED, entries);
        assertEquals(archive + ": holds 1001 entries, more than the limit of 1000 (DataLimits.MAX_NPZ_ENTRIES)",
                error(archive));
    }

    /**
     * Guard: the central directory's span, checked from the end record before commons-compress reads
     * the directory into memory: 20,000 entries whose end record claims 5.
     */
    @Test
    void aCentralDirectoryTooLargeIsRefusedBeforeItIsRead() throws IOException {
        Entry[] entries = new Entry[20_000];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = new Entry("w" + i + ".npy", new byte[0]);
        }
        Path archive = zip("huge-directory.npz", ZipArchiveEntry.STORED, entries);
        byte[] b = Files.readAllBytes(archive);
        int end = b.length - 22; // the end record, no comment
        assertEquals(0x06054b50, java.nio.ByteBuffer.wrap(b, end, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
        b[end + 8] = 5; // entries on this disk
        b[end + 9] = 0;
        b[end + 10] = 5; // entries in all
        b[end + 11] = 0;
        Files.write(archive, b);
        String m = error(archive);
        assertTrue(m.startsWith(archive + ": has a central directory of ") && m.endsWith(", more than the 1024000"
                + " bytes that 1000 entries (DataLimits.MAX_NPZ_ENTRIES) may take"), m);
    }

    /** Guard: DataLimits.MAX_NPZ_RATIO, counted while unpacking (the sizes an archive declares may lie). */
    @Test
    void aZipBombIsRefused() throws IOException {
        // 17 MiB of zeros: past the 16 MiB grace at a ratio of about 1,000
        byte[] zeros = NpyHostileTest.npy("{'descr': '|i1', 'fortran_order': False, 'shape': (17825792,), }",
                new byte[17 << 20]);
        Path archive = zip("bomb.npz", new Entry("w1.npy", zeros));
        assertTrue(Files.size(archive) < 100_000, "17 MiB in " + Files.size(archive) + " bytes");
        String m = error(archive);
        assertTrue(m.startsWith(archive + "!'w1.npy': unpacks ") && m.endsWith(
                " packed bytes, more than 100 times as much (DataLimits.MAX_NPZ_RATIO): refused as a zip bomb"), m);
        // stored, the same array is no bomb
        assertEquals(17 << 20, Npz.read(zip("stored.npz", ZipArchiveEntry.STORED, new Entry("w1.npy", zeros)))
                .get("w1").size());
        // a fresh network's all-zero weights, 700 x 784 int32, deflated: within the grace
        byte[] fresh = NpyHostileTest.npy("{'descr': '<i4', 'fortran_order': False, 'shape': (700, 784), }",
                new byte[700 * 784 * 4]);
        assertEquals(700 * 784, Npz.read(zip("fresh.npz", new Entry("w1.npy", fresh))).get("w1").size());
    }

    /** Guard: the arrays of one archive together within the budget (here a budget of 1 MiB). */
    @Test
    void arraysTogetherOverTheBudgetAreRefused() throws IOException {
        byte[] big = NpyHostileTest.npy("{'descr': '<i4', 'fortran_order': False, 'shape': (150000,), }",
                new byte[600_000]);
        Path archive = zip("two.npz", ZipArchiveEntry.STORED, new Entry("w1.npy", big), new Entry("w2.npy", big));
        assertEquals(1, Npz.read(zip("one.npz", ZipArchiveEntry.STORED, new Entry("w1.npy", big)), 1 << 20).size());
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(archive, 1 << 20));
        assertEquals(archive + "!'w2.npy': shape (150000,) of <i4 claims 600000 bytes, more than the 448576 bytes"
                + " left of 1048576 bytes (1.0 MiB) for all arrays of the archive", e.getMessage());
        e = assertThrows(NpyFormatException.class, () -> Npz.read(archive, 1000));
        assertTrue(e.getMessage().startsWith(archive + ": is 1200"), e.getMessage());
    }

    /** Guard: an archive cut short says "truncated", whatever the cut, never EOFException or null. */
    @Test
    void truncatedArchivesSaySo() throws IOException, URISyntaxException {
        byte[] full = Files.readAllBytes(Path.of(NpzHostileTest.class.getResource("numpy-savez-compressed.npz").toURI()));
        for (int cut : new int[] {full.length - 1, full.length - 22, full.length / 2, 30, 4}) {
            Path archive = Files.write(dir.resolve("cut" + cut + ".npz"), Arrays.copyOf(full, cut));
            String m = error(archive);
            assertTrue(m.startsWith(archive + ": is truncated or damaged"), m);
        }
        // 20 bytes cut out of the middle, the end intact: the directory points past the data
        byte[] stored = Files.readAllBytes(Path.of(NpzHostileTest.class.getResource("numpy-savez.npz").toURI()));
        for (int at : new int[] {40, 200, stored.length / 2}) {
            byte[] holed = new byte[stored.length - 20];
            System.arraycopy(stored, 0, holed, 0, at);
            System.arraycopy(stored, at + 20, holed, at, holed.length - at);
            Path archive = Files.write(dir.resolve("hole" + at + ".npz"), holed);
            assertEquals(archive + ": is truncated or damaged: it starts as a zip archive, but its end (the central"
                    + " directory) is missing or cannot be read", error(archive));
        }
    }
}
