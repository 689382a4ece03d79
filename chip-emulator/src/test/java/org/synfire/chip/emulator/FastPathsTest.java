package org.synfire.chip.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.TraceSettings;

/**
 * The emulator's fast paths (compartments at rest skipped, idle cores skipped, memoryless updates, contiguous,
 * one-synapse and paired delivery, event-driven and one-pass learning) against its reference paths
 * ({@link Loihi1Backend#reference()}: every compartment, every synapse, every rule term), on random networks that
 * use all of them: memoryless and decaying groups over several cores, dense rows with and without delays, gates
 * that lift whole groups, the sBP rule with a reward channel and an STDP rule whose traces and changes round
 * stochastically. Every probe, every learned weight and every event count must be equal.
 */
class FastPathsTest {

    private static final int STEPS = 240;

    private static Network network(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CompartmentPrototype memoryless = CompartmentPrototype.builder().dU(4096).dV(4096).vThMant(1024)
                .bias(-4096, 7).refractoryDelay(2).build();
        CompartmentPrototype decaying = CompartmentPrototype.builder().dU(1024 + r.nextInt(2048))
                .dV(256 + r.nextInt(1024)).vThMant(60 + r.nextInt(60)).bias(30 + r.nextInt(20), 3)
                .refractoryDelay(1 + r.nextInt(3)).build();
        int inputs = 120;
        int hidden = 700; // with the others, more than one core
        int[][] w1 = new int[inputs][hidden];
        int[] d1 = new int[inputs * hidden];
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < hidden; j++) {
                w1[i][j] = 2 * r.nextInt(-60, 100);
                d1[i * hidden + j] = r.nextInt(3) == 0 ? r.nextInt(4) : 0;
            }
        }
        int[][] recurrent = new int[60][60];
        for (int[] row : recurrent) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 2 * r.nextInt(-60, 61);
            }
        }
        LearningSettings stdp = new LearningSettings("dw = 2^-3*x1*y0 - 2^-3*y1*x0", 1, Optional.empty(),
                new TraceSettings(30, 3), TraceSettings.NONE, new TraceSettings(25, 5), TraceSettings.NONE,
                TraceSettings.NONE, TraceSettings.NONE);
        LearningSettings sbp = LearningSettings.of("dw = y0*x0*r1*4 - y0*x0*2", 1)
                .withReward("reward", new TraceSettings(1, 0));
        int[] times = new int[STEPS * 40];
        int[] neurons = new int[times.length];
        int count = 0;
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < inputs; i++) {
                if (r.nextInt(5) == 0 && count < times.length) {
                    times[count] = t;
                    neurons[count++] = i;
                }
            }
        }
        int[] gateTimes = new int[STEPS / 3];
        for (int k = 0; k < gateTimes.length; k++) {
            gateTimes[k] = 3 * k + 1;
        }
        return Network.builder()
                .add(new SpikeGenerator("in", inputs,
                        Arrays.copyOf(times, count), Arrays.copyOf(neurons, count)))
                .add(new SpikeGenerator("gate", 1, gateTimes, new int[gateTimes.length]))
                .add(new SpikeGenerator("rw", 1, new int[] {5, 50, 51, 100, 180},
                        new int[5]))
                .group("x", inputs, memoryless).group("h", hidden, memoryless).group("hd", hidden, decaying)
                .group("loop", 60, decaying).group("o", 10, memoryless)
                .connect("in", "x").weight(254).exponent(7).add()
                .connect("gate", "h").weight(200).exponent(6).add()
                .connect("x", "h").name("x->h").weights(w1).learning(sbp).add()
                .connect("x", "hd").name("x->hd").weights(w1).delays(d1).add()
                .connect("x", "loop").weight(40).learning(stdp).name("x->loop").add()
                .connect("loop", "loop").weights(recurrent).add()
                .connect("h", "o").name("h->o").weight(6).learning(stdp).add()
                .connect("hd", "o").weight(-2).add()
                .channel("reward", "rw")
                .probe("u-h", Probe.Kind.CURRENT, "h").probe("v-hd", Probe.Kind.VOLTAGE, "hd")
                .probe("s-loop", Probe.Kind.SPIKES, "loop").probe("s-o", Probe.Kind.SPIKES, "o")
                .probe("s-h", Probe.Kind.SPIKES, "h")
                .build();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void fastPathsEqualTheReferencePaths(long seed) {
        Network n = network(seed);
        try (ChipSimulation fast = new Loihi1Backend().open(n, RunOptions.seed(seed));
                ChipSimulation slow = Loihi1Backend.reference().open(n, RunOptions.seed(seed))) {
            assertTrue(fast.resources().cores().size() > 1, "the network spans cores");
            fast.run(STEPS);
            slow.run(STEPS);
            for (String probe : new String[] {"u-h", "v-hd", "s-loop", "s-o", "s-h"}) {
                assertArrayEquals(slow.probe(probe).values(), fast.probe(probe).values(), probe);
            }
            for (String c : new String[] {"x->h", "x->loop", "h->o"}) {
                assertArrayEquals(slow.weights(c), fast.weights(c), c);
            }
            assertEquals(slow.events(), fast.events(), "event counts");
            assertEquals(slow.activity(), fast.activity(), "activity");
            long hSpikes = Arrays.stream(fast.probe("s-h").values()).flatMapToInt(java.util.Arrays::stream)
                    .sum();
            assertTrue(hSpikes > 100, "h is active: " + hSpikes + " spikes");
            assertFalse(Arrays.equals(fast.weights("x->h"), n.connection("x->h").orElseThrow().weights()),
                    "x->h learned");
        }
    }
}
