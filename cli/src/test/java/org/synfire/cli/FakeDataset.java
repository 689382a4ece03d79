package org.synfire.cli;

import java.util.SplittableRandom;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;

import org.synfire.chip.api.data.DataOptions;
import org.synfire.chip.api.data.Dataset;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.DatasetProvider;

/**
 * A small synthetic data set for CLI tests, bound as {@code tiny}: 24 binary inputs, 4 classes, each
 * class a fixed random pattern with flipped bits, so a circuit can learn it.
 */
final class FakeDataset implements DatasetProvider {

    static final String ID = "tiny";

    static Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, DatasetProvider.class).addBinding(ID)
                        .toInstance(new FakeDataset());
            }
        };
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Synthetic test data";
    }

    @Override
    public int dimension() {
        return 24;
    }

    @Override
    public int classes() {
        return 4;
    }

    @Override
    public Dataset load(DataOptions options) {
        SplittableRandom random = new SplittableRandom(42);
        byte[][] patterns = new byte[4][24];
        for (byte[] p : patterns) {
            for (int i = 0; i < p.length; i++) {
                p[i] = (byte) (random.nextInt(100) < 40 ? 1 : 0);
            }
        }
        return new Dataset(ID, samples(random, patterns, 120), samples(random, patterns, 40));
    }

    private static Samples samples(SplittableRandom random, byte[][] patterns, int count) {
        byte[] inputs = new byte[count * 24];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = random.nextInt(4);
            for (int i = 0; i < 24; i++) {
                boolean flip = random.nextInt(100) < 5;
                inputs[n * 24 + i] = (byte) (patterns[labels[n]][i] ^ (flip ? 1 : 0));
            }
        }
        return new Samples(count, 24, inputs, labels, 4);
    }
}
