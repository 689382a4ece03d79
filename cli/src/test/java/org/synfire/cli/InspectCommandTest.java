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

    /**
     * The estimate from a calibration run. Its learning-engine part depends on the circuit only: the plastic synapses
     * are W1 and its two copies (3 x 400 x 400), W2 and its two copies (3 x 10 x 400) and the transposed W2 with
     * its negative (2 x 400 x 10), 500,000 in all, each visited at the end of each of a sample's 12 one-timestep
     * epochs: 6,000,000 visits x 120 pJ = 720 uJ per sample.
     */
    @Test
    void theEstimatePerSampleComesFromACalibrationRunBeforeTraining() {
        CliRun run = CliRun.of("inspect", "--dataset", "mnist20-mini", "--estimate-samples", "4");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("estimate               from a calibration run of the first 4 training samples"
                + " of mnist20-mini"), run.out());
        assertTrue(run.out().contains("(estimate, loihi1-davies2018-blouw2019, 4 samples)"), run.out());
        assertTrue(run.out().contains("learning engine 720 uJ"), run.out());
        assertTrue(run.out().contains("published on Loihi     590 uJ / 1.50 ms per training sample"), run.out());
    }

    @Test
    void noEstimateWhenAskedForNone() {
        CliRun run = CliRun.of("inspect", "--dataset", "mnist20-mini", "--estimate-samples", "0");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("fits: yes, on "), run.out());
        assertTrue(!run.out().contains("estimate"), run.out());
    }
}
