package org.synfire.datasets.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NPY bytes built here by hand from the format description in {@code numpy/lib/format.py} (magic,
 * version 1.0, little-endian header length, dict literal padded with spaces to 64 bytes, newline,
 * data); {@code np.save} of the same arrays with NumPy 2.4 was checked to give these very bytes.
 */
class NpyTest {

    @TempDir
    Path dir;

    /** 10 bytes of magic, version and header length (118 = 0x76), then the 118-byte header. */
    private static byte[] fixture(String dict, String dataHex) {
        String header = dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0});
        b.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(HexFormat.of().parseHex(dataHex));
        return b.toByteArray();
    }

    // np.save(np.array([1, -2, 3], dtype='<i2')): 1 = 01 00, -2 = fe ff, 3 = 03 00
    private static final byte[] INT16_LE = fixture("{'descr': '<i2', 'fortran_order': False, 'shape': (3,), }",
            "0100feff0300");
    // [[1, 2, 3], [4, 5, 6]] as big-endian int32 in Fortran order: columns first, 1 4 2 5 3 6
    private static final byte[] INT32_BE_F = fixture(
            "{'descr': '>i4', 'fortran_order': True, 'shape': (2, 3), }",
            "000000010000000400000002000000050000000300000006");
    // 1.5 as little-endian double: 0x3FF8000000000000
    private static final byte[] FLOAT64_LE = fixture("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }",
            "000000000000f83f");
    // a scalar int8 -3 (0xfd): shape (), byte order '|'
    private static final byte[] INT8_SCALAR = fixture("{'descr': '|i1', 'fortran_order': False, 'shape': (), }",
            "fd");

    @Test
    void readsHandMadeFiles() throws IOException {
        NpyArray a = Npy.read(write("a.npy", INT16_LE));
        assertEquals(NpyType.INT16, a.type());
        assertArrayEquals(new int[] {3}, a.shape());
        assertArrayEquals(new int[] {1, -2, 3}, a.toIntArray());

        NpyArray b = Npy.read(write("b.npy", INT32_BE_F));
        assertArrayEquals(new int[] {2, 3}, b.shape());
        assertArrayEquals(new int[][] {{1, 2, 3}, {4, 5, 6}}, b.toIntMatrix());

        NpyArray c = Npy.read(write("c.npy", FLOAT64_LE));
        assertEquals(1.5, c.doubleAt(0));

        NpyArray d = Npy.read(write("d.npy", INT8_SCALAR));
        assertArrayEquals(new int[0], d.shape());
        assertEquals(-3, d.longAt(0));
    }

    @Test
    void writesTheHandMadeBytes() throws IOException {
        assertArrayEquals(INT16_LE, written(new NpyArray.Int16(new int[] {3}, new short[] {1, -2, 3}),
                ByteOrder.LITTLE_ENDIAN, false));
        assertArrayEquals(INT32_BE_F, written(new NpyArray.Int32(new int[] {2, 3}, new int[] {1, 2, 3, 4, 5, 6}),
                ByteOrder.BIG_ENDIAN, true));
        assertArrayEquals(FLOAT64_LE, written(new NpyArray.Float64(new int[] {1}, new double[] {1.5}),
                ByteOrder.LITTLE_ENDIAN, false));
        assertArrayEquals(INT8_SCALAR, written(new NpyArray.Int8(new int[0], new byte[] {-3}),
                ByteOrder.BIG_ENDIAN, false), "one-byte types are written with '|' whatever the order");
    }

    @Test
    void fortranOrderMapsFirstIndexFastest() {
        // shape (2, 3, 2): Fortran position k = i + 2j + 6l holds C index 6i + 2j + l
        assertArrayEquals(new int[] {0, 6, 2, 8, 4, 10, 1, 7, 3, 9, 5, 11}, Npy.fortranOrder(new int[] {2, 3, 2}));
    }

    @Test
    void roundTripsEveryTypeByteOrderAndMemoryOrder() throws IOException {
        int[] shape = {2, 3, 4};
        int n = 24;
        byte[] i8 = new byte[n];
        short[] i16 = new short[n];
        int[] i32 = new int[n];
        long[] i64 = new long[n];
        float[] f32 = new float[n];
        double[] f64 = new double[n];
        for (int k = 0; k < n; k++) {
            // distinct values that use the high bytes, so that a byte-order or index mix-up shows
            i8[k] = (byte) (k * 11 - 128);
            i16[k] = (short) (k * 2731 - 32768);
            i32[k] = k * 178_956_970 - Integer.MAX_VALUE;
            i64[k] = k * 768_614_336_404_564_650L - Long.MAX_VALUE;
            f32[k] = k * 1.25e30f - 7.5f;
            f64[k] = -k / 3.0;
        }
        NpyArray[] arrays = {new NpyArray.Int8(shape, i8), new NpyArray.Int16(shape, i16),
                new NpyArray.Int32(shape, i32), new NpyArray.Int64(shape, i64), new NpyArray.Float32(shape, f32),
                new NpyArray.Float64(shape, f64)};
        for (NpyArray a : arrays) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (boolean fortran : new boolean[] {false, true}) {
                    String what = a.type() + " " + order + (fortran ? " Fortran" : " C");
                    Path file = dir.resolve("rt.npy");
                    Npy.write(file, a, order, fortran);
                    NpyArray back = Npy.read(file);
                    assertEquals(a.type(), back.type(), what);
                    assertArrayEquals(shape, back.shape(), what);
                    for (int k = 0; k < n; k++) {
                        assertEquals(a.doubleAt(k), back.doubleAt(k), what + " element " + k);
                        if (a.type().integral()) {
                            assertEquals(a.longAt(k), back.longAt(k), what + " element " + k);
                        }
                    }
                    assertEquals(0, Files.size(file) % 8);
                }
            }
        }
    }

    @Test
    void headerIsPaddedTo64Bytes() {
        // a long shape makes the dict exceed one 64-byte block after the 10-byte prefix
        byte[] h = Npy.header(new NpyArray.Int8(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, new byte[1]), ByteOrder.LITTLE_ENDIAN, false);
        assertEquals(0, h.length % 64);
        assertEquals('\n', h[h.length - 1]);
        assertEquals(h.length - 10, (h[8] & 0xFF) | (h[9] & 0xFF) << 8);
    }

    @Test
    void readsVersion2Headers() throws IOException {
        // version 2.0: the same header, a 4-byte length (118 + 2 spaces fewer: total stays 128)
        String dict = "{'descr': '<i2', 'fortran_order': False, 'shape': (3,), }";
        String header = dict + " ".repeat(128 - 12 - dict.length() - 1) + "\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 116, 0, 0, 0});
        b.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(HexFormat.of().parseHex("0100feff0300"));
        assertArrayEquals(new int[] {1, -2, 3}, Npy.read(write("v2.npy", b.toByteArray())).toIntArray());
    }

    @Test
    void rejectsBrokenFiles() throws IOException {
        assertError("bad-magic.npy", Arrays.copyOf("NUMPY!!!".getBytes(StandardCharsets.US_ASCII), 8),
                "does not start with the NPY magic");
        assertError("short.npy", Arrays.copyOf(INT16_LE, INT16_LE.length - 1),
                "is truncated: ends after 5 bytes of 6 data bytes");
        assertError("long.npy", Arrays.copyOf(INT16_LE, INT16_LE.length + 1), "has bytes after the 6 data bytes");
        assertError("u2.npy", fixture("{'descr': '<u2', 'fortran_order': False, 'shape': (3,), }", "000000000000"),
                "descr '<u2' is not supported");
        assertError("noshape.npy", fixture("{'descr': '<i2', 'fortran_order': False, }", "0000"), "no valid 'shape'");
        byte[] v4 = INT16_LE.clone();
        v4[6] = 4;
        assertError("v4.npy", v4, "NPY version 4.0 is not supported");
    }

    @Test
    void nonIntegralFloatsAreNoInts() {
        NpyArray a = new NpyArray.Float64(new int[] {2}, new double[] {3.0, 2.5});
        ArithmeticException e = assertThrows(ArithmeticException.class, a::toIntArray);
        assertEquals("element 1 = 2.5 is not an integer", e.getMessage());
        NpyArray big = new NpyArray.Int64(new int[] {1}, new long[] {1L << 31});
        assertEquals("element 0 = 2147483648 does not fit an int",
                assertThrows(ArithmeticException.class, big::toIntArray).getMessage());
    }

    private void assertError(String name, byte[] content, String expected) throws IOException {
        Path file = write(name, content);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static byte[] written(NpyArray a, ByteOrder order, boolean fortran) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a, order, fortran);
        return out.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }
}
