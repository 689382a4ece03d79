package org.synfire.datasets.npy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * NumPy's NPZ archives: a zip file (stored or deflated) holding one {@code <key>.npy} entry per array,
 * as {@code numpy.savez} and {@code numpy.savez_compressed} write them. Weights of the published sBP
 * code come this way, under keys such as {@code w1}, {@code w2}, {@code w2Tp}, {@code w2Tm}.
 */
public final class Npz {

    private Npz() {
    }

    /** Every array of an NPZ file, by key, in archive order. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntriesInPhysicalOrder(); e.hasMoreElements();) {
                ZipArchiveEntry entry = e.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String entryName = entry.getName();
                if (!entryName.endsWith(".npy")) {
                    throw new NpyFormatException(file.toString(), "entry " + entryName + " is not an .npy array");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(entryName.substring(0, entryName.length() - 4),
                            Npy.read(file + "!" + entryName, in));
                }
            }
        } catch (NpyFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new NpyFormatException(file.toString(), "is not a readable zip archive: " + e.getMessage());
        }
        return arrays;
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
                throw new NpyFormatException(file.toString(), "array '" + e.getKey() + "': " + problem.getMessage());
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
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file));
                ZipArchiveOutputStream zip = new ZipArchiveOutputStream(raw)) {
            for (Map.Entry<String, ? extends NpyArray> e : arrays.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey() + ".npy"));
                Npy.write(zip, e.getValue(), byteOrder, fortranOrder);
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    /** Int matrices as an NPZ of int32 arrays, e.g. trained weights under keys {@code w1}, {@code w2}. */
    public static void writeIntMatrices(Path file, Map<String, int[][]> matrices) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        matrices.forEach((key, m) -> arrays.put(key, NpyArray.ofMatrix(m)));
        write(file, arrays);
    }
}
