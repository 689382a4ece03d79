package org.synfire.chip.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Mask;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/** A binary pattern injected at once is the same as injecting its sources one by one. */
class InjectPatternTest {

    private static Network network() {
        // each input drives its own compartment over the threshold: the spikes show what was injected
        return Network.builder().generator("in", 5)
                .group("n", 5, CompartmentPrototype.builder().dU(4096).dV(4096).vThMant(10).build())
                .connect("in", "n").mask(new Mask.OneToOne()).weight(100).add()
                .probe("s", Probe.Kind.SPIKES, "n")
                .build();
    }

    @Test
    void aPatternSpikesTheSourcesWhoseEntryIsNotZero() {
        byte[] samples = {9, 9, 0, 1, 0, 1, 1, 9};
        try (ChipSimulation pattern = new Loihi1Backend().open(network(), RunOptions.seed(1));
                ChipSimulation oneByOne = new Loihi1Backend().open(network(), RunOptions.seed(1))) {
            pattern.injectPattern("in", samples, 2, 5);
            for (int i : new int[] {1, 3, 4}) {
                oneByOne.inject("in", i);
            }
            pattern.run(3);
            oneByOne.run(3);
            assertArrayEquals(oneByOne.probe("s").values(), pattern.probe("s").values());
            assertArrayEquals(new int[] {0, 1, 0, 1, 1}, pattern.probe("s").values()[1], "spikes at timestep 1");
        }
    }

    @Test
    void badPatternsAreRefused() {
        try (ChipSimulation sim = new Loihi1Backend().open(network(), RunOptions.seed(1))) {
            byte[] six = new byte[6];
            assertEquals("cannot inject into out: no such generator",
                    assertThrows(IllegalArgumentException.class, () -> sim.injectPattern("out", six, 0, 5)).getMessage());
            assertEquals("cannot inject 6 sources into generator in: it has 5",
                    assertThrows(IllegalArgumentException.class, () -> sim.injectPattern("in", six, 0, 6)).getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> sim.injectPattern("in", six, 2, 5));
        }
    }
}
