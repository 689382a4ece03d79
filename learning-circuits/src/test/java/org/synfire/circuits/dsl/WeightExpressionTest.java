package org.synfire.circuits.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.synfire.circuits.dsl.WeightExpression.Orientation;

class WeightExpressionTest {

    private static final Map<String, Integer> CONSTANTS = Map.of("G", 8704, "GM", 512, "R", 520);
    private static final Set<String> MATRICES = Set.of("W1", "W2");

    private static WeightExpression parse(String text) {
        return WeightExpression.parse(text, CONSTANTS, MATRICES, "c");
    }

    @Test
    void sumsConstantsAndIntegers() {
        assertEquals(new WeightExpression.Fixed(9216), parse("G+GM"));
        assertEquals(new WeightExpression.Fixed(-520), parse("-R"));
        assertEquals(new WeightExpression.Fixed(8704 - 520 + 3), parse("G - R + 3"));
        assertEquals(new WeightExpression.Fixed(64), parse("64"));
    }

    @Test
    void namesAPlasticMatrixInThreeOrientations() {
        assertEquals(new WeightExpression.Matrix("W1", Orientation.DIRECT), parse("W1"));
        assertEquals(new WeightExpression.Matrix("W2", Orientation.TRANSPOSED), parse("W2^T"));
        assertEquals(new WeightExpression.Matrix("W2", Orientation.NEGATED_TRANSPOSED), parse("-W2^T"));
    }

    @Test
    void rejectsWhatIsNotAWeight() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("Q")).getMessage()
                .startsWith("c: weight 'Q': 'Q' is neither a constant"));
        assertEquals("c: weight '-W1': a weight matrix is used as W, W^T or -W^T",
                assertThrows(IllegalArgumentException.class, () -> parse("-W1")).getMessage());
        assertEquals("c: weight 'G*2' is not a sum of constants and integers, nor W, W^T or -W^T of a weight matrix",
                assertThrows(IllegalArgumentException.class, () -> parse("G*2")).getMessage());
        assertEquals("c: weight 'G-G' is 0; expected a non-zero value",
                assertThrows(IllegalArgumentException.class, () -> parse("G-G")).getMessage());
    }
}
