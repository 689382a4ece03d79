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

    private static final ChipEvents EVENTS = new ChipEvents(7, 11, 13, 17, 19,
            List.of(new CoreEvents(3, 23, 29, 31, 37), new CoreEvents(9, 41, 43, 47, 53)));

    @Test
    void theLayoutIsChipWideCountsThenEachCoresInCoreOrder() {
        long[] counts = new long[ChipEvents.countsLength(2)];
        EVENTS.writeCounts(counts);
        assertArrayEquals(new long[] {7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53}, counts);
        assertEquals(EVENTS, ChipEvents.ofCounts(counts, new int[] {3, 9}));
    }

    @Test
    void tooFewCountsForTheCoresAreRefused() {
        assertEquals("12 counts for 2 cores; expected 13", assertThrows(IllegalArgumentException.class,
                () -> ChipEvents.ofCounts(new long[12], new int[] {3, 9})).getMessage());
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
