package org.synfire.circuits.sbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.synfire.circuits.TestCircuits;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.emulator.Loihi1Backend;
import org.synfire.circuits.dsl.ChipCircuitRunner;
import org.synfire.circuits.dsl.CircuitCompiler;
import org.synfire.circuits.dsl.CompiledCircuit;

/**
 * The sBP training circuit, spiking on the emulated Loihi, learns exactly what the phase-ordered
 * reference model computes: weights equal bit for bit after every sample, every copy included.
 */
class SbpCircuitOnChipTest {


    @Test
    void spikingCircuitEqualsTheReferenceModelBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        int changed = trainAndCompare(random, randomWeights(random, 40, 16, 200), randomWeights(random, 16, 4, 240),
                150);
        assertTrue(changed > 20, "the test must exercise learning; W1 changed in " + changed + " samples");
    }

    /** W2 at the edges of the range, where W2T- = -W2^T does not hold (-(-256) saturates at 254). */
    @Test
    void copiesSaturateAsTheChipDoes() {
        SplittableRandom random = new SplittableRandom(11);
        int[][] w2 = new int[16][4];
        for (int[] row : w2) {
            for (int k = 0; k < row.length; k++) {
                row[k] = random.nextBoolean() ? -256 : 254;
            }
        }
        int changed = trainAndCompare(random, randomWeights(random, 24, 16, 160), w2, 80);
        assertTrue(changed > 5, "the test must exercise learning; W1 changed in " + changed + " samples");
    }

    /**
     * With two threads, cores step, learn and take deliveries at the same time: the weights must still be
     * the reference model's after every sample (and so those of one thread). The circuit is large enough to
     * span several cores, else a second thread would have nothing to do.
     */
    @Test
    void twoThreadsLearnExactlyWhatOneDoes() {
        SplittableRandom random = new SplittableRandom(13);
        int changed = trainAndCompare(random, randomWeights(random, 160, 150, 120), randomWeights(random, 150, 10, 160),
                40, 2);
        assertTrue(changed > 5, "the test must exercise learning; W1 changed in " + changed + " samples");
    }

    private static int trainAndCompare(SplittableRandom random, int[][] w1, int[][] w2, int samples) {
        return trainAndCompare(random, w1, w2, samples, 1);
    }

    /** Trains both for {@code samples} random samples, comparing every copy after each; returns how often W1 changed. */
    private static int trainAndCompare(SplittableRandom random, int[][] w1, int[][] w2, int samples, int threads) {
        int nIn = w1.length;
        int nHid = w2.length;
        int nOut = w2[0].length;
        ReferenceModel reference = new ReferenceModel(w1, w2);
        CompiledCircuit circuit = CircuitCompiler.compile(TestCircuits.sbp(nIn, nHid, nOut), Map.of("w1", w1, "w2", w2));

        int learnedSamples = 0;
        try (ChipCircuitRunner chip = new ChipCircuitRunner(new Loihi1Backend(), circuit,
                new RunOptions(1, 1, threads))) {
            if (threads > 1) {
                java.util.Set<Integer> cores = new java.util.TreeSet<>();
                Map<String, Integer> sizes = Map.of("x", nIn, "h1", nHid, "h1T", nHid, "c1", nHid, "m_x", nIn,
                        "m1", nHid, "o", nOut);
                sizes.forEach((group, size) -> {
                    cores.add(chip.chip().coreOf(group, 0));
                    cores.add(chip.chip().coreOf(group, size - 1));
                });
                assertTrue(cores.size() >= threads, "the circuit must span several cores; it is on " + cores);
            }
            for (int n = 0; n < samples; n++) {
                byte[] input = new byte[nIn];
                boolean[] x = new boolean[nIn];
                for (int i = 0; i < nIn; i++) {
                    x[i] = random.nextInt(100) < 30;
                    input[i] = (byte) (x[i] ? 1 : 0);
                }
                int label = random.nextInt(nOut);
                int[][] before = ReferenceModel.copy(reference.w1);
                reference.train(x, label);
                chip.present(input, 0, label);
                learnedSamples += java.util.Arrays.deepEquals(before, reference.w1) ? 0 : 1;

                Map<String, int[][]> onChip = chip.matrixWeights();
                String at = "after sample " + n;
                for (String copy : new String[] {"x->h1", "x->h1<", "x->h1>"}) {
                    assertArrayEquals(reference.w1, onChip.get(copy), copy + " " + at);
                }
                for (String copy : new String[] {"h1->o", "h1->o<", "h1->o>"}) {
                    assertArrayEquals(reference.w2, onChip.get(copy), copy + " " + at);
                }
                assertArrayEquals(reference.w2tp, onChip.get("o->h1T"), "W2T+ " + at);
                assertArrayEquals(reference.w2tm, onChip.get("oT-->h1T"), "W2T- " + at);
            }
        }
        return learnedSamples;
    }

    /** Even weights in [-limit, limit]. */
    private static int[][] randomWeights(SplittableRandom random, int rows, int columns, int limit) {
        int[][] w = new int[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                w[i][j] = 2 * random.nextInt(-limit / 2, limit / 2 + 1);
            }
        }
        return w;
    }
}
