package org.synfire.chip.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ActivityCounts;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.TrafficCounts;
import org.synfire.chip.api.network.CoreRange;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * Messages and hops, worked out from the mesh: core c of a chip is on tile c / 4 at x = tile % 8, y = tile / 8;
 * chips sit in a row, chip k's tiles at x + 8k. Host spikes count one message per target core and no hops.
 */
class RouterTrafficTest {

    private static final CompartmentPrototype FIRES = CompartmentPrototype.builder().vThMant(1).build();
    private static final CompartmentPrototype QUIET = CompartmentPrototype.builder().vThMant(131_071).build();

    /** Generator spike at 0 makes {@code a} (pinned to core 0) fire once at 1; it reaches each target group. */
    private static TrafficCounts traffic(int chips, int... targetCores) {
        Network.Builder b = Network.builder()
                .add(new SpikeGenerator("in", 1, new int[] {0}, new int[] {0}))
                .group("a", 1, FIRES, new CoreRange(0, 0));
        for (int k = 0; k < targetCores.length; k++) {
            b.group("t" + k, 1, QUIET, new CoreRange(targetCores[k], targetCores[k]));
        }
        b.connect("in", "a").weight(2).add();
        for (int k = 0; k < targetCores.length; k++) {
            b.connect("a", "t" + k).weight(2).add();
        }
        try (ChipSimulation sim = new Loihi1Backend().open(b.build(), new RunOptions(1, chips))) {
            sim.run(4);
            return sim.traffic();
        }
    }

    @Test
    void aSpikeCrossingTwoTilesEast() {
        // core 0 is tile 0 (x 0), core 8 is tile 2 (x 2): host -> a is 1 message, a -> t0 is 1 message of 2 hops
        assertEquals(new TrafficCounts(2, 2, 0, 0), traffic(1, 8));
    }

    @Test
    void aSpikeWithinItsTileHasNoHops() {
        // core 3 shares tile 0 with core 0
        assertEquals(new TrafficCounts(2, 0, 0, 0), traffic(1, 3));
    }

    @Test
    void northSouthAndEastWestHopsAdd() {
        // core 36 is tile 9: x 1, y 1
        assertEquals(new TrafficCounts(2, 1, 1, 0), traffic(1, 36));
    }

    @Test
    void oneMessagePerTargetCore() {
        // targets on cores 8 (2 east), 36 (1 east, 1 south), 127 (tile 31: x 7, y 3)
        assertEquals(new TrafficCounts(4, 2 + 1 + 7, 1 + 3, 0), traffic(1, 8, 36, 127));
    }

    @Test
    void messagesBetweenChipsCrossAChip() {
        // core 132 is chip 1, tile 1: board x = 8 + 1 = 9, y 0
        assertEquals(new TrafficCounts(2, 9, 0, 1), traffic(2, 132));
    }

    @Test
    void twoGroupsOnOneTargetCoreShareAMessage() {
        // a -> t0 and a -> t1, both on core 8: the spike is one message to core 8 (2 hops)
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 1, new int[] {0}, new int[] {0}))
                .group("a", 1, FIRES, new CoreRange(0, 0))
                .group("t0", 1, QUIET, new CoreRange(8, 8))
                .group("t1", 1, QUIET, new CoreRange(8, 8))
                .connect("in", "a").weight(2).add()
                .connect("a", "t0").weight(2).add()
                .connect("a", "t1").weight(2).add()
                .build();
        try (ChipSimulation sim = new Loihi1Backend().open(n, RunOptions.seed(1))) {
            sim.run(3);
            assertEquals(new TrafficCounts(2, 2, 0, 0), sim.traffic());
            // 3 timesteps of 3 compartments; a spikes once; synapses in->a, a->t0, a->t1
            assertEquals(new ActivityCounts(3, 9, 1, 1, 3), sim.activity());
        }
    }
}
