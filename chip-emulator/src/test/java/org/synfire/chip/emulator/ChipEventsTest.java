package org.synfire.chip.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.CoreEvents;
import org.synfire.chip.api.ResourceUsage;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.CoreRange;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;

/**
 * The events the emulator counts for energy and time estimates, worked out by hand from the spec's timestep
 * (memoryless compartments: dU = dV = 4096 clear u and v in one step) and the mesh (core c on tile c / 4 at
 * x = tile % 8, y = tile / 8).
 */
class ChipEventsTest {

    private static final CompartmentPrototype FIRES = CompartmentPrototype.builder().vThMant(1).build();
    private static final CompartmentPrototype QUIET = CompartmentPrototype.builder().vThMant(131_071).build();

    /** in (host) -> a (1 compartment, core 0) -> t (5 compartments, core 8: tile 2, two tiles east). */
    private static Network fanOut() {
        return Network.builder()
                .add(new SpikeGenerator("in", 1, new int[] {0}, new int[] {0}))
                .group("a", 1, FIRES, new CoreRange(0, 0))
                .group("t", 5, QUIET, new CoreRange(8, 8))
                .connect("in", "a").weight(2).add()
                .connect("a", "t").weight(2).add()
                .build();
    }

    @Test
    void aSpikeFannedOutToFiveCompartmentsTwoTilesAway() {
        try (ChipSimulation sim = new Loihi1Backend().open(fanOut(), RunOptions.seed(1))) {
            sim.run(4);
            // t=0: host spike, everything at rest (6 idle).
            // t=1: a gets 2 * 64 = 128 > 64 and spikes (active); t idle.
            // t=2: a still holds u = 128, decayed to 0 (active); each t gets 128 (5 active), v = 128 < threshold.
            // t=3: a at rest (idle); each t still holds u, v = 128, decayed to 0 (5 active).
            // core 0: active 2 of 4; core 8: active 10 of 20. Synaptic operations: in->a 1 on core 0, a->t 5 on
            // core 8. Messages: host->a (no hops), a->core 8 (2 hops east). One host spike (in at t=0). No learning.
            // One barrier a timestep.
            ChipEvents expected = new ChipEvents(4, 2, 2, 0, 0, 1,
                    List.of(new CoreEvents(0, 1, 0, 2, 2), new CoreEvents(8, 5, 0, 10, 10)));
            assertEquals(expected, sim.events());
            assertEquals(4, sim.events().barriers());
        }
    }

    @Test
    void theCountsWithoutRecordsAreTheSnapshotsInTheirFlatLayout() {
        try (ChipSimulation sim = new Loihi1Backend().open(fanOut(), RunOptions.seed(1))) {
            sim.run(4);
            // the snapshot above (aSpikeFannedOutToFiveCompartmentsTwoTilesAway), chip-wide counts then core by core
            long[] expected = {4, 2, 2, 0, 0, 1, /* core 0 */ 1, 0, 2, 2, 0, /* core 8 */ 5, 0, 10, 10, 0};
            long[] counts = new long[ChipEvents.countsLength(2)];
            sim.eventCounts(counts);
            assertArrayEquals(expected, counts);
            long[] fromSnapshot = new long[counts.length];
            sim.events().writeCounts(fromSnapshot);
            assertArrayEquals(expected, fromSnapshot);
            assertEquals(sim.events(), ChipEvents.ofCounts(counts, new int[] {0, 8}));
            long[] spikes = new long[sim.spikesPerGroup().length];
            sim.spikesPerGroup(spikes);
            assertArrayEquals(new long[] {1, 0}, spikes, "a fired once (timestep 1), t never");
        }
    }

    @Test
    void aWindowIsTheDifferenceOfTwoSnapshots() {
        try (ChipSimulation sim = new Loihi1Backend().open(fanOut(), RunOptions.seed(1))) {
            sim.run(2);
            ChipEvents before = sim.events();
            sim.run(1);
            // timestep 2 alone: a active (its leftover current), t's five compartments active (their input); no
            // messages, and no synaptic operations: a's spike of timestep 1 was delivered into the accumulators at
            // the end of timestep 1 (the router delivers a timestep's spikes before its barrier)
            ChipEvents expected = new ChipEvents(1, 0, 0, 0, 0,
                    List.of(new CoreEvents(0, 0, 0, 1, 0), new CoreEvents(8, 0, 0, 5, 0)));
            assertEquals(expected, sim.events().minus(before));
        }
    }

    /**
     * Compartments at rest still take part in every timestep's update on the chip. One with a bias
     * (-4096 * 2^7, never reaching the threshold) holds v = bias: an active update every timestep,
     * though nothing changes and the emulator skips visiting it; one with nothing in and no bias is
     * idle every timestep. Over 6 timesteps: 6 active and 6 idle.
     */
    @Test
    void compartmentsAtRestAreCountedEveryTimestep() {
        Network n = Network.builder()
                .group("biased", 1, CompartmentPrototype.builder().vThMant(1024).bias(-4096, 7).build())
                .group("empty", 1, QUIET)
                .build();
        try (ChipSimulation sim = new Loihi1Backend().open(n, RunOptions.seed(1))) {
            sim.run(6);
            CoreEvents core = sim.events().cores().get(0);
            assertEquals(6, core.activeUpdates());
            assertEquals(6, core.idleUpdates());
        }
    }

    @Test
    void resourcesOfTheFanOut() {
        try (ChipSimulation sim = new Loihi1Backend().open(fanOut(), RunOptions.seed(1))) {
            // cores 0 and 8 are on tiles 0 and 2; 6 compartments; synapses 1 + 5 of 8 weight bits, no delay,
            // no tag, dense (all-to-all: no index bits): one list per core of 1 and 5 synapses, each
            // ceil((16 + n * 8) / 64) = 1 word
            ResourceUsage r = sim.resources();
            assertEquals(2, r.cores().size());
            assertEquals(2, r.tiles());
            assertEquals(6, r.compartments());
            assertEquals(6, r.synapses());
            assertEquals(2 * 64, r.synapticMemoryBits());
        }
    }

    @Test
    void learningUpdatesCountTheSynapsesOfSpikingColumns() {
        // as the sBP rule, dw = y0*x0*r1*4 - y0*x0*2 depends on y0 (its first factor): each epoch evaluates the
        // synapses of every compartment that spiked, whatever the axons did. in (3 sources) -> n (2 compartments
        // that fire on any input, so spikes at 0 make both fire at 1) all-to-all, epochs of one timestep.
        // Spikes of n: both at t=1 (after source 0 at t=0) and both at t=3 (after source 1 at t=2).
        // Updates: 2 compartments x 3 synapses, at t=1 and at t=3: 12.
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 3, new int[] {0, 2}, new int[] {0, 1}))
                .group("n", 2, FIRES, new CoreRange(0, 0))
                .connect("in", "n").weight(2).learning(LearningSettings.of("dw = y0*x0*2", 1)).add()
                .build();
        try (ChipSimulation sim = new Loihi1Backend().open(n, RunOptions.seed(1))) {
            sim.run(5);
            assertEquals(12, sim.events().synapticUpdates());
        }
    }

    @Test
    void learningUpdatesCountTheSynapsesOfSpikingRows() {
        // in (3 sources) -> n (2 quiet compartments, never spike) all-to-all, rule dw = x0*y0*2 with epochs of one
        // timestep: its term's dependency is x0, so each epoch evaluates the 2 synapses of every row whose axon
        // spiked in it (y0 = 0, so no weight changes). Spikes: source 0 at t=0; sources 0 and 2 at t=2.
        // Updates: 2 (t=0) + 4 (t=2) = 6; all synapses are on core 0.
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 3, new int[] {0, 2, 2}, new int[] {0, 0, 2}))
                .group("n", 2, QUIET, new CoreRange(0, 0))
                .connect("in", "n").weight(2).learning(LearningSettings.of("dw = x0*y0*2", 1)).add()
                .build();
        try (ChipSimulation sim = new Loihi1Backend().open(n, RunOptions.seed(1))) {
            sim.run(4);
            assertEquals(6, sim.events().synapticUpdates());
            // synaptic operations: 3 spikes x 2 synapses; n idle at t=0, active at t=1 (input 128), t=2 (holds
            // u, v = 128) and t=3 (input 256): 6 active, 2 idle
            // learning-engine visits: all 6 plastic synapses at the end of each of the 4 epochs = 24
            assertEquals(List.of(new CoreEvents(0, 6, 6, 6, 2, 24)), sim.events().cores());
            assertEquals(3, sim.events().hostSpikes());
        }
    }

    @Test
    void theLearningEngineVisitsEveryPlasticSynapseOfItsCoreAtEachEpochsEnd() {
        // in (4 sources) -> a (2 compartments, core 0) and -> b (3 compartments, core 1), all-to-all with tEpoch = 2:
        // 8 plastic synapses on core 0 and 12 on core 1. No source ever spikes, so no rule's dependency holds (0
        // synaptic updates), yet the engine visits them all at the end of each epoch. 5 timesteps end 2 epochs
        // (after timesteps 1 and 3): core 0: 2 x 8 = 16 visits, core 1: 2 x 12 = 24. The static connection in -> m
        // (core 2) is visited by nothing.
        LearningSettings rule = LearningSettings.of("dw = x0*y0*2", 2);
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 4, new int[0], new int[0]))
                .group("a", 2, QUIET, new CoreRange(0, 0))
                .group("b", 3, QUIET, new CoreRange(1, 1))
                .group("m", 1, QUIET, new CoreRange(2, 2))
                .connect("in", "a").weight(2).learning(rule).add()
                .connect("in", "b").weight(2).learning(rule).add()
                .connect("in", "m").weight(2).add()
                .build();
        try (ChipSimulation sim = new Loihi1Backend().open(n, RunOptions.seed(1))) {
            sim.run(5);
            assertEquals(0, sim.events().synapticUpdates());
            assertEquals(List.of(16L, 24L, 0L), sim.events().cores().stream().map(CoreEvents::learningVisits).toList());
        }
    }
}
