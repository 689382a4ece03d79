package org.synfire.datasets.npy;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.synfire.datasets.DataLimits;
import org.synfire.datasets.internal.Bounded;

/**
 * Reads and writes NumPy's NPY format (versions 1.0, 2.0 and 3.0), as specified in
 * {@code numpy/lib/format.py}: the magic {@code \x93NUMPY}, a major and minor version byte, the
 * header length (2 bytes little-endian in 1.0, 4 bytes in 2.0 and 3.0), a header that is a Python
 * dict literal {@code {'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces
 * and ending in a newline so that the data starts at a multiple of 64 bytes, and then the elements.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Reads an NPY file; the sizes its header announces are checked against its length first. */
    public static NpyArray read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(file.toString(), in, Files.size(file), DataLimits.MAX_DATA_BYTES, Bounded.budget());
        }
    }

    /**
     * Reads one array from a stream that must end with it; {@code name} names it in errors. The
     * header may be at most {@link DataLimits#MAX_NPY_HEADER_BYTES} long and the array at most
     * {@link DataLimits#MAX_DATA_BYTES}; as the stream's length is unknown, the data is read in
     * growing steps, so that a short stream announcing a large array fails as truncated early.
     */
    public static NpyArray read(String name, InputStream in) throws IOException {
        return read(name, in, -1, DataLimits.MAX_DATA_BYTES, Bounded.budget());
    }

    /**
     * Reads one array of at most {@code budget} bytes ({@code limit} says which limit that is, for
     * errors) from a stream of {@code realSize} bytes (-1 if unknown).
     */
    static NpyArray read(String name, InputStream in, long realSize, long budget, String limit) throws IOException {
        byte[] lead = in.readNBytes(8);
        if (lead.length < 8 || !Arrays.equals(Arrays.copyOf(lead, 6), MAGIC)) {
            throw new NpyFormatException(name, "does not start with the NPY magic \\x93NUMPY");
        }
        int major = lead[6] & 0xFF;
        long headerLength;
        if (major == 1) {
            byte[] n = readFully(name, in, 2, "the header length");
            headerLength = (n[0] & 0xFF) | (n[1] & 0xFF) << 8;
        } else if (major == 2 || major == 3) {
            byte[] n = readFully(name, in, 4, "the header length");
            headerLength = Integer.toUnsignedLong(ByteBuffer.wrap(n).order(ByteOrder.LITTLE_ENDIAN).getInt());
        } else {
            throw new NpyFormatException(name, "NPY version " + major + "." + (lead[7] & 0xFF)
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        if (headerLength > DataLimits.MAX_NPY_HEADER_BYTES) {
            throw new NpyFormatException(name, "header length " + Bounded.bytes(headerLength) + " is more than the"
                    + " limit of " + DataLimits.MAX_NPY_HEADER_BYTES + " bytes (DataLimits.MAX_NPY_HEADER_BYTES)");
        }
        long prefix = major == 1 ? 10 : 12;
        if (realSize >= 0 && realSize - prefix < headerLength) {
            throw new NpyFormatException(name, "is truncated: ends after " + (realSize - prefix) + " bytes of the "
                    + headerLength + "-byte header");
        }
        String header = text(name, readFully(name, in, (int) headerLength, "the " + headerLength + "-byte header"),
                major);
        String descr = field(name, header, DESCR, "descr");
        boolean fortran = field(name, header, FORTRAN, "fortran_order").equals("True");
        String shapeText = field(name, header, SHAPE, "shape");

        NpyType type = descr.length() < 2 ? null : NpyType.ofCode(descr.substring(1));
        char order = descr.isEmpty() ? '?' : descr.charAt(0);
        if (type == null || "<>|=".indexOf(order) < 0 || (order == '|' && type.bytes() != 1)) {
            throw new NpyFormatException(name, "descr '" + Bounded.quote(descr, 40) + "' is not supported; expected"
                    + " a byte order (< or >, | for one byte) and one of i1, i2, i4, i8, f4, f8");
        }
        ByteOrder byteOrder = order == '>' ? ByteOrder.BIG_ENDIAN
                : order == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
        long[] sizes = shape(name, shapeText);
        long bytes = type.bytes();
        for (long size : sizes) {
            bytes = size != 0 && bytes > Long.MAX_VALUE / size ? Long.MAX_VALUE : bytes * size;
        }
        String what = "shape (" + Bounded.quote(shapeText, 60) + ") of " + descr;
        if (bytes > budget) {
            throw new NpyFormatException(name, what + " claims " + (bytes == Long.MAX_VALUE ? "more than 2^63 bytes"
                    : Bounded.bytes(bytes)) + ", more than " + limit);
        }
        long start = prefix + headerLength;
        if (realSize >= 0 && realSize - start < bytes) {
            throw new NpyFormatException(name, "is truncated: ends after " + (realSize - start) + " bytes of "
                    + bytes + " data bytes (" + what + ")");
        }
        int[] shape = new int[sizes.length];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = (int) sizes[d]; // each size fits an int (checked by shape)
        }
        // a stream of known length holds what it announces (checked above): one array; else grow as data arrives
        byte[] raw = realSize >= 0 ? new byte[(int) bytes] : Bounded.read(in, (int) bytes);
        int got = realSize >= 0 ? in.readNBytes(raw, 0, raw.length) : raw.length;
        if (got < bytes) {
            throw new NpyFormatException(name, "is truncated: ends after " + got + " bytes of " + bytes
                    + " data bytes (" + what + ")");
        }
        if (in.read() != -1) {
            throw new NpyFormatException(name, "has bytes after the " + bytes + " data bytes its header announces");
        }
        return decode(type, shape, ByteBuffer.wrap(raw).order(byteOrder), fortran);
    }

    /** The header as text: Latin-1 up to version 2.0, UTF-8 in 3.0 (an invalid byte is an error, not replaced). */
    private static String text(String name, byte[] header, int major) throws NpyFormatException {
        if (major != 3) {
            return new String(header, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(header)).toString();
        } catch (CharacterCodingException e) {
            throw new NpyFormatException(name, "header is not valid UTF-8 text, as NPY 3.0 requires");
        }
    }

    /** Writes an array as NPY 1.0 (2.0 if the header needs it) in the given byte order and memory order. */
    public static void write(Path file, NpyArray array, ByteOrder byteOrder, boolean fortranOrder) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(out, array, byteOrder, fortranOrder);
        }
    }

    /** Writes an array, little-endian and in C order, as NumPy does by default on common machines. */
    public static void write(Path file, NpyArray array) throws IOException {
        write(file, array, ByteOrder.LITTLE_ENDIAN, false);
    }

    /** Writes an array to a stream (left open). */
    public static void write(OutputStream out, NpyArray array, ByteOrder byteOrder, boolean fortranOrder)
            throws IOException {
        out.write(header(array, byteOrder, fortranOrder));
        ByteBuffer data = ByteBuffer.allocate(array.size() * array.type().bytes()).order(byteOrder);
        int[] order = fortranOrder ? fortranOrder(array.shape()) : null;
        for (int k = 0; k < array.size(); k++) {
            int i = order == null ? k : order[k];
            switch (array) {
                case NpyArray.Int8 a -> data.put(a.data()[i]);
                case NpyArray.Int16 a -> data.putShort(a.data()[i]);
                case NpyArray.Int32 a -> data.putInt(a.data()[i]);
                case NpyArray.Int64 a -> data.putLong(a.data()[i]);
                case NpyArray.Float32 a -> data.putFloat(a.data()[i]);
                case NpyArray.Float64 a -> data.putDouble(a.data()[i]);
            }
        }
        out.write(data.array());
    }

    /** The header NumPy writes for this array: magic, version, length and the padded dict. */
    static byte[] header(NpyArray array, ByteOrder byteOrder, boolean fortranOrder) {
        char order = array.type().bytes() == 1 ? '|' : byteOrder == ByteOrder.BIG_ENDIAN ? '>' : '<';
        StringBuilder shape = new StringBuilder("(");
        int[] s = array.shape();
        for (int d = 0; d < s.length; d++) {
            shape.append(d == 0 ? "" : ", ").append(s[d]);
        }
        shape.append(s.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + order + array.type().code() + "', 'fortran_order': "
                + (fortranOrder ? "True" : "False") + ", 'shape': " + shape + ", }";
        int prefix = dict.length() + 1 + 10 > 65535 ? 12 : 10; // version 2.0 has a 4-byte length
        int padded = (prefix + dict.length() + 1 + 63) / 64 * 64;
        String text = dict + " ".repeat(padded - prefix - dict.length() - 1) + "\n";
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (prefix == 10 ? 1 : 2)).put((byte) 0);
        if (prefix == 10) {
            b.putShort((short) text.length());
        } else {
            b.putInt(text.length());
        }
        b.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    private static NpyArray decode(NpyType type, int[] shape, ByteBuffer in, boolean fortran) {
        int n = NpyArray.size(shape);
        FortranCursor f = fortran ? new FortranCursor(shape) : null;
        return switch (type) {
            case INT8 -> {
                byte[] d = new byte[n];
                for (int k = 0; k < n; k++) {
                    d[f == null ? k : f.next()] = in.get();
                }
                yield new NpyArray.Int8(shape, d);
            }
            case INT16 -> {
                short[] d = new short[n];
                for (int k = 0; k < n; k++) {
                    d[f == null ? k : f.next()] = in.getShort();
                }
                yield new NpyArray.Int16(shape, d);
            }
            case INT32 -> {
                int[] d = new int[n];
                for (int k = 0; k < n; k++) {
                    d[f == null ? k : f.next()] = in.getInt();
                }
                yield new NpyArray.Int32(shape, d);
            }
            case INT64 -> {
                long[] d = new long[n];
                for (int k = 0; k < n; k++) {
                    d[f == null ? k : f.next()] = in.getLong();
                }
                yield new NpyArray.Int64(shape, d);
            }
            case FLOAT32 -> {
                float[] d = new float[n];
                for (int k = 0; k < n; k++) {
                    d[f == null ? k : f.next()] = in.getFloat();
                }
                yield new NpyArray.Float32(shape, d);
            }
            case FLOAT64 -> {
                double[] d = new double[n];
                for (int k = 0; k < n; k++) {
                    d[f == null ? k : f.next()] = in.getDouble();
                }
                yield new NpyArray.Float64(shape, d);
            }
        };
    }

    /** Walks the elements in Fortran order (first index fastest), giving each one's C-order index, without a map. */
    private static final class FortranCursor {
        private final int[] shape;
        private final int[] index;

        FortranCursor(int[] shape) {
            this.shape = shape;
            this.index = new int[shape.length];
        }

        int next() {
            int c = 0;
            for (int d = 0; d < shape.length; d++) {
                c = c * shape[d] + index[d];
            }
            for (int d = 0; d < shape.length && ++index[d] == shape[d]; d++) {
                index[d] = 0;
            }
            return c;
        }
    }

    /** For each position in Fortran order (first index fastest), the C-order index of that element. */
    static int[] fortranOrder(int[] shape) {
        int n = NpyArray.size(shape);
        int[] map = new int[n];
        int[] index = new int[shape.length];
        for (int k = 0; k < n; k++) {
            int c = 0;
            for (int d = 0; d < shape.length; d++) {
                c = c * shape[d] + index[d];
            }
            map[k] = c;
            for (int d = 0; d < shape.length && ++index[d] == shape[d]; d++) {
                index[d] = 0;
            }
        }
        return map;
    }

    private static String field(String name, String header, Pattern pattern, String key)
            throws NpyFormatException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new NpyFormatException(name, "header " + Bounded.quote(header.strip(), 120) + " has no valid '" + key
                    + "'");
        }
        return m.group(1);
    }

    private static long[] shape(String name, String text) throws NpyFormatException {
        String[] parts = text.split(",", -1);
        int count = 0;
        long[] shape = new long[parts.length];
        for (String p : parts) {
            if (!p.isBlank()) {
                String size = p.strip();
                if (!size.matches("[0-9]{1,18}L?")) {
                    throw new NpyFormatException(name, "shape (" + Bounded.quote(text, 60)
                            + ") is not a tuple of sizes (non-negative integers)");
                }
                shape[count++] = Long.parseLong(size.replace("L", ""));
                if (shape[count - 1] > Integer.MAX_VALUE - 16) {
                    throw new NpyFormatException(name, "shape (" + Bounded.quote(text, 60) + ") has a size of "
                            + shape[count - 1] + ", more than one array can hold");
                }
            }
        }
        return Arrays.copyOf(shape, count);
    }

    private static byte[] readFully(String name, InputStream in, int n, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new NpyFormatException(name, "is truncated: ends after " + b.length + " bytes of " + what);
        }
        return b;
    }
}
