package org.synfire.circuits.sbp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.synfire.circuits.TestCircuits;
import org.synfire.circuits.dsl.CircuitDescription;

/** The sBP description names its phases for figures, at any depth (docs/sbp-circuit.md's phase table). */
class PhaseNamesTest {

    private static List<String> names(CircuitDescription d) {
        return IntStream.range(0, d.phases()).mapToObj(d::phaseName).toList();
    }

    @Test
    void oneHiddenLayerHasThePapersTwelvePhases() {
        assertEquals(List.of("inhibit", "x", "h1", "o", "error", "w2+", "e1+", "w1+", "settle", "w2-", "e1-", "w1-"),
                names(TestCircuits.sbp(16, 8, 4)));
    }

    @Test
    void deeperCircuitsNameEveryBlock() {
        assertEquals(List.of("inhibit", "x", "h1", "h2", "o", "error",
                "w3+", "e2+", "d2+", "settle", "w3-", "e2-", "d2-",
                "w2+", "e1+", "w1+", "settle", "w2-", "e1-", "w1-"), names(TestCircuits.sbp(16, 8, 6, 4)));
        CircuitDescription three = TestCircuits.sbp(16, 8, 6, 5, 4);
        assertEquals(28, three.phases());
        assertEquals(List.of("w4+", "e3+", "d3+", "settle", "w4-", "e3-", "d3-", "w3+"), names(three).subList(7, 15));
    }

    @Test
    void theInferenceCircuitNamesItsPhases() {
        assertEquals(List.of("start", "x", "h1", "h2", "o"),
                names(TestCircuits.SBP_INFERENCE.describe(TestCircuits.layers(16, 8, 6, 4))));
    }
}
