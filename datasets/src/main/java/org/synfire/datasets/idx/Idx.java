package org.synfire.datasets.idx;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.synfire.datasets.Images;
import org.synfire.datasets.LabelledImages;

/**
 * Reads and writes the IDX format of MNIST and Fashion-MNIST, plain or gzip-compressed (recognised by
 * its signature, not the file name).
 *
 * <p>An IDX file is a big-endian header, {@code 0x00 0x00 <type> <number of dimensions>} followed by
 * one 32-bit size per dimension, and then the elements, row-major. Only unsigned bytes (type
 * {@code 0x08}) occur in these data sets. Reading checks every part of the header and that the file
 * holds exactly the data the header announces, no less and no more; any failure throws an
 * {@link IdxFormatException} and nothing read so far escapes.
 */
public final class Idx {

    /** The element type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    private Idx() {
    }

    /** Reads a file of images: unsigned bytes, three dimensions (images x rows x columns). */
    public static Images readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(file.toString(), in);
        }
    }

    /** Reads images from a stream; {@code name} names it in errors. */
    public static Images readImages(String name, InputStream in) throws IOException {
        Array a = read(name, in, 3, "images x rows x columns");
        if (a.dims[1] == 0 || a.dims[2] == 0) {
            throw new IdxFormatException(name, "images of " + a.dims[1] + " x " + a.dims[2]
                    + " pixels: rows and columns must be positive");
        }
        return new Images(a.dims[0], a.dims[1], a.dims[2], a.data);
    }

    /** Reads a file of labels: unsigned bytes, one dimension, every value below {@code classes}. */
    public static int[] readLabels(Path file, int classes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(file.toString(), in, classes);
        }
    }

    /** Reads labels from a stream; {@code name} names it in errors. */
    public static int[] readLabels(String name, InputStream in, int classes) throws IOException {
        Array a = read(name, in, 1, "labels");
        int[] labels = new int[a.data.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = a.data[i] & 0xFF;
            if (labels[i] >= classes) {
                throw new IdxFormatException(name, "label " + labels[i] + " of item " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
        return labels;
    }

    /** Reads an images file and its labels file, which must hold the same number of items. */
    public static LabelledImages readLabelled(Path images, Path labels, int classes) throws IOException {
        return pair(images.toString(), readImages(images), labels.toString(), readLabels(labels, classes), classes);
    }

    /** Pairs images with labels read separately, checking that their counts agree. */
    public static LabelledImages pair(String imagesName, Images images, String labelsName, int[] labels,
            int classes) throws IdxFormatException {
        if (images.count() != labels.length) {
            throw new IdxFormatException(labelsName, "holds " + labels.length + " labels but " + imagesName
                    + " holds " + images.count() + " images; they must match one to one");
        }
        return new LabelledImages(images, labels, classes);
    }

    /** Writes images as IDX, gzip-compressed if {@code gzip}. */
    public static void writeImages(Path file, Images images, boolean gzip) throws IOException {
        write(file, gzip, new int[] {images.count(), images.rows(), images.columns()}, images.pixels());
    }

    /** Writes labels (each 0..255) as IDX, gzip-compressed if {@code gzip}. */
    public static void writeLabels(Path file, int[] labels, boolean gzip) throws IOException {
        byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("label " + labels[i] + " of item " + i
                        + " does not fit an unsigned byte (0..255)");
            }
            data[i] = (byte) labels[i];
        }
        write(file, gzip, new int[] {labels.length}, data);
    }

    private static void write(Path file, boolean gzip, int[] dims, byte[] data) throws IOException {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file));
                OutputStream body = gzip ? new GzipCompressorOutputStream(raw) : raw;
                DataOutputStream out = new DataOutputStream(body)) {
            out.writeShort(0);
            out.writeByte(UNSIGNED_BYTE);
            out.writeByte(dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }

    /** An IDX array of unsigned bytes as read: its sizes and elements. */
    private record Array(int[] dims, byte[] data) {
    }

    private static Array read(String name, InputStream source, int rank, String layout) throws IOException {
        InputStream in = new BufferedInputStream(source);
        in.mark(2);
        byte[] signature = in.readNBytes(2);
        in.reset();
        if (GzipCompressorInputStream.matches(signature, signature.length)) {
            try {
                in = GzipCompressorInputStream.builder().setInputStream(in)
                        .setDecompressConcatenated(true).get();
            } catch (IOException e) {
                throw new IdxFormatException(name, "corrupt gzip header: " + e.getMessage(), e);
            }
        }
        try {
            byte[] header = readFully(name, in, 4, "the 4-byte magic number");
            int magic = ((header[0] & 0xFF) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8)
                    | (header[3] & 0xFF);
            if (header[0] != 0 || header[1] != 0) {
                throw new IdxFormatException(name, String.format(
                        "magic number 0x%08X is not IDX: its first two bytes must be zero", magic));
            }
            int type = header[2] & 0xFF;
            if (type != UNSIGNED_BYTE) {
                throw new IdxFormatException(name, String.format(
                        "element type 0x%02X (%s), expected 0x08 (unsigned byte)", type, typeName(type)));
            }
            int dimensions = header[3] & 0xFF;
            if (dimensions != rank) {
                throw new IdxFormatException(name, dimensions + " dimension(s), expected " + rank + " ("
                        + layout + ")");
            }
            byte[] sizeBytes = readFully(name, in, 4 * rank, "the " + rank + " dimension size(s)");
            int[] dims = new int[rank];
            long total = 1;
            for (int d = 0; d < rank; d++) {
                int i = 4 * d;
                dims[d] = ((sizeBytes[i] & 0xFF) << 24) | ((sizeBytes[i + 1] & 0xFF) << 16)
                        | ((sizeBytes[i + 2] & 0xFF) << 8) | (sizeBytes[i + 3] & 0xFF);
                if (dims[d] < 0) {
                    throw new IdxFormatException(name, "size " + Integer.toUnsignedString(dims[d])
                            + " of dimension " + d + " is too large (at most " + Integer.MAX_VALUE + ")");
                }
                total *= dims[d];
                if (total > Integer.MAX_VALUE - 16) {
                    throw new IdxFormatException(name, "announces more than " + (Integer.MAX_VALUE - 16)
                            + " elements, more than one array can hold");
                }
            }
            byte[] data = readFully(name, in, (int) total, total + " data bytes (" + describe(dims) + ")");
            if (in.read() != -1) {
                throw new IdxFormatException(name, "has bytes after the " + total + " data bytes that its header ("
                        + describe(dims) + ") announces");
            }
            return new Array(dims, data);
        } catch (IdxFormatException e) {
            throw e;
        } catch (IOException e) {
            // a damaged gzip stream fails inside the decompressor
            throw new IdxFormatException(name, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] readFully(String name, InputStream in, int n, String what) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new IdxFormatException(name, "is truncated: ends after " + bytes.length + " of " + what);
        }
        return bytes;
    }

    private static String describe(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int d : dims) {
            s.append(s.isEmpty() ? "" : " x ").append(d);
        }
        return s.toString();
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "not an IDX type";
        };
    }
}
