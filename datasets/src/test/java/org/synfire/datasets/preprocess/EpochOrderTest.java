package org.synfire.datasets.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.data.Samples;

/**
 * Orders checked against an independent Python model of the documented algorithm (SplitMix64 with
 * 64-bit masking, the same rejection rule, Fisher-Yates from the top), run once by hand.
 */
class EpochOrderTest {

    @Test
    void splitMix64MatchesTheReferenceOutputs() {
        // first outputs of the reference C implementation (Vigna, splitmix64.c) seeded with 1234567
        EpochOrder.SplitMix64 g = new EpochOrder.SplitMix64(1234567);
        assertEquals(Long.parseUnsignedLong("6457827717110365317"), g.next());
        assertEquals(Long.parseUnsignedLong("3203168211198807973"), g.next());
        assertEquals(Long.parseUnsignedLong("9817491932198370423"), g.next());
    }

    @Test
    void permutationsMatchThePythonModel() {
        assertArrayEquals(new int[] {2, 7, 3, 5, 1, 8, 0, 4, 6, 9}, new EpochOrder(42).permutation(0, 10));
        assertArrayEquals(new int[] {3, 2, 8, 9, 0, 4, 1, 6, 5, 7}, new EpochOrder(42).permutation(1, 10));
        assertArrayEquals(new int[] {1, 3, 8, 7, 2, 6, 4, 10, 11, 0, 9, 5}, new EpochOrder(7).permutation(3, 12));
    }

    @Test
    void sameSeedAndEpochGiveTheSameOrderOthersDiffer() {
        EpochOrder a = new EpochOrder(2024);
        int[] first = a.permutation(5, 1000);
        assertArrayEquals(first, new EpochOrder(2024).permutation(5, 1000));
        assertFalse(Arrays.equals(first, a.permutation(6, 1000)), "another epoch, another order");
        assertFalse(Arrays.equals(first, new EpochOrder(2025).permutation(5, 1000)), "another seed, another order");
        int[] sorted = first.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i], "a permutation holds every index once");
        }
    }

    @Test
    void shuffleMovesInputsWithTheirLabels() {
        // sample i has inputs (i, 10 + i) and label i; epoch 0 of seed 42 with 10 samples is 2, 7, 3, ...
        byte[] inputs = new byte[20];
        int[] labels = new int[10];
        for (int i = 0; i < 10; i++) {
            inputs[2 * i] = (byte) i;
            inputs[2 * i + 1] = (byte) (10 + i);
            labels[i] = i;
        }
        Samples shuffled = new EpochOrder(42).shuffle(new Samples(10, 2, inputs, labels, 10), 0);
        assertArrayEquals(new int[] {2, 7, 3, 5, 1, 8, 0, 4, 6, 9}, shuffled.labels());
        assertEquals(7, shuffled.input(1, 0));
        assertEquals(17, shuffled.input(1, 1));
    }
}
