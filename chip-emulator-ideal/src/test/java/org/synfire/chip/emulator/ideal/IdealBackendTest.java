package org.synfire.chip.emulator.ideal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ActivityCounts;
import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.TrafficCounts;
import org.synfire.chip.api.network.CoreRange;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.api.spi.BackendCapabilities;
import org.synfire.chip.emulator.ideal.internal.IdealSimulation;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;

/** What {@code ideal} declares, how it reports real weights as ints, and how it counts its events. */
class IdealBackendTest {

    private static final CompartmentPrototype QUIET = CompartmentPrototype.builder().vThMant(131_071).build();

    @Test
    void declaresAnIdealMachineWithoutLimitsOrCostTable() {
        IdealBackend backend = new IdealBackend();
        BackendCapabilities c = backend.capabilities();
        assertEquals("ideal", backend.id());
        assertEquals("ideal (float64)", c.chip());
        assertFalse(c.ruleDialects().isEmpty(), "it learns");
        assertTrue(c.refractoryPeriods());
        assertEquals(OptionalLong.of(1), c.chipResource("cores").orElseThrow().value(), "one virtual core");
        assertEquals(OptionalLong.empty(), c.core("compartments").orElseThrow().value(), "no per-core limit");
        assertEquals(OptionalLong.empty(), c.chipResource("synapses").orElseThrow().value());
        assertEquals(Optional.empty(), backend.costTable(), "no energy figures describe an ideal machine");
    }

    @Test
    void reportsEachRealWeightAsTheNearestMantissaTheChipCouldStore() {
        // mixed 8 bits (step 2, stored -256 .. 254): 13 -> 14 (6.5 steps, halves up), 253 -> 254, -3 -> -2
        // (-1.5 steps rounds up to -1), 255 -> 256 held at 254. Excitatory 4 bits (step 16, stored 0 .. 240):
        // 100 -> 96 (6.25 steps), 255 -> 256 held at 240. The simulation keeps the weights as written.
        Network n = Network.builder().generator("in", 4).generator("in2", 2).group("n", 1, QUIET)
                .connect("in", "n").weights(13, 253, -3, 255).add()
                .connect("in2", "n").weights(100, 255).signMode(SignMode.EXCITATORY).weightBits(4).add()
                .build();
        try (IdealSimulation sim = (IdealSimulation) new IdealBackend().open(n, RunOptions.seed(1))) {
            assertArrayEquals(new int[] {14, 254, -2, 254}, sim.weights("in->n"));
            assertArrayEquals(new int[] {96, 240}, sim.weights("in2->n"));
            assertArrayEquals(new double[] {13, 253, -3, 255}, sim.realWeights("in->n"));
        }
    }

    @Test
    void countsSynapticOperationsUpdatesAndCompartmentUpdatesOnOneVirtualCore() {
        // 3 sources spike at 0 into 2 compartments all to all: 6 synaptic operations; at 0 both compartments are at
        // rest (2 idle updates), at 1 both have input (2 active). dw = x0*2 (tEpoch 1) evaluates the 6 synapses of
        // the 3 spiked rows at 0. No mesh: no messages.
        Network n = Network.builder().add(new SpikeGenerator("x", 3, new int[] {0, 0, 0}, new int[] {0, 1, 2}))
                .group("h", 2, QUIET).connect("x", "h").weight(2).learning(LearningSettings.of("dw = x0*2", 1)).add()
                .build();
        try (ChipSimulation sim = new IdealBackend().open(n, RunOptions.seed(1))) {
            sim.run(2);
            ChipEvents e = sim.events();
            assertEquals(2, e.timesteps());
            assertEquals(0, e.messages());
            assertEquals(1, e.cores().size());
            assertEquals(6, e.synapticOperations());
            assertEquals(6, e.synapticUpdates());
            assertEquals(2, e.activeUpdates());
            assertEquals(2, e.idleUpdates());
            assertEquals(new ActivityCounts(2, 4, 0, 3, 6), sim.activity());
            assertEquals(TrafficCounts.NONE, sim.traffic());
            assertEquals(0, sim.coreOf("h", 1));
            assertEquals(6, sim.resources().synapses());
            assertArrayEquals(new int[] {4, 4, 4, 4, 4, 4}, sim.weights("x->h"));
        }
    }

    @Test
    void corePinsAreIgnored() {
        // a group pinned to Loihi-1 cores runs all the same: the ideal machine has one virtual core
        Network n = Network.builder().group("h", 4, QUIET, new CoreRange(3, 4)).build();
        try (ChipSimulation sim = new IdealBackend().open(n, RunOptions.seed(1))) {
            sim.run(1);
            assertEquals(0, sim.coreOf("h", 3));
        }
    }

    @Test
    void thePairRuleChangesOnlySpikedPairsAndCountsEverySynapseItsDependencyReaches() {
        // x (3 sources) -> h (2 compartments) all to all, dw = y0*x0*2 (dependency y0) at tEpoch 1; x0 and x1 spike
        // at 1; drive makes h0 fire at 1 (12,800 > 6,400). The chip evaluates the 3 synapses into h0 (its in-degree);
        // only 0->0 and 1->0 pair: 10 -> 12. The rows in mask order: 0->0, 0->1, 1->0, 1->1, 2->0, 2->1.
        CompartmentPrototype post = CompartmentPrototype.builder().vThMant(100).build();
        Network n = Network.builder().add(new SpikeGenerator("x", 3, new int[] {1, 1}, new int[] {0, 1}))
                .add(new SpikeGenerator("drive", 1, new int[] {0}, new int[] {0}))
                .group("h", 2, post)
                .connect("x", "h").weight(10).learning(LearningSettings.of("dw = y0*x0*2", 1)).add()
                .connect("drive", "h").mask(new org.synfire.chip.api.network.Mask.Explicit(new int[] {0},
                        new int[] {0})).weights(200).add()
                .build();
        try (ChipSimulation sim = new IdealBackend().open(n, RunOptions.seed(1))) {
            sim.run(2);
            assertArrayEquals(new int[] {12, 10, 12, 10, 10, 10}, sim.weights("x->h"));
            assertEquals(3, sim.events().synapticUpdates());
        }
        try (ChipSimulation chip = Loihi1.backend().open(n, RunOptions.seed(1))) {
            chip.run(2);
            assertArrayEquals(new int[] {12, 10, 12, 10, 10, 10}, chip.weights("x->h"));
            assertEquals(3, chip.events().synapticUpdates(), "counted as loihi1 counts");
        }
    }
}
