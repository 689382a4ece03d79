package org.synfire.datasets.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.datasets.Allocated;

/**
 * Hostile NPY files, made here: headers that announce far more than the file holds or than memory
 * allows, headers too long, not text, or full of control characters. Each test fails if the guard
 * it names is taken out of {@link Npy}.
 */
class NpyHostileTest {

    @TempDir
    Path dir;

    /** Magic, version {@code major}.0, the header length field as given, the header, then {@code data}. */
    static byte[] npy(int major, long lengthField, byte[] header, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) lengthField);
        } else {
            b.putInt((int) lengthField);
        }
        b.put(header).put(data);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** A version 1.0 file with this dict and data, its header padded as NumPy pads it. */
    static byte[] npy(String dict, byte[] data) {
        String header = dict + " ".repeat(Math.floorMod(-(10 + dict.length() + 1), 64)) + "\n";
        return npy(1, header.length(), header.getBytes(StandardCharsets.ISO_8859_1), data);
    }

    private static final String TWO_GIB = "{'descr': '<f8', 'fortran_order': False, 'shape': (16384, 16384), }";
    private static final String LIMIT = "the limit of 536870912 bytes (512.0 MiB) (DataLimits.MAX_DATA_BYTES)";

    /** Guard: the size the shape claims against DataLimits.MAX_DATA_BYTES. */
    @Test
    void headerClaimingA2GibMatrixFailsNamingTheSizeAndTheLimit() throws IOException {
        Path file = write("two-gib.npy", npy(TWO_GIB, new byte[64]));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
        assertEquals(file + ": shape (16384, 16384) of <f8 claims 2147483648 bytes (2.0 GiB), more than " + LIMIT,
                e.getMessage());
        byte[] b = Files.readAllBytes(file);
        e = assertThrows(NpyFormatException.class, () -> Npy.read("entry", new ByteArrayInputStream(b)));
        assertTrue(e.getMessage().startsWith("entry: shape (16384, 16384) of <f8 claims"), e.getMessage());
        // sizes whose product overflows a long, and a zero beside a size no array can hold
        Path huge = write("huge.npy", npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2000000000, "
                + "2000000000, 2000000000), }", new byte[0]));
        assertTrue(assertThrows(NpyFormatException.class, () -> Npy.read(huge)).getMessage()
                .endsWith("claims more than 2^63 bytes, more than " + LIMIT));
        Path zero = write("zero.npy", npy("{'descr': '<i8', 'fortran_order': False, 'shape': (0, 99999999999), }",
                new byte[0]));
        assertEquals(zero + ": shape (0, 99999999999) has a size of 99999999999, more than one array can hold",
                assertThrows(NpyFormatException.class, () -> Npy.read(zero)).getMessage());
    }

    /** Guard: the header length against DataLimits.MAX_NPY_HEADER_BYTES, before reading the header. */
    @Test
    void headerClaiming2GbFailsBeforeReadingIt() throws IOException {
        byte[] b = npy(2, 0x7FFF_FFFFL, "{'descr'".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        Path file = write("long-header.npy", b);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
        assertEquals(file + ": header length 2147483647 bytes (2.0 GiB) is more than the limit of 10000 bytes"
                + " (DataLimits.MAX_NPY_HEADER_BYTES)", e.getMessage());
        e = assertThrows(NpyFormatException.class, () -> Npy.read("stream", new ByteArrayInputStream(b)));
        assertTrue(e.getMessage().contains("is more than the limit of 10000 bytes"), e.getMessage());
        byte[] unsigned = npy(3, 0xFFFF_FFFFL, new byte[0], new byte[0]);
        e = assertThrows(NpyFormatException.class, () -> Npy.read("stream", new ByteArrayInputStream(unsigned)));
        assertTrue(e.getMessage().startsWith("stream: header length 4294967295 bytes (4.0 GiB) is more than"),
                e.getMessage());
    }

    /** Guard: the data a plain file announces against its real size, before allocating it. */
    @Test
    void plainFileClaiming400MbFailsAsTruncatedBeforeAllocating() throws IOException {
        Path file = write("short.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (100000000,), }",
                new byte[10]));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
        assertEquals(file + ": is truncated: ends after 10 bytes of 400000000 data bytes (shape (100000000,) of <f4)",
                e.getMessage());
        assertTrue(Allocated.by(() -> Npy.read(file)) < 1L << 20, "nothing of the claimed size");
    }

    /** Guard: a stream (an archive entry) is read in growing steps, not into an array of the claimed size. */
    @Test
    void streamClaiming400MbFailsAsTruncatedBeforeAllocating() {
        byte[] b = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (100000000,), }", new byte[10]);
        NpyFormatException e = assertThrows(NpyFormatException.class,
                () -> Npy.read("stream", new ByteArrayInputStream(b)));
        assertEquals("stream: is truncated: ends after 10 bytes of 400000000 data bytes (shape (100000000,) of <f4)",
                e.getMessage());
        assertTrue(Allocated.by(() -> Npy.read("stream", new ByteArrayInputStream(b))) < 8L << 20,
                "nothing of the claimed size");
    }

    /** Guard: an NPY 3.0 header is decoded strictly; invalid UTF-8 is said so, not replaced or thrown raw. */
    @Test
    void invalidUtf8InAVersion3HeaderIsSaidSo() throws IOException {
        String dict = "{'descr': '<i2', 'fortran_order': False, 'shape': (1,), }";
        byte[] header = (dict + " ".repeat(128 - 12 - dict.length() - 1) + "\n").getBytes(StandardCharsets.US_ASCII);
        header[header.length - 2] = (byte) 0xC3; // a lead byte with no continuation, in the padding
        Path file = write("v3.npy", npy(3, header.length, header, new byte[2]));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
        assertEquals(file + ": header is not valid UTF-8 text, as NPY 3.0 requires", e.getMessage());
    }

    /** Guard: text from the file is quoted, escaped and cut in messages: one line, whatever the header holds. */
    @Test
    void messagesQuoteTheFileOnOneLine() throws IOException {
        String dict = "{'descr': '<i2',\n'fortran_order': False,\r\n\u0007" + "x".repeat(500) + " }";
        Path file = write("noshape.npy", npy(dict, new byte[0]));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
        assertTrue(e.getMessage().startsWith(file + ": header {'descr': '<i2',\\x0a'fortran_order': False,\\x0d\\x0a"
                + "\\x07xxx"), e.getMessage());
        assertTrue(e.getMessage().endsWith("... has no valid 'shape'") && e.getMessage().length() < 400, e.getMessage());
        Path descr = write("descr.npy", npy("{'descr': '<i\n9', 'fortran_order': False, 'shape': (1,), }",
                new byte[0]));
        e = assertThrows(NpyFormatException.class, () -> Npy.read(descr));
        assertTrue(e.getMessage().startsWith(descr + ": descr '<i\\x0a9' is not supported"), e.getMessage());
        Path shape = write("shape.npy", npy("{'descr': '<i2', 'fortran_order': False, 'shape': (-1,\n), }",
                new byte[0]));
        e = assertThrows(NpyFormatException.class, () -> Npy.read(shape));
        assertEquals(shape + ": shape (-1,\\x0a) is not a tuple of sizes (non-negative integers)", e.getMessage());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
