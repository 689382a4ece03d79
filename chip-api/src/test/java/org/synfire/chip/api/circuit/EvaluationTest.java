package org.synfire.chip.api.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static Evaluation predicting(int... predictions) {
        return new Evaluation(predictions.length, Map.of(), Map.of(), predictions);
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

    @Test
    void keepsTheCircuitsOrderOfFiguresAndNamesTheHeadline() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("top1_spikes", 0.5);
        metrics.put("exact", 0.25);
        metrics.put("loss", 0.1);
        Evaluation e = new Evaluation(2, metrics, Map.of("dead_outputs", 1L), new int[] {0, 1});
        assertEquals(List.of("top1_spikes", "exact", "loss"), List.copyOf(e.metrics().keySet()));
        assertEquals("top1_spikes", e.headline());
        assertEquals(0.25, e.metric("exact"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> e.metric("f1"));
        assertEquals("the evaluation has no figure f1; it has [top1_spikes, exact, loss]", missing.getMessage());
    }

    @Test
    void refusesPredictionsThatDoNotMatchTheSampleCount() {
        assertThrows(IllegalArgumentException.class, () -> new Evaluation(3, Map.of(), Map.of(), new int[2]));
    }
}
