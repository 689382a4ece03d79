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
import org.synfire.datasets.DataLimits;
import org.synfire.datasets.Images;
import org.synfire.datasets.LabelledImages;
import org.synfire.datasets.internal.Bounded;

/**
 * Reads and writes the IDX format of MNIST and Fashion-MNIST, plain or gzip-compressed (recognised by
 * its signature, not the file name).
 *
 * <p>An IDX file is a big-endian header, {@code 0x00 0x00 <type> <number of dimensions>} followed by
 * one 32-bit size per dimension, and then the elements, row-major. Only unsigned bytes (type
 * {@code 0x08}) occur in these data sets. Reading checks every part of the header and that the file
 * holds exactly the data the header announces, no less and no more; any failure throws an
 * {@link IdxFormatException} and nothing read so far escapes.
 *
 * <p>The sizes a header announces are checked before anything is allocated: against
 * {@link DataLimits#MAX_DATA_BYTES} (images take a byte per pixel, labels four bytes each, as ints)
 * and, for a plain file, against the bytes the file really holds. Gzip data and streams, whose real
 * size is unknown, are read in growing steps, so that a small file announcing a large array fails
 * as truncated after allocating about what it holds.
 */
public final class Idx {

    /** The element type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    private Idx() {
    }

    /** Reads a file of images: unsigned bytes, three dimensions (images x rows x columns). */
    public static Images readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return images(file.toString(), read(file.toString(), in, 3, "images x rows x columns", 1,
                    Files.size(file)));
        }
    }

    /** Reads images from a stream; {@code name} names it in errors. */
    public static Images readImages(String name, InputStream in) throws IOException {
        return images(name, read(name, in, 3, "images x rows x columns", 1, -1));
    }

    private static Images images(String name, Array a) throws IdxFormatException {
        if (a.dims[1] == 0 || a.dims[2] == 0) {
            throw new IdxFormatException(name, "images of " + a.dims[1] + " x " + a.dims[2]
                    + " pixels: rows and columns must be positive");
        }
        return new Images(a.dims[0], a.dims[1], a.dims[2], a.data);
    }

    /** Reads a file of labels: unsigned bytes, one dimension, every value below {@code classes}. */
    public static int[] readLabels(Path file, int classes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return labels(file.toString(), read(file.toString(), in, 1, "labels", Integer.BYTES, Files.size(file)),
                    classes);
        }
    }

    /** Reads labels from a stream; {@code name} names it in errors. */
    public static int[] readLabels(String name, InputStream in, int classes) throws IOException {
        return labels(name, read(name, in, 1, "labels", Integer.BYTES, -1), classes);
    }

    private static int[] labels(String name, Array a, int classes) throws IdxFormatException {
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

    /**
     * Reads an array of {@code rank} dimensions whose elements take {@code memory} bytes each once
     * read; {@code realSize} is the length of the file, -1 if unknown.
     */
    private static Array read(String name, InputStream source, int rank, String layout, int memory, long realSize)
            throws IOException {
        InputStream in = new BufferedInputStream(source);
        in.mark(2);
        byte[] signature = in.readNBytes(2);
        in.reset();
        long known = realSize;
        if (GzipCompressorInputStream.matches(signature, signature.length)) {
            known = -1; // the size after gunzip is not known before it is read
            try {
                in = GzipCompressorInputStream.builder().setInputStream(in)
                        .setDecompressConcatenated(true).get();
            } catch (IOException e) {
                throw new IdxFormatException(name, "has a corrupt gzip header: " + Bounded.cause(e)
                        .replaceFirst("^cannot be read: ", ""), e);
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
            if (total * memory > DataLimits.MAX_DATA_BYTES) {
                throw new IdxFormatException(name, "header announces " + describe(dims) + " " + layout + ": "
                        + Bounded.bytes(total * memory) + " in memory, more than " + Bounded.budget());
            }
            String what = total + " data bytes (" + describe(dims) + ")";
            long headerBytes = 4 + 4L * rank;
            if (known >= 0 && known - headerBytes < total) {
                throw new IdxFormatException(name, "is truncated: ends after " + (known - headerBytes) + " of " + what);
            }
            // a plain file holds what it announces (checked above): one array of that size; else grow as data arrives
            byte[] data = known >= 0 ? new byte[(int) total] : Bounded.read(in, (int) total);
            if (known >= 0 && in.readNBytes(data, 0, data.length) < total) {
                throw new IdxFormatException(name, "is truncated: the file shrank while it was read");
            }
            if (data.length < total) {
                throw new IdxFormatException(name, "is truncated: ends after " + data.length + " of " + what);
            }
            if (in.read() != -1) {
                throw new IdxFormatException(name, "has bytes after the " + total + " data bytes that its header ("
                        + describe(dims) + ") announces");
            }
            return new Array(dims, data);
        } catch (IdxFormatException e) {
            throw e;
        } catch (IOException e) {
            // a damaged gzip stream fails inside the decompressor
            throw new IdxFormatException(name, Bounded.cause(e), e);
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
