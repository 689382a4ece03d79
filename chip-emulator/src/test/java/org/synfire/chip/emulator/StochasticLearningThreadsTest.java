package org.synfire.chip.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.TraceSettings;

/**
 * Learning with stochastic rounding (traces that decay by fractions, rule changes with fractions) draws from one
 * generator per core. Two connections share the cores of {@code h}, which spans two cores, and {@code a -> b}
 * learns on a third: whatever the thread count, the weights are the same bit for bit, because each core draws
 * in a fixed order; and they depend on the seed, so the generators are really used.
 */
class StochasticLearningThreadsTest {

    private static final String[] PLASTIC = {"a->h", "b->h", "a->b"};

    private static Network network() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 60;
        int[][] recurrent = new int[n][n];
        for (int[] row : recurrent) {
            for (int j = 0; j < n; j++) {
                row[j] = 2 * (random.nextInt(61) - 24);
            }
        }
        CompartmentPrototype driven = CompartmentPrototype.builder().dU(512).dV(256).vThMant(60).bias(40, 3)
                .refractoryDelay(3).build();
        // fractions everywhere: trace decay by 1/3 and 1/5, changes of 1/8 of a trace
        LearningSettings stdp = new LearningSettings("dw = 2^-3*x1*y0 - 2^-3*y1*x0", 1, Optional.empty(),
                new TraceSettings(30, 3), TraceSettings.NONE, new TraceSettings(25, 5), TraceSettings.NONE,
                TraceSettings.NONE, TraceSettings.NONE);
        return Network.builder()
                .group("a", n, driven).group("b", n, driven).group("h", 1100, driven)
                .connect("a", "a").weights(recurrent).add()
                .connect("b", "b").weights(recurrent).add()
                .connect("a", "h").name("a->h").weight(20).learning(stdp).add()
                .connect("b", "h").name("b->h").weight(-20).learning(stdp).add()
                .connect("a", "b").name("a->b").weight(10).learning(stdp).add()
                .build();
    }

    private static List<int[]> train(long seed, int threads) {
        try (ChipSimulation sim = new Loihi1Backend().open(network(), new RunOptions(seed, 1, threads))) {
            sim.run(60);
            List<int[]> weights = new ArrayList<>();
            for (String c : PLASTIC) {
                weights.add(sim.weights(c));
            }
            return weights;
        }
    }

    @Test
    void weightsAreTheSameWithOneTwoAndThreeThreadsAndDependOnTheSeed() {
        Network n = network();
        try (ChipSimulation sim = new Loihi1Backend().open(n, RunOptions.seed(1))) {
            assertTrue(sim.coreOf("h", 0) != sim.coreOf("h", 1099), "h spans two cores");
        }
        List<int[]> one = train(5, 1);
        for (int threads : new int[] {2, 3}) {
            List<int[]> other = train(5, threads);
            for (int k = 0; k < PLASTIC.length; k++) {
                assertArrayEquals(one.get(k), other.get(k), PLASTIC[k] + " with " + threads + " threads");
            }
        }
        List<int[]> reseeded = train(6, 1);
        boolean differ = false;
        for (int k = 0; k < PLASTIC.length; k++) {
            differ |= !Arrays.equals(one.get(k), reseeded.get(k));
            int[] w = one.get(k);
            // the synapses learned, each its own way (they start equal), and none is stuck at a limit
            assertTrue(Arrays.stream(w).distinct().count() > 3, PLASTIC[k] + " learned");
            assertTrue(Arrays.stream(w).noneMatch(x -> x == 254 || x == -256), PLASTIC[k] + " saturated");
        }
        assertTrue(differ, "another seed rounds differently");
    }
}
