package org.synfire.chip.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.Answers;

/** Chip events as flat counts, for callers that read them every timestep without making records. */
class ChipEventsCountsTest {

    private static final ChipEvents EVENTS = new ChipEvents(7, 11, 13, 17, 19, 5,
            List.of(new CoreEvents(3, 23, 29, 31, 37, 59), new CoreEvents(9, 41, 43, 47, 53, 61)));

    @Test
    void theLayoutIsChipWideCountsThenEachCoresInCoreOrder() {
        long[] counts = new long[ChipEvents.countsLength(2)];
        EVENTS.writeCounts(counts);
        // chip-wide: timesteps, messages, hops x, hops y, chip crossings, host spikes; then per core: synaptic
        // operations, synaptic updates, active and idle updates, learning-engine visits
        assertArrayEquals(new long[] {7, 11, 13, 17, 19, 5, 23, 29, 31, 37, 59, 41, 43, 47, 53, 61}, counts);
        assertEquals(EVENTS, ChipEvents.ofCounts(counts, new int[] {3, 9}));
    }

    @Test
    void tooFewCountsForTheCoresAreRefused() {
        assertEquals("15 counts for 2 cores; expected 16", assertThrows(IllegalArgumentException.class,
                () -> ChipEvents.ofCounts(new long[15], new int[] {3, 9})).getMessage());
    }

    @Test
    void countsWithoutHostSpikesOrVisitsHoldZeroForThemAndWindowsSubtractThem() {
        ChipEvents old = new ChipEvents(1, 2, 3, 4, 5, List.of(new CoreEvents(3, 6, 7, 8, 9)));
        assertEquals(0, old.hostSpikes());
        assertEquals(0, old.learningVisits());
        ChipEvents window = EVENTS.minus(new ChipEvents(2, 1, 3, 7, 9, 4,
                List.of(new CoreEvents(3, 3, 9, 1, 7, 50), new CoreEvents(9, 1, 3, 7, 3, 1))));
        assertEquals(1, window.hostSpikes()); // 5 - 4
        assertEquals(9 + 60, window.learningVisits()); // (59 - 50) + (61 - 1)
        assertEquals(EVENTS, window.plus(new ChipEvents(2, 1, 3, 7, 9, 4,
                List.of(new CoreEvents(3, 3, 9, 1, 7, 50), new CoreEvents(9, 1, 3, 7, 3, 1)))));
    }

    @Test
    void aBackendWithoutItsOwnCountsGivesThoseOfItsSnapshots() {
        ChipSimulation chip = mock(ChipSimulation.class, withSettings().defaultAnswer(Answers.CALLS_REAL_METHODS));
        when(chip.events()).thenReturn(EVENTS);
        when(chip.spikesPerGroup()).thenReturn(new long[] {5, 0, 2});
        long[] counts = new long[ChipEvents.countsLength(2)];
        chip.eventCounts(counts);
        assertEquals(EVENTS, ChipEvents.ofCounts(counts, new int[] {3, 9}));
        long[] spikes = new long[3];
        chip.spikesPerGroup(spikes);
        assertArrayEquals(new long[] {5, 0, 2}, spikes);
    }
}
