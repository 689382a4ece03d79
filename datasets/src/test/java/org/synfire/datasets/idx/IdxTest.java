package org.synfire.datasets.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.datasets.Images;
import org.synfire.datasets.LabelledImages;

/**
 * Reads IDX files written byte by byte here, following the format description on Y. LeCun's MNIST
 * page (big-endian header 00 00 type rank, sizes, data), and real broken files for every error.
 */
class IdxTest {

    @TempDir
    Path dir;

    /** Two images of 2 x 3 pixels, bytes laid out by hand. */
    private static final byte[] TWO_IMAGES = bytes(
            0, 0, 0x08, 3, // magic: unsigned byte, 3 dimensions
            0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, // 2 images x 2 rows x 3 columns
            1, 2, 3, 4, 5, 6, // image 0
            255, 128, 0, 7, 8, 9); // image 1

    private static final byte[] THREE_LABELS = bytes(0, 0, 0x08, 1, 0, 0, 0, 3, 7, 0, 9);

    @Test
    void readsPlainImages() throws IOException {
        Images images = Idx.readImages(write("images", TWO_IMAGES));
        assertEquals(2, images.count());
        assertEquals(2, images.rows());
        assertEquals(3, images.columns());
        assertEquals(6, images.pixel(0, 1, 2));
        assertEquals(255, images.pixel(1, 0, 0));
        assertEquals(128, images.pixel(1, 0, 1));
        assertEquals(9, images.pixel(1, 1, 2));
    }

    @Test
    void readsGzipImagesWhateverTheName() throws IOException {
        Images images = Idx.readImages(write("images.idx", gzip(TWO_IMAGES)));
        assertEquals(2, images.count());
        assertEquals(4, images.pixel(0, 1, 0));
    }

    @Test
    void readsLabels() throws IOException {
        assertArrayEquals(new int[] {7, 0, 9}, Idx.readLabels(write("labels.gz", gzip(THREE_LABELS)), 10));
    }

    @Test
    void writesWhatItReads() throws IOException {
        Images images = new Images(2, 2, 3, Arrays.copyOfRange(TWO_IMAGES, 16, 28));
        Path plain = dir.resolve("plain");
        Idx.writeImages(plain, images, false);
        assertArrayEquals(TWO_IMAGES, Files.readAllBytes(plain), "writer must produce the hand-made bytes");
        Path gz = dir.resolve("gz");
        Idx.writeLabels(gz, new int[] {7, 0, 9}, true);
        assertArrayEquals(new int[] {7, 0, 9}, Idx.readLabels(gz, 10));
    }

    @Test
    void pairsImagesAndLabels() throws IOException {
        Path labels = write("two-labels", bytes(0, 0, 8, 1, 0, 0, 0, 2, 3, 4));
        LabelledImages pair = Idx.readLabelled(write("images", TWO_IMAGES), labels, 10);
        assertArrayEquals(new int[] {3, 4}, pair.labels());
        assertEquals(6, pair.samples().dimension());
    }

    // ---- every error, from a real broken file ----

    @Test
    void rejectsNonZeroMagicPrefix() throws IOException {
        byte[] b = TWO_IMAGES.clone();
        b[1] = 1;
        assertError(write("bad-magic", b), "magic number 0x00010803");
    }

    @Test
    void rejectsWrongElementType() throws IOException {
        byte[] b = TWO_IMAGES.clone();
        b[2] = 0x0D;
        assertError(write("floats", b), "element type 0x0D (float), expected 0x08");
    }

    @Test
    void rejectsWrongNumberOfDimensions() throws IOException {
        // a labels file offered as images
        assertError(write("labels-as-images", THREE_LABELS), "1 dimension(s), expected 3");
        Path images = write("images-as-labels", TWO_IMAGES);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.readLabels(images, 10));
        assertTrue(e.getMessage().contains("3 dimension(s), expected 1"), e.getMessage());
    }

    @Test
    void rejectsTruncatedHeader() throws IOException {
        assertError(write("short-magic", bytes(0, 0)), "truncated: ends after 2 of the 4-byte magic");
        assertError(write("short-sizes", Arrays.copyOf(TWO_IMAGES, 10)),
                "truncated: ends after 6 of the 3 dimension size(s)");
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        assertError(write("short-data", Arrays.copyOf(TWO_IMAGES, 27)),
                "truncated: ends after 11 of 12 data bytes (2 x 2 x 3)");
        assertError(write("short-data.gz", gzip(Arrays.copyOf(TWO_IMAGES, 20))),
                "truncated: ends after 4 of 12 data bytes");
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        assertError(write("long", Arrays.copyOf(TWO_IMAGES, 29)), "has bytes after the 12 data bytes");
    }

    @Test
    void rejectsTruncatedGzipStream() throws IOException {
        byte[] gz = gzip(TWO_IMAGES);
        assertError(write("cut.gz", Arrays.copyOf(gz, gz.length - 6)), "cut.gz: ");
    }

    @Test
    void rejectsCorruptGzipData() throws IOException {
        byte[] gz = gzip(TWO_IMAGES);
        gz[gz.length - 5] ^= 0x5A; // damage the stored size/CRC trailer
        Path file = write("corrupt.gz", gz);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.readImages(file));
        assertTrue(e.getMessage().startsWith(file + ": cannot be read"), e.getMessage());
    }

    @Test
    void rejectsZeroSizedImages() throws IOException {
        assertError(write("flat", bytes(0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5)),
                "images of 0 x 5 pixels");
    }

    @Test
    void rejectsHugeSizes() throws IOException {
        assertError(write("huge", bytes(0, 0, 8, 3, 0x80, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1)),
                "size 2147483648 of dimension 0 is too large");
        assertError(write("huge2", bytes(0, 0, 8, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0)),
                "more than one array can hold");
    }

    @Test
    void rejectsLabelOutOfRange() throws IOException {
        Path file = write("labels", bytes(0, 0, 8, 1, 0, 0, 0, 3, 1, 10, 2));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.readLabels(file, 10));
        assertEquals(file + ": label 10 of item 1 is outside 0..9", e.getMessage());
    }

    @Test
    void rejectsMismatchedCounts() throws IOException {
        Path images = write("images", TWO_IMAGES);
        Path labels = write("labels", THREE_LABELS);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.readLabelled(images, labels, 10));
        assertEquals(labels + ": holds 3 labels but " + images + " holds 2 images; they must match one to one",
                e.getMessage());
    }

    private void assertError(Path file, String expected) {
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.readImages(file));
        assertTrue(e.getMessage().startsWith(file + ": "), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), "says what is wrong: " + e.getMessage());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
