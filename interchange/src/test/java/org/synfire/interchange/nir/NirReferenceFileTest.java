package org.synfire.interchange.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.emulator.Loihi1Backend;

/**
 * A file the NIR reference package wrote (see the README beside it): read, imported and run on the emulator,
 * it spikes as an independent float simulation of the graph says.
 */
class NirReferenceFileTest {

    @TempDir
    Path temp;

    private Path resource(String name) throws IOException {
        Path file = temp.resolve(name);
        try (InputStream in = NirReferenceFileTest.class.getResourceAsStream(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private int[][] csv(String name) throws IOException {
        List<int[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(resource(name), StandardCharsets.UTF_8)) {
            rows.add(java.util.Arrays.stream(line.split(",")).mapToInt(Integer::parseInt).toArray());
        }
        return rows.toArray(new int[0][]);
    }

    @Test
    void readsWhatTheReferencePackageWrote() throws IOException {
        NirGraph g = NirFile.read(resource("lif-cuba.nir"));

        assertEquals(Set.of("input", "affine", "lif", "linear", "cuba", "output"), g.nodes().keySet());
        assertEquals(List.of("input", "affine", "lif", "linear", "cuba", "output"), g.chain());
        NirNode.Affine a = assertInstanceOf(NirNode.Affine.class, g.nodes().get("affine"));
        assertEquals(4, a.outputs());
        assertEquals(3, a.inputs());
        assertArrayEquals(new double[] {0.5, -0.25, 0.75, 0.125}, java.util.Arrays.copyOf(a.weight(), 4));
        assertArrayEquals(new double[] {0, 0.0625, 0, 0.125}, a.bias());
        NirNode.LIF lif = assertInstanceOf(NirNode.LIF.class, g.nodes().get("lif"));
        assertArrayEquals(new double[] {4, 4, 4, 4}, lif.tau());
        assertArrayEquals(new double[] {0, 0, 0, 0}, lif.vReset()); // nir.write writes the default reset too
        NirNode.CubaLIF cuba = assertInstanceOf(NirNode.CubaLIF.class, g.nodes().get("cuba"));
        assertArrayEquals(new double[] {2, 2}, cuba.tauSyn());
        assertArrayEquals(new double[] {1, 1}, cuba.wIn());
        assertEquals(new NirNode.Input(3), g.nodes().get("input"));
    }

    @Test
    void importedAndRunItSpikesAsTheFloatSimulationOfTheGraph() throws IOException {
        NirGraph g = NirFile.read(resource("lif-cuba.nir"));
        int[][] input = csv("lif-cuba-input.csv");
        int[][] expected = csv("lif-cuba-expected.csv");
        List<int[]> spikes = new ArrayList<>();
        for (int t = 0; t < input.length; t++) {
            for (int i = 0; i < input[t].length; i++) {
                if (input[t][i] != 0) {
                    spikes.add(new int[] {t, i});
                }
            }
        }

        NirImport.Result r = NirImport.toLoihi(g, 1, spikes.toArray(new int[0][]));

        // every weight, threshold and bias here is a short binary fraction: the scale makes them exact
        assertEquals(0.0, r.largestWeightError());
        assertEquals(0.0, r.largestThresholdError());
        try (ChipSimulation sim = new Loihi1Backend().open(r.network(), new RunOptions(1, 1))) {
            sim.run(expected.length);
            ProbeData out = sim.probe("output");
            int count = 0;
            for (int t = 0; t < expected.length; t++) {
                assertArrayEquals(expected[t], out.values()[t], "timestep " + t);
                count += java.util.Arrays.stream(expected[t]).sum();
            }
            assertTrue(count >= 5, "a test that can tell: " + count + " output spikes");
        }
    }
}
