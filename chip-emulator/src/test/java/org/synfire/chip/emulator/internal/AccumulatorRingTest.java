package org.synfire.chip.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;

/**
 * The accumulator ring is as short as the delays allow: a spike sent at t with delay d lands in slot t + 1 + d, so
 * slots t .. t + 1 + longest must be distinct (longest + 2 of them, rounded up to a power of two, at most 64).
 */
class AccumulatorRingTest {

    @ParameterizedTest(name = "longest delay {0} -> {1} slots")
    @CsvSource({"0, 2", "1, 4", "2, 4", "5, 8", "6, 8", "7, 16", "30, 32", "31, 64", "62, 64"})
    void ringHoldsTheLongestDelay(int longest, int slots) {
        Network n = Network.builder().group("a", 3, CompartmentPrototype.builder().build())
                .group("b", 3, CompartmentPrototype.builder().build())
                .connect("a", "b").weight(2).delays(0, longest, 0, 0, 0, 0, 0, 0, 0).add()
                .build();
        assertEquals(slots, CompartmentState.slotsFor(new Layout(n)));
    }

    @ParameterizedTest(name = "a rule that learns delays needs the whole ring")
    @CsvSource({"dd = x0*y0*2, 64", "dw = x0*y0*2, 2"})
    void learnedDelaysCanGrowToTheLongest(String rule, int slots) {
        Network n = Network.builder().group("a", 2, CompartmentPrototype.builder().build())
                .group("b", 2, CompartmentPrototype.builder().build())
                .connect("a", "b").weight(2).learning(LearningSettings.of(rule, 1)).add()
                .build();
        assertEquals(slots, CompartmentState.slotsFor(new Layout(n)));
    }
}
