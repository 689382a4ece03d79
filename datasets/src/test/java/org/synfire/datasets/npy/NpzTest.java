package org.synfire.datasets.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path dir;

    /** The arrays of make_fixtures.py (next to the fixtures), written there by NumPy itself. */
    private static void assertSbpLikeWeights(Map<String, int[][]> m) {
        assertEquals(List.of("w1", "w2", "w2Tp", "w2Tm"), List.copyOf(m.keySet()));
        assertArrayEquals(new int[][] {{1, -2}, {3, 4}, {-128, 127}}, m.get("w1"));
        assertArrayEquals(new int[][] {{1, 2, 3}, {-4, 5, 6}}, m.get("w2"), "float64, Fortran order");
        assertArrayEquals(new int[][] {{300, -300, 7}}, m.get("w2Tp"), "big-endian int16");
        assertArrayEquals(new int[][] {{Integer.MAX_VALUE}, {Integer.MIN_VALUE}}, m.get("w2Tm"));
    }

    @Test
    void readsWhatNumpySavezWrites() throws Exception {
        assertSbpLikeWeights(Npz.readIntMatrices(fixture("numpy-savez.npz")));
        assertSbpLikeWeights(Npz.readIntMatrices(fixture("numpy-savez-compressed.npz")));
        Map<String, NpyArray> raw = Npz.read(fixture("numpy-savez.npz"));
        assertEquals(NpyType.INT8, raw.get("w1").type());
        assertEquals(NpyType.FLOAT64, raw.get("w2").type());
        assertEquals(NpyType.INT16, raw.get("w2Tp").type());
        assertEquals(NpyType.INT64, raw.get("w2Tm").type());
    }

    @Test
    void roundTripsIntMatrices() throws IOException {
        Map<String, int[][]> weights = new LinkedHashMap<>();
        weights.put("w1", new int[][] {{1, -2, 3}, {254, -256, 0}});
        weights.put("w2", new int[][] {{7}, {8}});
        Path file = dir.resolve("weights.npz");
        Npz.writeIntMatrices(file, weights);
        Map<String, int[][]> back = Npz.readIntMatrices(file);
        assertEquals(List.of("w1", "w2"), List.copyOf(back.keySet()));
        assertArrayEquals(weights.get("w1"), back.get("w1"));
        assertArrayEquals(weights.get("w2"), back.get("w2"));
    }

    @Test
    void roundTripsEveryTypeInBothOrders() throws IOException {
        int[] shape = {3, 2};
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("i8", new NpyArray.Int8(shape, new byte[] {-128, -1, 0, 1, 2, 127}));
        arrays.put("i16", new NpyArray.Int16(shape, new short[] {-32768, -1, 0, 1, 2, 32767}));
        arrays.put("i32", new NpyArray.Int32(shape, new int[] {Integer.MIN_VALUE, -1, 0, 1, 2, Integer.MAX_VALUE}));
        arrays.put("i64", new NpyArray.Int64(shape, new long[] {Long.MIN_VALUE, -1, 0, 1, 2, Long.MAX_VALUE}));
        arrays.put("f32", new NpyArray.Float32(shape, new float[] {-1.5f, 0, 1e-30f, 3, 4, Float.MAX_VALUE}));
        arrays.put("f64", new NpyArray.Float64(shape, new double[] {-1.5, 0, 1e-300, 3, 4, Double.MAX_VALUE}));
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            for (boolean fortran : new boolean[] {false, true}) {
                Path file = dir.resolve("all.npz");
                Npz.write(file, arrays, order, fortran);
                Map<String, NpyArray> back = Npz.read(file);
                assertEquals(List.copyOf(arrays.keySet()), List.copyOf(back.keySet()));
                arrays.forEach((key, a) -> {
                    NpyArray b = back.get(key);
                    assertEquals(a.type(), b.type(), key);
                    assertArrayEquals(a.shape(), b.shape(), key);
                    for (int k = 0; k < a.size(); k++) {
                        assertEquals(a.doubleAt(k), b.doubleAt(k), key + " " + order + " " + fortran + " " + k);
                        if (a.type().integral()) {
                            assertEquals(a.longAt(k), b.longAt(k), key + " " + k);
                        }
                    }
                });
            }
        }
    }

    @Test
    void intMatrixErrorsNameTheKey() throws IOException {
        Path file = dir.resolve("bad.npz");
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("w1", new NpyArray.Float32(new int[] {1, 2}, new float[] {1, 0.5f}));
        Npz.write(file, arrays);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.readIntMatrices(file));
        assertEquals(file + ": array 'w1': element 1 = 0.5 is not an integer", e.getMessage());

        arrays.put("w1", new NpyArray.Int8(new int[] {2}, new byte[2]));
        Npz.write(file, arrays);
        e = assertThrows(NpyFormatException.class, () -> Npz.readIntMatrices(file));
        assertEquals(file + ": array 'w1': array of shape [2] is not a matrix", e.getMessage());
    }

    @Test
    void notAZipIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.npz"), "this is not a zip archive");
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().startsWith(file + ": is not a readable zip archive"), e.getMessage());
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(NpzTest.class.getResource(name).toURI());
    }
}
