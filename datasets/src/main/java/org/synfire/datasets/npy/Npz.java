package org.synfire.datasets.npy;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.synfire.datasets.DataLimits;
import org.synfire.datasets.internal.Bounded;

/**
 * NumPy's NPZ archives: a zip file (stored or deflated) holding one {@code <key>.npy} entry per array,
 * as {@code numpy.savez} and {@code numpy.savez_compressed} write them. Weights of the published sBP
 * code come this way, under keys such as {@code w1}, {@code w2}, {@code w2Tp}, {@code w2Tm}.
 *
 * <p>An archive is read as untrusted: it may be at most {@link DataLimits#MAX_DATA_BYTES} long (plus
 * 1 MiB of zip structure), hold at most {@link DataLimits#MAX_NPZ_ENTRIES} entries (checked from its
 * end record before the directory is read, and again after), and its arrays
 * together at most {@link DataLimits#MAX_DATA_BYTES}; an entry that unpacks to more than
 * {@link DataLimits#MAX_NPZ_RATIO} times its packed size (past {@link DataLimits#NPZ_RATIO_GRACE_BYTES})
 * is a zip bomb. Entries with an absolute name, a {@code ..} in their name, a duplicate name, or that
 * are symbolic links are refused, naming the entry; an archive cut short is reported as truncated
 * (or damaged: a zip archive whose end is missing cannot tell which).
 */
public final class Npz {

    /** Zip structure allowed beyond the data budget in the archive's length: 1 MiB. */
    static final long ZIP_OVERHEAD = 1L << 20;

    private Npz() {
    }

    /** Every array of an NPZ file, by key, in archive order. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        return read(file, DataLimits.MAX_DATA_BYTES);
    }

    /** As {@link #read(Path)}, the arrays together at most {@code budget} bytes (tests use small ones). */
    static Map<String, NpyArray> read(Path file, long budget) throws IOException {
        String f = file.toString();
        long length = Files.size(file);
        if (length > budget + ZIP_OVERHEAD) {
            throw new NpyFormatException(f, "is " + Bounded.bytes(length) + " long, more than its arrays may take: "
                    + (budget == DataLimits.MAX_DATA_BYTES ? Bounded.budget() : Bounded.bytes(budget))
                    + " and 1 MiB of zip structure");
        }
        checkDirectory(file, length);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        long left = budget;
        try (ZipFile zip = open(file)) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
            if (entries.size() > DataLimits.MAX_NPZ_ENTRIES) {
                throw new NpyFormatException(f, "holds " + entries.size() + " entries, more than the limit of "
                        + DataLimits.MAX_NPZ_ENTRIES + " (DataLimits.MAX_NPZ_ENTRIES)");
            }
            Set<String> seen = new HashSet<>();
            for (ZipArchiveEntry entry : entries) {
                String entryName = entry.getName();
                checkName(f, entry, seen);
                if (entry.isDirectory()) {
                    continue;
                }
                if (!entryName.endsWith(".npy")) {
                    throw new NpyFormatException(f, "entry " + quote(entryName) + " is not an .npy array");
                }
                String limit = "the " + Bounded.bytes(left) + " left of "
                        + (budget == DataLimits.MAX_DATA_BYTES ? Bounded.budget() : Bounded.bytes(budget))
                        + " for all arrays of the archive";
                String name = f + "!" + quote(entryName);
                try (InputStream in = new RatioGuard(name, zip.getInputStream(entry))) {
                    NpyArray a = Npy.read(name, in, -1, left, limit);
                    left -= (long) a.size() * a.type().bytes();
                    arrays.put(entryName.substring(0, entryName.length() - 4), a);
                } catch (NpyFormatException e) {
                    throw e;
                } catch (IOException e) {
                    throw new NpyFormatException(name, Bounded.cause(e));
                }
            }
        } catch (NpyFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new NpyFormatException(f, Bounded.cause(e));
        }
        return arrays;
    }

    /**
     * Reads the end-of-central-directory record and refuses an archive whose directory announces
     * more entries than {@link DataLimits#MAX_NPZ_ENTRIES}, or spans more than
     * {@link #MAX_DIRECTORY_BYTES}, or needs ZIP64 records (which no archive within these limits
     * needs), before commons-compress reads the directory into memory. An archive without an end
     * record is left to {@link #open}, which says it is truncated.
     */
    private static void checkDirectory(Path file, long length) throws IOException {
        int tail = (int) Math.min(length, END_RECORD + 0xFFFF);
        ByteBuffer b = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ch.position(length - tail);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // fill
            }
        }
        for (int i = tail - END_RECORD; i >= 0; i--) {
            if (b.getInt(i) != 0x06054b50) {
                continue;
            }
            int entries = b.getShort(i + 10) & 0xFFFF;
            long offset = b.getInt(i + 16) & 0xFFFF_FFFFL;
            long span = length - tail + i - offset;
            if (entries == 0xFFFF || offset == 0xFFFF_FFFFL) {
                throw new NpyFormatException(file.toString(), "uses ZIP64 end records, which no archive within the"
                        + " limits needs (DataLimits.MAX_NPZ_ENTRIES, DataLimits.MAX_DATA_BYTES); refused");
            }
            if (entries > DataLimits.MAX_NPZ_ENTRIES) {
                throw new NpyFormatException(file.toString(), "holds " + entries + " entries, more than the limit of "
                        + DataLimits.MAX_NPZ_ENTRIES + " (DataLimits.MAX_NPZ_ENTRIES)");
            }
            if (span > MAX_DIRECTORY_BYTES) {
                throw new NpyFormatException(file.toString(), "has a central directory of " + Bounded.bytes(span)
                        + ", more than the " + Bounded.bytes(MAX_DIRECTORY_BYTES) + " that "
                        + DataLimits.MAX_NPZ_ENTRIES + " entries (DataLimits.MAX_NPZ_ENTRIES) may take");
            }
            return;
        }
    }

    /** The length of an end-of-central-directory record without its comment. */
    private static final int END_RECORD = 22;

    /** The longest central directory read: 1 KiB per entry allowed (numpy's records take about 60 bytes). */
    static final long MAX_DIRECTORY_BYTES = DataLimits.MAX_NPZ_ENTRIES * 1024L;

    private static ZipFile open(Path file) throws IOException {
        try {
            return ZipFile.builder().setPath(file).get();
        } catch (IOException e) {
            byte[] start;
            try (InputStream in = Files.newInputStream(file)) {
                start = in.readNBytes(4);
            }
            if (start.length == 4 && start[0] == 'P' && start[1] == 'K' && (start[2] == 3 && start[3] == 4
                    || start[2] == 5 && start[3] == 6)) {
                throw new NpyFormatException(file.toString(), "is truncated or damaged: it starts as a zip"
                        + " archive, but its end (the central directory) is missing or cannot be read");
            }
            throw new NpyFormatException(file.toString(), "is not a readable zip archive: " + Bounded.cause(e)
                    .replaceFirst("^cannot be read: ", ""));
        }
    }

    /** Refuses absolute names, {@code ..}, duplicates and symbolic links, naming the entry. */
    private static void checkName(String file, ZipArchiveEntry entry, Set<String> seen) throws NpyFormatException {
        String n = entry.getName();
        String problem = null;
        if (n.isEmpty()) {
            problem = "has an empty name";
        } else if (n.startsWith("/") || n.startsWith("\\") || n.matches("^[A-Za-z]:.*")) {
            problem = "has an absolute name";
        } else if (Arrays.asList(n.split("[/\\\\]")).contains("..")) {
            problem = "has '..' in its name";
        } else if (entry.isUnixSymlink()) {
            problem = "is a symbolic link";
        } else if (!seen.add(n)) {
            problem = "occurs twice";
        }
        if (problem != null) {
            throw new NpyFormatException(file, "entry " + quote(n) + " " + problem + "; refused");
        }
    }

    private static String quote(String entryName) {
        return "'" + Bounded.quote(entryName, 100) + "'";
    }

    /** Fails a stream that unpacks to more than {@link DataLimits#MAX_NPZ_RATIO} times what it reads. */
    private static final class RatioGuard extends FilterInputStream {
        private final String name;
        private long unpacked;

        RatioGuard(String name, InputStream in) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws NpyFormatException {
            unpacked += n;
            if (unpacked > DataLimits.NPZ_RATIO_GRACE_BYTES && in instanceof InputStreamStatistics s
                    && unpacked > DataLimits.MAX_NPZ_RATIO * Math.max(1, s.getCompressedCount())) {
                throw new NpyFormatException(name, "unpacks " + Bounded.bytes(unpacked) + " from "
                        + s.getCompressedCount() + " packed bytes, more than " + DataLimits.MAX_NPZ_RATIO
                        + " times as much (DataLimits.MAX_NPZ_RATIO): refused as a zip bomb");
            }
        }
    }

    /**
     * The two-dimensional arrays of an NPZ file as int matrices, by key; every element must be an
     * integer in int range (floats holding integers, as NumPy often stores weights, are fine).
     *
     * @throws NpyFormatException naming the key and the element that does not fit, or an array that is
     *                            not two-dimensional
     */
    public static Map<String, int[][]> readIntMatrices(Path file) throws IOException {
        Map<String, int[][]> matrices = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : read(file).entrySet()) {
            try {
                matrices.put(e.getKey(), e.getValue().toIntMatrix());
            } catch (IllegalStateException | ArithmeticException problem) {
                throw new NpyFormatException(file.toString(), "array " + quote(e.getKey()) + ": "
                        + problem.getMessage());
            }
        }
        return matrices;
    }

    /** Writes arrays as a deflated NPZ, little-endian and in C order. */
    public static void write(Path file, Map<String, ? extends NpyArray> arrays) throws IOException {
        write(file, arrays, ByteOrder.LITTLE_ENDIAN, false);
    }

    /** Writes arrays as a deflated NPZ in the given byte and memory order. */
    public static void write(Path file, Map<String, ? extends NpyArray> arrays, ByteOrder byteOrder,
            boolean fortranOrder) throws IOException {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(raw, arrays, byteOrder, fortranOrder);
        }
    }

    /**
     * Writes arrays as a deflated NPZ, little-endian and in C order, to a stream (e.g. an atomic file's), which it
     * leaves open.
     */
    public static void write(OutputStream out, Map<String, ? extends NpyArray> arrays) throws IOException {
        write(out, arrays, ByteOrder.LITTLE_ENDIAN, false);
    }

    private static void write(OutputStream out, Map<String, ? extends NpyArray> arrays, ByteOrder byteOrder,
            boolean fortranOrder) throws IOException {
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
        for (Map.Entry<String, ? extends NpyArray> e : arrays.entrySet()) {
            zip.putArchiveEntry(new ZipArchiveEntry(e.getKey() + ".npy"));
            Npy.write(zip, e.getValue(), byteOrder, fortranOrder);
            zip.closeArchiveEntry();
        }
        zip.finish();
    }

    /** Int matrices as an NPZ of int32 arrays, e.g. trained weights under keys {@code w1}, {@code w2}. */
    public static void writeIntMatrices(Path file, Map<String, int[][]> matrices) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        matrices.forEach((key, m) -> arrays.put(key, NpyArray.ofMatrix(m)));
        write(file, arrays);
    }
}
