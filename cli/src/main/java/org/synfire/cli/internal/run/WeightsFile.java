package org.synfire.cli.internal.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Weights as NPZ files that numpy reads ({@code numpy.load}): one little-endian int32 array per
 * matrix, named by the matrix, and {@code samples}, the training samples seen, as a one-element
 * int64 array. Files are written atomically.
 */
public final class WeightsFile {

    static final String SAMPLES = "samples";
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '(<i4|<i8)', 'fortran_order': False, 'shape': \\((\\d+),(?: (\\d+),?)?\\), \\}\\s*");

    private WeightsFile() {
    }

    /** Writes the matrices and the sample count to an NPZ file. */
    public static void write(Path file, Map<String, int[][]> weights, long samples) throws IOException {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, int[][]> e : weights.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                int[][] m = e.getValue();
                writeNpy(zip, m, m.length == 0 ? 0 : m[0].length);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(SAMPLES + ".npy"));
            writeHeader(zip, "<i8", "(1,)");
            zip.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(samples).array());
            zip.closeEntry();
            zip.finish();
        });
    }

    /** Writes one int32 matrix [rows][columns] as an NPY file. */
    public static void writeNpy(Path file, int[][] rows, int columns) throws IOException {
        AtomicFiles.write(file, out -> writeNpy(out, rows, columns));
    }

    /** Reads a checkpoint {@link #write} wrote. */
    public static Checkpoint readCheckpoint(Path file) throws IOException {
        Map<String, int[][]> weights = new LinkedHashMap<>();
        long samples = -1;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().replaceFirst("\\.npy$", "");
                ByteBuffer npy = ByteBuffer.wrap(zip.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
                Matcher header = readHeader(npy, file, name);
                if (name.equals(SAMPLES)) {
                    samples = npy.getLong();
                } else {
                    int rows = Integer.parseInt(header.group(2));
                    int columns = header.group(3) == null ? 1 : Integer.parseInt(header.group(3));
                    if (!header.group(1).equals("<i4") || npy.remaining() != 4L * rows * columns) {
                        throw new IOException(file + ": array " + name + " is not " + rows + " x " + columns + " int32");
                    }
                    int[][] m = new int[rows][columns];
                    for (int[] row : m) {
                        npy.asIntBuffer().get(row);
                        npy.position(npy.position() + 4 * columns);
                    }
                    weights.put(name, m);
                }
            }
        }
        if (samples < 0) {
            throw new IOException(file + ": no '" + SAMPLES + "' array; not a Synfire checkpoint");
        }
        return new Checkpoint(samples, weights);
    }

    private static void writeNpy(OutputStream out, int[][] rows, int columns) throws IOException {
        writeHeader(out, "<i4", "(" + rows.length + ", " + columns + ")");
        ByteBuffer row = ByteBuffer.allocate(4 * columns).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] r : rows) {
            row.clear();
            row.asIntBuffer().put(r, 0, columns);
            out.write(row.array());
        }
    }

    /** NPY 1.0 header: magic, version, length, then the dictionary padded to a multiple of 64 bytes. */
    private static void writeHeader(OutputStream out, String descr, String shape) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        String padded = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(MAGIC);
        header.write(padded.length() & 0xFF);
        header.write(padded.length() >> 8);
        header.write(padded.getBytes(StandardCharsets.US_ASCII));
        out.write(header.toByteArray());
    }

    private static Matcher readHeader(ByteBuffer npy, Path file, String name) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        npy.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException(file + ": array " + name + " is not an NPY 1.0 array");
        }
        int length = Short.toUnsignedInt(npy.getShort());
        byte[] dict = new byte[length];
        npy.get(dict);
        Matcher m = HEADER.matcher(new String(dict, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            throw new IOException(file + ": array " + name + " has a header Synfire does not write: "
                    + new String(dict, StandardCharsets.US_ASCII).trim());
        }
        return m;
    }
}
