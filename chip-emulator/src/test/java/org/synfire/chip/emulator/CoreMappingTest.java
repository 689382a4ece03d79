package org.synfire.chip.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.CoreRange;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * Placement on cores: limits of 1024 compartments, 4096 fan-in axons and 16,384 words of synaptic memory per
 * core; the memory model is Loihi1Constants' (a list of n dense synapses of b bits takes
 * ceil((16 + n * b) / 64) words).
 */
class CoreMappingTest {

    private static final CompartmentPrototype P = CompartmentPrototype.builder().build();
    private final Loihi1Backend backend = new Loihi1Backend();

    private String refusal(Network network) {
        return assertThrows(IllegalArgumentException.class, () -> backend.open(network, RunOptions.seed(1)))
                .getMessage();
    }

    @Test
    void aCoreHolds1024Compartments() {
        try (ChipSimulation sim = backend.open(Network.builder().group("n", 1025, P).build(), RunOptions.seed(1))) {
            assertEquals(0, sim.coreOf("n", 1023));
            assertEquals(1, sim.coreOf("n", 1024));
        }
    }

    /**
     * Resources, by hand: in (10 generators) -> n (1030 compartments), all to all. Core 0 holds
     * compartments 0..1023 with 10 fan-in axons
     * and 10 * 1024 synapses; each axon's list of 1024 dense 8-bit synapses (no delay bits) takes
     * ceil((16 + 1024 * 8) / 64) = 129 words, 1290 words for 10 axons. Core 1 holds the other 6
     * compartments: 10 axons, 60 synapses, lists of 6 * 8 + 16 = 64 bits = 1 word each: 10 words.
     */
    @Test
    void reportsWhatEachCoreHolds() {
        Network network = Network.builder()
                .add(new org.synfire.chip.api.network.SpikeGenerator("in", 10, new int[0], new int[0]))
                .group("n", 1030, P)
                .connect("in", "n").weight(2).add()
                .build();
        try (ChipSimulation sim = backend.open(network, RunOptions.seed(1))) {
            org.synfire.chip.api.ResourceUsage usage = sim.resources();
            assertEquals(java.util.List.of(
                    new org.synfire.chip.api.ResourceUsage.Core(0, 1024, 10, 10240, 1290),
                    new org.synfire.chip.api.ResourceUsage.Core(1, 6, 10, 60, 10)), usage.cores());
            assertEquals(1030, usage.compartments());
            assertEquals(10300, usage.synapses());
            assertEquals(128, usage.coresPerChip());
        }
    }

    @Test
    void groupPinnedToTooFewCoresIsRefused() {
        String m = refusal(Network.builder().group("n", 1025, P, new CoreRange(5, 5)).build());
        assertEquals("group n does not fit on its pinned cores 5..5: core 5 is full at compartment 1024 (limit: 1024"
                + " compartments per core)", m);
    }

    @Test
    void pinnedGroupStartsOnItsFirstCore() {
        Network n = Network.builder().group("a", 3, P).group("b", 2, P, new CoreRange(7, 9)).group("c", 1, P).build();
        try (ChipSimulation sim = backend.open(n, RunOptions.seed(1))) {
            assertEquals(0, sim.coreOf("a", 2));
            assertEquals(7, sim.coreOf("b", 0));
            assertEquals(7, sim.coreOf("c", 0), "later groups continue on the open core");
        }
    }

    /** 128 sources all-to-all, 8-bit dense, delay 0: 128 lists of ceil((16 + 8n) / 64) words fit for n <= 1022. */
    private static Network.Builder memoryBound(CoreRange pin) {
        Network.Builder b = Network.builder().generator("in", 128);
        b = pin == null ? b.group("n", 1024, P) : b.group("n", 1024, P, pin);
        return b.connect("in", "n").weight(2).add();
    }

    @Test
    void synapticMemorySplitsAGroup() {
        try (ChipSimulation sim = backend.open(memoryBound(null).build(), RunOptions.seed(1))) {
            assertEquals(0, sim.coreOf("n", 1021));
            assertEquals(1, sim.coreOf("n", 1022));
        }
    }

    @Test
    void synapticMemoryOverflowOnAPinnedCoreIsRefused() {
        String m = refusal(memoryBound(new CoreRange(0, 0)).build());
        assertEquals("group n does not fit on its pinned cores 0..0: core 0 is full at compartment 1022 (limit: 16384"
                + " words (128 KiB) of synaptic memory per core (needs 16512))", m);
    }

    @Test
    void aCompartmentWithTooManySourcesIsRefused() {
        Network n = Network.builder().generator("in", 4097).group("n", 1, P).connect("in", "n").weight(2).add().build();
        assertEquals("group n, compartment 0 does not fit on an empty core (core 0): it alone exceeds 4096 fan-in"
                + " axons per core (needs 4097)", refusal(n));
    }

    @Test
    void aNetworkLargerThanTheBoardIsRefused() {
        String m = refusal(Network.builder().group("n", 128 * 1024 + 1, P).build());
        assertTrue(m.startsWith("network does not fit on 1 chip(s) of 128 cores: group n, compartment 131072 would"
                + " need core 128"), m);
    }

    /**
     * a (1024) reaches b1..b5, each forced onto a core of its own by 3000 inputs of its own (fan-in
     * limit 4096: 3000 + 1024 from a fit, two b's do not). Packed 1024 to a core, a's core would need
     * 1024 * 5 = 5120 output axons > 4096; the mapper spreads the populations to 512 per core: each of
     * a's two cores needs 512 * 5 = 2560.
     */
    @Test
    void populationsAreSpreadOutWhenACoreWouldNeedTooManyOutputAxons() {
        Network.Builder b = Network.builder().group("a", 1024, P);
        for (int k = 1; k <= 5; k++) {
            b.generator("in" + k, 3000).group("b" + k, 1, P).connect("in" + k, "b" + k).weight(2).add();
            b.connect("a", "b" + k).weight(2).add();
        }
        try (ChipSimulation sim = backend.open(b.build(), RunOptions.seed(1))) {
            assertEquals(0, sim.coreOf("a", 511));
            assertEquals(1, sim.coreOf("a", 512));
            assertEquals(java.util.Set.of(2, 3, 4, 5, 6), java.util.stream.IntStream.rangeClosed(1, 5)
                    .map(k -> sim.coreOf("b" + k, 0)).boxed().collect(java.util.stream.Collectors.toSet()));
        }
    }

    /**
     * b1 and b2 have 3000 inputs each, from generators of their own: b1 fills core 0 to 3000 fan-in
     * axons, b2 would take it to 6000 > 4096 and moves to core 1, which must then count its 3000 too
     * (a retried compartment once counted none of its sources, as if they were on the core already).
     */
    @Test
    void aCompartmentMovedToAFreshCoreBringsItsFanIn() {
        Network n = Network.builder()
                .generator("in1", 3000).generator("in2", 3000)
                .group("b1", 1, P).group("b2", 1, P)
                .connect("in1", "b1").weight(2).add()
                .connect("in2", "b2").weight(2).add()
                .build();
        try (ChipSimulation sim = backend.open(n, RunOptions.seed(1))) {
            assertEquals(java.util.List.of(3000, 3000),
                    sim.resources().cores().stream().map(c -> c.fanInAxons()).toList());
        }
    }

    @Test
    void aCoreWithTooManyOutputRoutesIsRefused() {
        // 1024 compartments pinned to core 0, each reaching 5 target cores: 5120 output axons > 4096; spreading
        // out cannot help a pinned group, so the refusal names the output axons
        Network.Builder b = Network.builder().group("a", 1024, P, new CoreRange(0, 0));
        for (int k = 1; k <= 5; k++) {
            b.group("b" + k, 1, P, new CoreRange(k, k));
        }
        for (int k = 1; k <= 5; k++) {
            b.connect("a", "b" + k).weight(2).add();
        }
        assertEquals("core 0 (group a and any others on it) needs 5120 output axons (routes from its compartments to"
                + " target cores), more than its 4096", refusal(b.build()));
    }
}
