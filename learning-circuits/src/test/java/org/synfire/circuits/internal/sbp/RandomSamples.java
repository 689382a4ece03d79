package org.synfire.circuits.internal.sbp;

import java.util.SplittableRandom;

import org.synfire.chip.api.data.Samples;

/** Random binary samples for the tests: each input on with probability 0.3, labels uniform. */
final class RandomSamples {

    private RandomSamples() {
    }

    static Samples of(SplittableRandom random, int count, int inputs, int classes) {
        byte[] x = new byte[count * inputs];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < inputs; i++) {
                x[n * inputs + i] = (byte) (random.nextInt(100) < 30 ? 1 : 0);
            }
            labels[n] = random.nextInt(classes);
        }
        return new Samples(count, inputs, x, labels, classes);
    }
}
