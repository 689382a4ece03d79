package org.synfire.circuits.sbp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.synfire.circuits.TestCircuits;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.emulator.Loihi1Backend;
import org.synfire.circuits.dsl.ChipCircuitRunner;
import org.synfire.circuits.dsl.CircuitCompiler;
import org.synfire.circuits.dsl.CompiledCircuit;

/** Training on the emulated chip allocates nothing per timestep: the host loop and the emulator reuse their arrays. */
class TimestepAllocationTest {


    @Test
    void trainingSamplesAllocateNothingPerTimestep() {
        SplittableRandom random = new SplittableRandom(5);
        int nIn = 64;
        int nHid = 48;
        int nOut = 10;
        CompiledCircuit circuit = CircuitCompiler.compile(TestCircuits.sbp(nIn, nHid, nOut),
                Map.of("w1", weights(random, nIn, nHid), "w2", weights(random, nHid, nOut)));
        byte[] inputs = new byte[nIn * 64];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = (byte) (random.nextInt(4) == 0 ? 1 : 0);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ChipCircuitRunner chip = new ChipCircuitRunner(new Loihi1Backend(), circuit, new RunOptions(1, 1, 1))) {
            for (int n = 0; n < 2_000; n++) { // warm-up: let the JIT compile the loop (and drop what it allocated)
                chip.present(inputs, (n % 64) * nIn, n % nOut);
            }
            int samples = 500;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int n = 0; n < samples; n++) {
                chip.present(inputs, (n % 64) * nIn, n % nOut);
            }
            long perSample = (threads.getCurrentThreadAllocatedBytes() - before) / samples;
            // 64 bytes: less than one small object for every three timesteps (measured: 0; before the runner and the
            // learning engine reused their arrays and inputs, 1,300 to 6,600)
            assertTrue(perSample < 64, perSample + " bytes allocated per sample of 12 timesteps");
        }
    }

    private static int[][] weights(SplittableRandom random, int rows, int columns) {
        int[][] w = new int[rows][columns];
        for (int[] row : w) {
            for (int j = 0; j < columns; j++) {
                row[j] = 2 * random.nextInt(-60, 100);
            }
        }
        return w;
    }
}
