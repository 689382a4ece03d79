package org.synfire.circuits.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExpressionTest {

    private static final Map<String, List<Long>> NAMES = Map.of("depth", List.of(3L), "hidden", List.of(400L, 300L),
            "p", List.of(-1L));

    @Test
    void computesWithPrecedenceParenthesesListsAndFunctions() {
        assertEquals(28, Expression.evaluate("8*depth+4", NAMES));
        assertEquals(12, Expression.evaluate("8 * (depth - 1) - 4", NAMES));
        assertEquals(300, Expression.evaluate("hidden[len(hidden) - 1]", NAMES));
        assertEquals(300, Expression.evaluate("min(hidden[0], hidden[1])", NAMES));
        assertEquals(-3, Expression.evaluate("-depth", NAMES));
        // division and remainder round toward minus infinity: (p - 1) % 12 stays in 0 .. 11
        assertEquals(10, Expression.evaluate("(p - 1) % 12", NAMES));
        assertEquals(-1, Expression.evaluate("p / 2", NAMES));
    }

    @Test
    void refusesWhatItCannotComputeNamingTheExpression() {
        assertEquals("expression 'depht + 1': 'depht' is not defined; defined here: [depth, hidden, p]",
                assertThrows(IllegalArgumentException.class, () -> Expression.evaluate("depht + 1", NAMES)).getMessage());
        assertEquals("expression 'hidden[2]': hidden[2] is outside the list [400, 300] (indices 0 .. 1)",
                assertThrows(IllegalArgumentException.class, () -> Expression.evaluate("hidden[2]", NAMES)).getMessage());
        assertEquals("expression 'hidden + 1': hidden is the list [400, 300]; take an element, e.g. hidden[0], or "
                + "len(hidden)", assertThrows(IllegalArgumentException.class,
                        () -> Expression.evaluate("hidden + 1", NAMES)).getMessage());
        assertEquals("expression 'depth / (depth - 3)': division by zero", assertThrows(IllegalArgumentException.class,
                () -> Expression.evaluate("depth / (depth - 3)", NAMES)).getMessage());
        assertEquals("expression '99999999999 * 99999999999': 99999999999 * 99999999999 is outside the 64-bit range "
                + "-9223372036854775808 .. 9223372036854775807",
                assertThrows(IllegalArgumentException.class,
                        () -> Expression.evaluate("99999999999 * 99999999999", NAMES)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Expression.evaluate("(depth + 1", NAMES));
        assertThrows(IllegalArgumentException.class, () -> Expression.evaluate("depth 1", NAMES));
    }
}
