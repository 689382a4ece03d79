package org.synfire.circuits.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Templates: parameters and defaults, let, loops in maps and lists, $ substitution, rename, and their errors. */
class CircuitTemplateTest {

    private static final String CHAIN = """
            name: chain
            parameters: {layers: [3, 2], classes: ~}
            let:
              depth: len(layers)
              sizes: [layers, classes]
            phases: $(depth + 1)
            rename: {l$(depth): out}
            neuron-types: {unit: {threshold: 1024}}
            populations:
              for l in 0..depth-1:
                l$l: {size: "$(sizes[l])", type: unit, phases: [$l]}
              for l in depth..depth (the last layer):
                l$l: {size: "$(sizes[l])", type: unit}
            connections:
              - for l in 1..depth:
                - {from: l$(l-1), to: l$l, weight: 520, delay: $(l - 1)}
              - for l in 1..0:
                - {from: l0, to: l0, weight: 1}
            """;

    private static CircuitDescription chain(Map<String, List<Long>> parameters) {
        return CircuitDescriptions.parse(CHAIN, "chain.yaml", parameters);
    }

    @Test
    void unrollsLoopsSubstitutesAndRenames() {
        CircuitDescription d = chain(Map.of("classes", List.of(4L)));

        assertEquals(3, d.phases());
        assertEquals(List.of("l0", "l1", "out"), List.copyOf(d.populations().keySet()));
        assertEquals("2", d.populations().get("l1").size());
        assertEquals("4", d.populations().get("out").size());
        assertEquals(List.of(1), d.populations().get("l1").phases());
        assertEquals(List.of("l0->l1", "l1->out.d1"), d.connections().stream().map(c -> c.name()).toList());
        assertEquals(Map.of("layers", List.of(3L, 2L), "classes", List.of(4L)), d.parameters());
    }

    @Test
    void givenValuesReplaceDefaults() {
        CircuitDescription d = chain(Map.of("layers", List.of(5L, 6L, 7L), "classes", List.of(2L), "other", List.of(9L)));

        assertEquals(4, d.phases());
        assertEquals(List.of("l0", "l1", "l2", "out"), List.copyOf(d.populations().keySet()));
    }

    @Test
    void refusesAMissingParameterAnUnknownNameAndATwiceDefinedKey() {
        assertEquals("chain.yaml: parameter classes has no value and no default",
                assertThrows(IllegalArgumentException.class, () -> chain(Map.of())).getMessage());
        String typo = CHAIN.replace("phases: $(depth + 1)", "phases: $(detph + 1)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CircuitDescriptions.parse(typo, "chain.yaml", Map.of("classes", List.of(4L))));
        assertTrue(e.getMessage().startsWith("chain.yaml: /phases ('$(detph + 1)'): expression 'detph + 1': 'detph' is "
                + "not defined"), e.getMessage());
        String twice = CHAIN.replace("for l in depth..depth (the last layer):", "for l in depth-1..depth (the last):");
        e = assertThrows(IllegalArgumentException.class,
                () -> CircuitDescriptions.parse(twice, "chain.yaml", Map.of("classes", List.of(4L))));
        assertTrue(e.getMessage().contains("'l1' is defined twice"), e.getMessage());
        String duplicate = CHAIN.replace("rename: {l$(depth): out}", "rename: {l$(depth): out}\nphases: 2");
        e = assertThrows(IllegalArgumentException.class,
                () -> CircuitDescriptions.parse(duplicate, "chain.yaml", Map.of("classes", List.of(4L))));
        assertTrue(e.getMessage().startsWith("chain.yaml: ") && e.getMessage().contains("phases"), e.getMessage());
    }

    @Test
    void renamesWholeNamesOnly() {
        String text = """
                name: r
                phases: 1
                rename: {h2: o}
                neuron-types: {unit: {threshold: 1}}
                populations: {h2: {size: 1, type: unit}, h2<: {size: 1, type: unit}, h20: {size: 1, type: unit}}
                connections: []
                """;
        CircuitDescription d = CircuitDescriptions.parse(text, "r.yaml", Map.of());

        assertEquals(List.of("o", "o<", "h20"), List.copyOf(d.populations().keySet()));
    }
}
