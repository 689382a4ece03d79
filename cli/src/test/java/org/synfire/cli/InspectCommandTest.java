package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InspectCommandTest {

    /** At 400-400-10: 12 gates, x h h< h> (4 x 400), o o< o> t d+ d- oT- (7 x 10), h1T c_h m_x m_h (4 x 400): 3282. */
    @Test
    void thePapersCircuitFitsOnOneChip() {
        CliRun run = CliRun.of("inspect", "--dataset", "mnist20");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(" total          3282 "), run.out());
        assertTrue(run.out().contains("fits: yes, on "), run.out());
    }

    @Test
    void aCircuitOverACoreLimitDoesNotFitAndSaysWhich() {
        CliRun run = CliRun.of("inspect", "--dataset", "mnist20", "--hidden", "5000");

        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("fits: no: ") && run.out().contains("4096 fan-in axons per core"), run.out());
    }
}
