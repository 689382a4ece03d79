package org.synfire.chip.model.loihi1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.spi.BackendCapabilities;

/** Loihi 1's capabilities are the figures of docs/loihi1-semantics.md and of its model's own limits. */
class Loihi1ModelTest {

    @Test
    void capabilitiesAreTheSemanticsPagesFigures() {
        // D18: 1024 compartments and 128 KiB of synaptic memory per core, 128 cores per chip; exponents -8..7,
        // 1..8 weight bits, delays up to 62
        BackendCapabilities c = Loihi1Model.CAPABILITIES;
        assertEquals(new BackendCapabilities.WeightFormat(1, 8, -8, 7), c.weights());
        assertEquals(62, c.maxDelay());
        assertEquals(0, c.gradedSpikeBits());
        assertTrue(c.refractoryPeriods());
        assertTrue(c.runsNeuronModel(CompartmentPrototype.MODEL));
        assertTrue(c.learnsWith(LearningSettings.DIALECT));
        assertEquals(OptionalLong.of(1024), c.core("compartments").orElseThrow().value());
        assertEquals(OptionalLong.of(131_072), c.core("synaptic memory").orElseThrow().value());
        assertEquals(OptionalLong.of(128), c.chipResource("cores").orElseThrow().value());
    }

    @Test
    void aGroupOrRuleOfAnotherModelIsNamedWhenRead() {
        Network n = Network.builder().generator("in", 1).group("h", 1, CompartmentPrototype.builder())
                .connect("in", "h").learning(LearningSettings.of("dw = x0*y0", 1)).add().build();
        assertEquals(CompartmentPrototype.builder().build(), CompartmentPrototype.of(n.groups().get(0), "x"));
        ConnectionGroup c = n.connections().get(0);
        assertEquals("dw = x0*y0", LearningSettings.of(c, "x").rule());
        var other = new org.synfire.chip.api.network.LearningRule() {
            @Override
            public String dialect() {
                return "lava";
            }

            @Override
            public java.util.Optional<String> rewardChannel() {
                return java.util.Optional.empty();
            }
        };
        ConnectionGroup lava = Network.builder().generator("in", 1).group("h", 1, CompartmentPrototype.builder())
                .connect("in", "h").learning(other).add().build().connections().get(0);
        assertEquals("backend loihi1: rule dialect lava is not supported (connection in->h); it takes nxsdk",
                assertThrows(IllegalArgumentException.class, () -> LearningSettings.of(lava, "backend loihi1"))
                        .getMessage());
    }

    @Test
    void aBiasPerCompartmentIsCheckedByTheModel() {
        assertEquals("group h, compartment 1: biasExp 8 is out of range 0..7",
                assertThrows(IllegalArgumentException.class, () -> Network.builder()
                        .group("h", 2, CompartmentPrototype.builder()).build().groups().get(0).withBiasExps(0, 8))
                        .getMessage());
    }
}
