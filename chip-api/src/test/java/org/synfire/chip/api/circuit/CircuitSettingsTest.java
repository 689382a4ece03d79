package org.synfire.chip.api.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CircuitSettingsTest {

    private static Map<String, List<Integer>> sizes() {
        Map<String, List<Integer>> p = new LinkedHashMap<>();
        p.put(CircuitSettings.INPUTS, List.of(4));
        p.put(CircuitSettings.OUTPUTS, List.of(2));
        return p;
    }

    @Test
    void aCircuitsOwnParameterMayBeZeroOrNegative() {
        Map<String, List<Integer>> p = sizes();
        p.put("levels", List.of(1024, 512, 0));
        p.put("offset", List.of(-3));
        CircuitSettings settings = new CircuitSettings(p, 1, 1, Map.of());
        assertEquals(List.of(1024, 512, 0), settings.parameters().get("levels"));
        assertEquals(List.of(-3), settings.parameters().get("offset"));
    }

    @Test
    void sizesAreAtLeastOne() {
        Map<String, List<Integer>> p = sizes();
        p.put(CircuitSettings.HIDDEN, List.of(10, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CircuitSettings(p, 1, 1, Map.of()));
        assertEquals("circuit settings: parameter hidden = [10, 0] must be one or more whole numbers of at least 1",
                e.getMessage());
    }
}
