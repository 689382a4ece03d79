package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synfire.chip.api.circuit.InferenceNetwork;
import org.synfire.datasets.npy.NpyArray;
import org.synfire.datasets.npy.Npz;

class InferenceNpzTest {

    @TempDir
    Path temp;

    /** weight_scale is 2^(6 + exponent), worked by hand: 2^-2 = 0.25 at Loihi's lowest exponent -8, 2^6 = 64 at 0. */
    @ParameterizedTest
    @CsvSource({"-8, 0.25", "0, 64"})
    void theWeightScaleIsTwoToTheSixPlusTheExponentAsAReal(int exponent, double scale) throws IOException {
        InferenceNetwork network = new InferenceNetwork(List.of(new InferenceNetwork.Layer("w1", 1, 1, new int[] {2},
                new int[] {0}, new int[] {1})), exponent, "mantissa units", "first to fire");
        Path npz = temp.resolve("net.npz");

        InferenceNpz.write(npz, network, Map.of());

        NpyArray z = Npz.read(npz).get("weight_scale");
        assertEquals(scale, z.doubleAt(0));
        assertInstanceOf(NpyArray.Float64.class, z);
        assertEquals(exponent, Npz.read(npz).get("weight_exponent").longAt(0));
    }
}
