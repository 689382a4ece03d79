package org.synfire.interchange.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The reader takes every numeric HDF5 type (round 2 of hostile input: an int16 threshold was refused as "not
 * numeric"). The file was written by h5py ({@code numeric-types.py}); the expected values are the limits of
 * each type as the HDF5 and numpy documentation give them, as Java doubles.
 */
class NirFileNumericTypesTest {

    @Test
    void everyIntegerAndFloatingPointTypeIsReadAsItsValues() throws IOException, URISyntaxException {
        Path file = Path.of(NirFileNumericTypesTest.class.getResource("numeric-types.nir").toURI());

        NirGraph graph = NirFile.read(file);

        Map<String, double[]> expected = Map.ofEntries(
                Map.entry("int8", new double[] {-128, 5, 127}),
                Map.entry("int16", new double[] {-32768, 5, 32767}),
                Map.entry("int32", new double[] {-2147483648.0, 5, 2147483647.0}),
                Map.entry("int64", new double[] {-9.223372036854775808e18, 5, 9.223372036854775807e18}),
                Map.entry("uint8", new double[] {0, 200, 255}),
                Map.entry("uint16", new double[] {0, 40000, 65535}),
                Map.entry("uint32", new double[] {0, 4000000000.0, 4294967295.0}),
                Map.entry("uint64", new double[] {0, 9.223372036854775808e18, 1.8446744073709551615e19}),
                Map.entry("float16", new double[] {-65504, 0.5, 65504}),
                Map.entry("float32", new double[] {-3.5, 0.25, 1e6}),
                Map.entry("float64", new double[] {-1e300, 0.1, 1e300}));
        expected.forEach((type, values) -> assertArrayEquals(values,
                ((NirNode.Threshold) graph.nodes().get(type)).threshold(), type));
        assertEquals(new NirNode.Input(3), graph.nodes().get("input")); // its shape is uint8
    }
}
