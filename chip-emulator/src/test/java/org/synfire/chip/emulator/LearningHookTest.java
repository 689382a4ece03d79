package org.synfire.chip.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.CoreRange;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.emulator.internal.LearningEngineFactory;
import org.synfire.chip.emulator.internal.PlasticConnection;
import org.synfire.chip.emulator.internal.learning.LearningRandom;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.TraceSettings;

/** The learning phase: what an engine sees of a plastic connection, and when its weight changes act. */
class LearningHookTest {

    private static final CompartmentPrototype QUIET = CompartmentPrototype.builder().vThMant(131_071).build();

    /** in spikes at 0, 1, 2; reward generator r at 1; in -> n plastic with weight 10. */
    private static Network network(CompartmentPrototype source) {
        return Network.builder()
                .add(new SpikeGenerator("in", 1, new int[] {0, 1, 2}, new int[] {0, 0, 0}))
                .add(new SpikeGenerator("r", 1, new int[] {1}, new int[] {0}))
                .group("a", 1, source)
                .group("n", 1, QUIET)
                .channel("rc", "r")
                .connect("in", "a").weight(2).add()
                .connect("in", "n").weight(10).learning(LearningSettings.of("dw = x0*y0*2", 1)
                        .withReward("rc", new TraceSettings(1, 0))).add()
                .probe("u", Probe.Kind.CURRENT, "n")
                .build();
    }

    @Test
    void engineSeesSpikesOfTheTimestepAndItsWeightChangesActFromTheNextOne() {
        List<String> seen = new ArrayList<>();
        // the fake engine adds 10 to the weight in every timestep in which the presynaptic source spiked
        LearningEngineFactory factory = (PlasticConnection c, IntFunction<LearningRandom> streams) -> t -> {
            seen.add(t + ": pre " + (c.preLastSpike(0) == t) + ", reward " + c.rewardSpikes() + ", epoch end "
                    + c.epochEnds());
            if (c.preSpikedThisEpoch(0)) {
                c.weights()[0] += 10;
            }
        };
        try (ChipSimulation sim = new Loihi1Backend(factory).open(network(QUIET), RunOptions.seed(1))) {
            sim.run(4);
            // learning precedes delivery: the spike of 0 is delivered after learn(0) made the weight 20, so
            // it adds 20 * 64 = 1280 at 1; the one of 1 carries 30 (1920), of 2 carries 40 (2560)
            int[][] u = sim.probe("u").values();
            assertArrayEquals(new int[][] {{0}, {1280}, {1920}, {2560}}, u);
            assertArrayEquals(new int[] {40}, sim.weights("in->n"));
        }
        assertEquals(List.of("0: pre true, reward 0, epoch end true", "1: pre true, reward 1, epoch end true",
                "2: pre true, reward 0, epoch end true", "3: pre false, reward 0, epoch end true"), seen);
    }

    @Test
    void spikesOfGroupsLearningIgnoresAreInvisible() {
        List<Integer> pre = new ArrayList<>();
        // a fires at 1 (input 128 > 64) but its group hides its spikes from learning
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 1, new int[] {0}, new int[] {0}))
                .group("a", 1, CompartmentPrototype.builder().vThMant(1).learningSeesSpikes(false).build())
                .group("b", 1, QUIET)
                .connect("in", "a").weight(2).add()
                .connect("a", "b").weight(2).learning(LearningSettings.of("dw = x0*y0*2", 1)).add()
                .probe("s", Probe.Kind.SPIKES, "a")
                .build();
        try (ChipSimulation sim = new Loihi1Backend((c, r) -> t -> pre.add(c.preLastSpike(0)))
                .open(n, RunOptions.seed(1))) {
            sim.run(3);
            assertEquals(1, sim.probe("s").get(1, 0), "a does fire at 1");
        }
        assertEquals(List.of(Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE), pre);
    }

    @Test
    void spikeListsOfTheEpoch() {
        // tEpoch 3: in (4 sources) spikes 0 at 0, 2 at 1, 3 at 3; the epoch of timestep 2 is 0..2, of 3 is 3..5
        List<String> seen = new ArrayList<>();
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 4, new int[] {0, 1, 3}, new int[] {0, 2, 3}))
                .group("b", 2, QUIET)
                .connect("in", "b").weight(2).learning(LearningSettings.of("dw = x0*y0*2", 3)).add()
                .build();
        int[] into = new int[4];
        LearningEngineFactory factory = (c, r) -> t -> {
            int k = c.preSpikedThisEpoch(into);
            seen.add(t + ":" + java.util.Arrays.toString(java.util.Arrays.copyOf(into, k)) + (c.epochEnds() ? "|" : "")
                    + c.postSpikedThisEpoch(into));
        };
        try (ChipSimulation sim = new Loihi1Backend(factory).open(n, RunOptions.seed(1))) {
            sim.run(4);
        }
        assertEquals(List.of("0:[0]0", "1:[0, 2]0", "2:[0, 2]|0", "3:[3]0"), seen);
    }

    @Test
    void withoutAnEngineAPlasticNetworkIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Loihi1Backend(LearningEngineFactory.NONE).open(network(QUIET), RunOptions.seed(1)));
        assertEquals("connection in->n has a learning rule, but no learning engine is installed in this emulator",
                e.getMessage());
    }

    @Test
    void eachCoreHasOneGeneratorFromTheSeedAndItsIndexSharedByTheConnectionsOnIt() {
        // a and b on core 0, c on core 1: c->a and c->b learn on core 0, a->c on core 1
        Network n = Network.builder().group("a", 1, QUIET, new CoreRange(0, 0)).group("b", 1, QUIET, new CoreRange(0, 0))
                .group("c", 1, QUIET, new CoreRange(1, 1))
                .connect("c", "a").weight(2).learning(LearningSettings.of("dw = x0*y0*2", 1)).add()
                .connect("c", "b").weight(2).learning(LearningSettings.of("dw = x0*y0*2", 1)).add()
                .connect("a", "c").weight(2).learning(LearningSettings.of("dw = x0*y0*2", 1)).add()
                .build();
        List<LearningRandom> streams = new ArrayList<>();
        List<Integer> cores = new ArrayList<>();
        LearningEngineFactory factory = (c, streamOfCore) -> {
            cores.add(c.coreOfPost(0));
            streams.add(streamOfCore.apply(c.coreOfPost(0)));
            return t -> { };
        };
        new Loihi1Backend(factory).open(n, RunOptions.seed(42)).close();
        assertEquals(List.of(0, 0, 1), cores);
        assertSame(streams.get(0), streams.get(1), "one generator per core, shared by its connections");
        assertNotSame(streams.get(0), streams.get(2));
        assertEquals(LearningRandom.forCore(42, 0).nextLong(), streams.get(0).nextLong(), "core 0's stream of seed 42");
        assertEquals(LearningRandom.forCore(42, 1).nextLong(), streams.get(2).nextLong(), "core 1's stream of seed 42");
    }
}
