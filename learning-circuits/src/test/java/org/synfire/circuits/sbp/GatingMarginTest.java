package org.synfire.circuits.sbp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.synfire.circuits.TestCircuits;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.emulator.Loihi1Backend;
import org.synfire.circuits.dsl.ChipCircuitRunner;
import org.synfire.circuits.dsl.CircuitCompiler;
import org.synfire.circuits.dsl.CompiledCircuit;

/** The runner counts spikes a population fires outside its phases, as when an input passes the gating margin. */
class GatingMarginTest {


    /**
     * With moderate weights nothing fires out of phase. With every one of 40 inputs on and W1 = 254,
     * a1 = 40 * 254 = 10160 > 9216, the margin: the replay of x in phase 11 (offset 12) reaches h, h<
     * and h> ungated at offset 1 of the next sample, bias -8192 + 10160 = 1968 > 1024, so all of them
     * fire there, outside their phases (h: rows 2, 5, 7, 9, 11, i.e. offsets 3, 6, 8, 10, 12).
     */
    @Test
    void countsSpikesOutsideTheDeclaredPhases() {
        int nIn = 40;
        int nHid = 3;
        byte[] input = new byte[nIn];
        Arrays.fill(input, (byte) 1);
        assertEquals(Map.of(), outOfPhase(filled(nIn, nHid, 10), input));

        Map<String, Long> beyondTheMargin = outOfPhase(filled(nIn, nHid, 254), input);

        // x replayed in phase 11 of samples 0 and 1 drives the hidden layer at offset 1 of samples 1 and 2;
        // only the first of these falls inside the two samples presented
        assertEquals(nHid, beyondTheMargin.get("h1"), beyondTheMargin.toString());
        assertEquals(nHid, beyondTheMargin.get("h1<"), beyondTheMargin.toString());
        assertEquals(nHid, beyondTheMargin.get("h1>"), beyondTheMargin.toString());
        assertTrue(beyondTheMargin.keySet().stream().allMatch(p -> p.startsWith("h")), beyondTheMargin.toString());
    }

    /**
     * By phase: the spikes above fall at offset 1 of sample 1, the timestep of phase 0 (a spike at offset o falls in
     * phase o - 1), which none of h1, h1< and h1> declares; so each has its 3 there and nowhere else.
     */
    @Test
    void countsThemByPopulationAndPhase() {
        byte[] input = new byte[40];
        Arrays.fill(input, (byte) 1);
        int[][] w1 = filled(40, 3, 254);
        CompiledCircuit circuit = CircuitCompiler.compile(TestCircuits.sbp(40, 3, 2), Map.of("w1", w1, "w2",
                new int[3][2]));
        try (ChipCircuitRunner chip = new ChipCircuitRunner(new Loihi1Backend(), circuit, RunOptions.seed(1))) {
            chip.present(input, 0, 0);
            chip.present(input, 0, 1);

            assertEquals(Map.of("h1", Map.of(0, 3L), "h1<", Map.of(0, 3L), "h1>", Map.of(0, 3L)),
                    chip.outOfPhaseSpikesByPhase());
        }
    }

    private static Map<String, Long> outOfPhase(int[][] w1, byte[] input) {
        int[][] w2 = new int[w1[0].length][2];
        CompiledCircuit circuit = CircuitCompiler.compile(TestCircuits.sbp(w1.length, w1[0].length, 2), Map.of("w1", w1, "w2", w2));
        try (ChipCircuitRunner chip = new ChipCircuitRunner(new Loihi1Backend(), circuit, RunOptions.seed(1))) {
            chip.present(input, 0, 0);
            chip.present(input, 0, 1);
            return chip.outOfPhaseSpikes();
        }
    }

    private static int[][] filled(int rows, int columns, int value) {
        int[][] m = new int[rows][columns];
        for (int[] row : m) {
            Arrays.fill(row, value);
        }
        return m;
    }
}
