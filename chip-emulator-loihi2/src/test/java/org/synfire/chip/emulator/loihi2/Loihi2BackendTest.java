package org.synfire.chip.emulator.loihi2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.CoreRange;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.api.spi.BackendCapabilities;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.Loihi1Model;

/** What {@code loihi2} refuses, declares, and how it places a network on cores and counts its events. */
class Loihi2BackendTest {

    private static final CompartmentPrototype QUIET = CompartmentPrototype.builder().vThMant(131_071).build();

    private static String refusal(Network network) {
        return assertThrows(IllegalArgumentException.class,
                () -> new Loihi2Backend().open(network, RunOptions.seed(1))).getMessage();
    }

    @Test
    void learnedDelaysAreRefusedInOneLineNamingTheConnection() {
        Network n = Network.builder().generator("x", 2).group("h", 2, QUIET)
                .connect("x", "h").weight(2).learning(LearningSettings.of("dd = x0*2", 1)).add()
                .build();
        assertEquals("backend loihi2: learned delays (dd) are not supported: Lava's learning Dense learns tag_2 but"
                + " never applies it as a delay (connection x->h)", refusal(n));
    }

    @Test
    void learningOnAConnectionWithDelaysIsRefused() {
        Network n = Network.builder().generator("x", 2).group("h", 2, QUIET)
                .connect("x", "h").weight(2).delay(3).learning(LearningSettings.of("dw = x0*2", 1)).add()
                .build();
        assertEquals("backend loihi2: learning on a connection with delays is not supported: Lava v0.10.0 has no"
                + " learning DelayDense (connection x->h)", refusal(n));
    }

    @Test
    void theDelayFactorAndAUBesideADependencyAreRefused() {
        Network d = Network.builder().generator("x", 2).group("h", 2, QUIET)
                .connect("x", "h").weight(2).learning(LearningSettings.of("dw = x0*d", 1)).add()
                .build();
        assertEquals("backend loihi2: the delay factor d is not supported: Lava's learning Dense keeps no delay"
                + " (term 1*x0*d) (connection x->h)", refusal(d));
        Network u = Network.builder().generator("x", 2).group("h", 2, QUIET)
                .connect("x", "h").weight(2).learning(LearningSettings.of("dw = x0*u1", 1)).add()
                .build();
        assertEquals("backend loihi2: u1 beside another dependency in one term is not supported: Lava drops it"
                + " (term 1*x0*u1) (connection x->h)", refusal(u));
    }

    @Test
    void aRuleThatCannotBeParsedNamesTheConnection() {
        Network n = Network.builder().generator("x", 2).group("h", 2, QUIET)
                .connect("x", "h").weight(2).learning(LearningSettings.of("dw = x0*q7", 1)).add()
                .build();
        assertTrue(refusal(n).startsWith("backend loihi2: connection x->h: "), refusal(n));
    }

    @Test
    void aReinforcementChannelNoRuleReadsIsAccepted() {
        Network n = Network.builder().generator("r", 1).group("h", 1, QUIET).channel("reward", "r").build();
        try (ChipSimulation sim = new Loihi2Backend().open(n, RunOptions.seed(1))) {
            sim.run(2);
            assertEquals(2, sim.timestep());
        }
    }

    @Test
    void corePinsAreRefused() {
        Network n = Network.builder().group("h", 4, QUIET, new CoreRange(0, 1)).build();
        assertEquals("backend loihi2: core pins are not supported (group h is pinned to Loihi-1 cores 0..1); "
                + "leave the placement to the backend", refusal(n));
    }

    @Test
    void declaresLavasModelsAndLoihi2Resources() {
        BackendCapabilities c = new Loihi2Backend().capabilities();
        assertEquals(2, c.neuronModels().size());
        assertTrue(c.runsNeuronModel("loihi1-cuba-lif"), "Loihi-1 registers, run as Lava's LIF");
        assertTrue(c.runsNeuronModel("lava-lif"), "Lava's own registers");
        assertTrue(c.neuronModels().get(0).note().contains("PyLifModelBitAcc"));
        assertEquals(63, c.maxDelay(), "DelayDense's 6 bits");
        assertEquals(1, c.ruleDialects().size());
        assertTrue(c.learnsWith("nxsdk"), "NxSDK rule text, run on Lava's learning engine");
        assertTrue(c.ruleDialects().get(0).note().contains("LearningConnectionModelBitApproximate"));
        assertEquals(0, c.gradedSpikeBits(), "today's network has no graded spikes");
        assertTrue(c.refractoryPeriods());
        assertEquals(OptionalLong.of(128), c.chipResource("cores").orElseThrow().value());
        assertEquals(OptionalLong.of(8192), c.core("compartments").orElseThrow().value());
        assertEquals(OptionalLong.empty(), c.core("fan-in axons").orElseThrow().value(), "no public figure");
        // and loihi1 declares Loihi 1's
        assertEquals(Loihi1Model.CAPABILITIES, Loihi1.backend().capabilities());
    }

    @Test
    void fillsCoresUpTo8192Compartments() {
        // 8192 compartments per core: a group of 8200 takes core 0 whole and 8 compartments of core 1; the next group
        // follows on core 1
        Network n = Network.builder().group("a", 8200, QUIET).group("b", 10, QUIET).build();
        try (ChipSimulation sim = new Loihi2Backend().open(n, RunOptions.seed(1))) {
            assertEquals(0, sim.coreOf("a", 8191));
            assertEquals(1, sim.coreOf("a", 8192));
            assertEquals(1, sim.coreOf("b", 0));
            assertEquals(List.of(8192, 18), sim.resources().cores().stream()
                    .map(org.synfire.chip.api.ResourceUsage.Core::compartments).toList());
        }
    }

    @Test
    void memoryBoundsTheSynapsesOfACore() {
        // 192 KiB = 1,572,864 bits per core; 8-bit weights without delays: a compartment with a fan-in of 1000 takes
        // 8000 bits, so 196 of them fit on a core (1,568,000 bits) and the 197th starts core 1
        Network n = Network.builder().generator("x", 1000).group("h", 200, QUIET).connect("x", "h").weight(2).add()
                .build();
        try (ChipSimulation sim = new Loihi2Backend().open(n, RunOptions.seed(1))) {
            assertEquals(0, sim.coreOf("h", 195));
            assertEquals(1, sim.coreOf("h", 196));
            // 196 compartments x 1000 synapses x 8 bits / 64 = 24,500 words; 1000 distinct sources feed each core
            assertEquals(24_500, sim.resources().cores().get(0).synapticMemoryWords());
            assertEquals(1000, sim.resources().cores().get(0).fanInAxons());
            assertEquals(196_000, sim.resources().cores().get(0).synapses());
        }
    }

    @Test
    void aNetworkLargerThanTheBoardIsRefusedNamingTheLimit() {
        Network n = Network.builder().group("big", 128 * 8192 + 1, QUIET).build();
        assertEquals("backend loihi2: network does not fit on 1 chip(s) of 128 cores: group big, compartment 1048576 "
                + "would need core 128 (limits: 8192 compartments and 196608 bytes of synapses per core); give more "
                + "chips", refusal(n));
        try (ChipSimulation sim = new Loihi2Backend().open(n, new RunOptions(1, 2))) {
            assertEquals(128, sim.coreOf("big", 128 * 8192));
        }
    }

    @Test
    void countsSynapticOperationsMessagesAndUpdatesPerCore() {
        // 3 sources spike at 0 into 2 compartments all to all: 6 synaptic operations, 3 messages (one target core);
        // at 0 nothing is integrated yet (2 idle updates), at 1 both compartments have input (2 active)
        Network n = Network.builder().add(new SpikeGenerator("x", 3, new int[] {0, 0, 0}, new int[] {0, 1, 2}))
                .group("h", 2, QUIET).connect("x", "h").weight(2).add().build();
        try (ChipSimulation sim = new Loihi2Backend().open(n, RunOptions.seed(1))) {
            sim.run(2);
            ChipEvents e = sim.events();
            assertEquals(2, e.timesteps());
            assertEquals(3, e.messages());
            assertEquals(6, e.synapticOperations());
            assertEquals(2, e.activeUpdates());
            assertEquals(2, e.idleUpdates());
            assertEquals(3, sim.activity().hostSpikes());
            long[] counts = new long[ChipEvents.countsLength(1)];
            sim.eventCounts(counts);
            // timesteps, messages, hops x / y, chip crossings, host spikes; the core: synaptic operations, updates,
            // active and idle updates, learning-engine visits (none: this backend does not learn)
            assertArrayEquals(new long[] {2, 3, 0, 0, 0, 3, 6, 0, 2, 2, 0}, counts);
            assertEquals(3, e.hostSpikes());
        }
    }

    @Test
    void aGeneratorSourceSpikesOnceATimestep() {
        // source 0 scheduled at 1 and injected for 1 as well: one spike, u = 2 << 6 = 128 at 2
        Network n = Network.builder().add(new SpikeGenerator("x", 1, new int[] {1}, new int[] {0}))
                .add(new CompartmentGroup("h", 1, QUIET, Optional.empty()))
                .connect("x", "h").weight(2).add()
                .probe("u", org.synfire.chip.api.network.Probe.Kind.CURRENT, "h").build();
        try (ChipSimulation sim = new Loihi2Backend().open(n, RunOptions.seed(1))) {
            sim.run(1);
            sim.inject("x", 0);
            sim.run(2);
            assertEquals(128, sim.probe("u").get(2, 0));
            assertEquals(1, sim.activity().hostSpikes());
        }
    }
}
