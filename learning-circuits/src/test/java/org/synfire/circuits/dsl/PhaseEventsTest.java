package org.synfire.circuits.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.synfire.circuits.TestCircuits;
import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.circuit.PhaseEvents;
import org.synfire.chip.emulator.Loihi1Backend;

/** The runner's per-phase accounting: every timestep of a sample in its phase, nothing lost, nothing twice. */
class PhaseEventsTest {


    @Test
    void phasesAddUpToTheChipsCountsOfTheSamples() {
        SplittableRandom random = new SplittableRandom(3);
        int nIn = 12;
        int nHid = 6;
        int nOut = 3;
        CompiledCircuit circuit = CircuitCompiler.compile(TestCircuits.sbp(nIn, nHid, nOut),
                Map.of("w1", weights(random, nIn, nHid), "w2", weights(random, nHid, nOut)));
        int phases = circuit.description().phases();
        try (ChipCircuitRunner chip = new ChipCircuitRunner(new Loihi1Backend(), circuit, RunOptions.seed(1))) {
            assertEquals(0, chip.phaseEvents().samples());
            present(chip, random, nIn, nOut);
            ChipEvents chipAfterFirst = chip.chip().events();
            ChipEvents phasesAfterFirst = chip.phaseEvents().total();
            for (int n = 0; n < 4; n++) {
                present(chip, random, nIn, nOut);
            }
            PhaseEvents events = chip.phaseEvents();
            assertEquals(5, events.samples());
            assertEquals(phases, events.phases().size());
            for (ChipEvents phase : events.phases()) {
                assertEquals(5, phase.timesteps(), "each phase is one timestep of each sample");
            }
            // samples follow each other without a gap, so the phases of samples 2 .. 5 hold every event the
            // chip counted after sample 1
            assertEquals(chip.chip().events().minus(chipAfterFirst), events.total().minus(phasesAfterFirst));
            assertTrue(events.total().synapticUpdates() > 0, "the circuit learns");
            assertEquals(chip.chip().resources(), events.resources());
        }
    }

    private static void present(ChipCircuitRunner chip, SplittableRandom random, int nIn, int nOut) {
        byte[] input = new byte[nIn];
        for (int i = 0; i < nIn; i++) {
            input[i] = (byte) (random.nextInt(100) < 40 ? 1 : 0);
        }
        chip.present(input, 0, random.nextInt(nOut));
    }

    private static int[][] weights(SplittableRandom random, int rows, int columns) {
        int[][] w = new int[rows][columns];
        for (int[] row : w) {
            for (int k = 0; k < columns; k++) {
                row[k] = random.nextInt(-200, 200) & ~1;
            }
        }
        return w;
    }
}
