package org.synfire.chip.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;

/** A backend that declares nothing is a Loihi-1 backend; the Loihi-1 figures are the semantics page's. */
class BackendCapabilitiesTest {

    @Test
    void aBackendThatDeclaresNothingHasLoihi1sCapabilities() {
        ChipBackend plain = new ChipBackend() {
            @Override
            public String id() {
                return "plain";
            }

            @Override
            public String description() {
                return "declares nothing";
            }

            @Override
            public ChipSimulation open(Network network, RunOptions options) {
                throw new UnsupportedOperationException();
            }
        };
        assertSame(BackendCapabilities.LOIHI1, plain.capabilities());
    }

    @Test
    void loihi1sLimitsAreTheNetworkTypesLimits() {
        // the network types' own limits (ConnectionGroup, SignMode): -8 .. 7, 1 .. 8 bits, delays up to 62;
        // D18: 1024 compartments and 128 KiB of synaptic memory per core, 128 cores per chip
        BackendCapabilities c = BackendCapabilities.LOIHI1;
        assertEquals(new BackendCapabilities.WeightFormat(1, 8, -8, 7), c.weights());
        assertEquals(62, c.maxDelay());
        assertEquals(0, c.gradedSpikeBits());
        assertTrue(c.refractoryPeriods());
        assertEquals(OptionalLong.of(1024), c.core("compartments").orElseThrow().value());
        assertEquals(OptionalLong.of(131_072), c.core("synaptic memory").orElseThrow().value());
        assertEquals(OptionalLong.of(128), c.chipResource("cores").orElseThrow().value());
        assertTrue(c.core("no such thing").isEmpty());
    }

    @Test
    void invalidFiguresAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BackendCapabilities.WeightFormat(0, 8, -8, 7));
        assertThrows(IllegalArgumentException.class, () -> new BackendCapabilities.WeightFormat(1, 8, 7, -8));
        assertThrows(IllegalArgumentException.class, () -> new BackendCapabilities("x", List.of(),
                new BackendCapabilities.WeightFormat(1, 8, 0, 0), -1, 0, false, List.of(), List.of(), List.of()));
    }
}
