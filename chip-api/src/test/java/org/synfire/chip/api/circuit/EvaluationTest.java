package org.synfire.chip.api.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static Evaluation predicting(int... predictions) {
        return new Evaluation(predictions.length, 0, 0, 0, 0, 0, 0, predictions);
    }

    @Test
    void countsTheSamplesWhosePredictionsDiffer() {
        // samples 1 and 3 differ
        assertEquals(2, predicting(0, 1, 2, 3).disagreements(predicting(0, 9, 2, 4)));
        assertEquals(0, predicting(5, 5).disagreements(predicting(5, 5)));
    }

    @Test
    void refusesEvaluationsOfDifferentSampleCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> predicting(0, 1).disagreements(predicting(0)));
        assertEquals("evaluations of 2 and 1 samples cannot be compared", e.getMessage());
    }
}
