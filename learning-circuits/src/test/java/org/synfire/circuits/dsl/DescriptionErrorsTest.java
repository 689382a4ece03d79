package org.synfire.circuits.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.circuit.CircuitDescriptionException;
import org.synfire.chip.api.circuit.CircuitSettings;

/** A description's errors are reported as such (with the fix where one is plain), and its defaults are readable. */
class DescriptionErrorsTest {

    /** A winner-take-all layer of K units whose size names the let value K without its '$'. */
    private static final String WTA = """
            name: wta
            parameters: {inputs: 4, outputs: 2, units: [40], rate: ~}
            let:
              K: units[0]
            phases: 2
            neuron-types: {unit: {threshold: 1024}}
            populations:
              x: {size: inputs, type: unit}
              h: {size: K, type: unit}
            connections:
              - {from: x, to: h, weight: 2}
            """;

    /** The description as a circuit of its own, with a model whose matrices it does not need (it has none). */
    private static final class Wta extends DescribedCircuitProvider {
        Wta(String yaml) {
            super("wta", "test", CircuitDescriptions.template(yaml, "wta.yaml"), java.util.Optional.empty(),
                    new CircuitModel() {
                        @Override
                        public Map<String, int[][]> initialWeights(CircuitSettings settings) {
                            return Map.of();
                        }

                        @Override
                        public org.synfire.chip.api.circuit.Evaluation evaluate(Map<String, int[][]> weights,
                                org.synfire.chip.api.data.Samples samples) {
                            throw new UnsupportedOperationException();
                        }
                    });
        }
    }

    private static final CircuitSettings SETTINGS = new CircuitSettings(Map.of("inputs", List.of(4), "outputs",
            List.of(2), "rate", List.of(1)), 1, 1, Map.of());

    @Test
    void aLetValueUsedWithoutItsDollarIsADescriptionErrorWithTheFix() {
        CircuitDescriptionException e = assertThrows(CircuitDescriptionException.class,
                () -> new Wta(WTA).open(SETTINGS, new org.synfire.chip.emulator.Loihi1Backend()).close());

        assertEquals("wta.yaml: wta: population h: size: expression 'K': 'K' is not defined; defined here: [inputs, "
                + "outputs, rate, units]; did you mean $K? ('K' is a let value, written $K or inside $(...); an "
                + "expression here sees the parameters only)", e.getMessage());
    }

    @Test
    void anUndefinedNameThatIsNoLetValueGetsNoHint() {
        CircuitDescriptionException e = assertThrows(CircuitDescriptionException.class,
                () -> new Wta(WTA.replace("size: K", "size: Q")).open(SETTINGS,
                        new org.synfire.chip.emulator.Loihi1Backend()).close());

        assertEquals("wta.yaml: wta: population h: size: expression 'Q': 'Q' is not defined; defined here: [inputs, "
                + "outputs, rate, units]", e.getMessage());
    }

    @Test
    void theDefaultsAreThoseDeclaredWithAValue() {
        // rate is declared with ~, no default
        assertEquals(Map.of("inputs", List.of(4), "outputs", List.of(2), "units", List.of(40)),
                CircuitDescriptions.template(WTA, "wta.yaml").parameterDefaults());
    }
}
