package org.synfire.circuits.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.network.SignMode;

/** The sBP constants of the circuit specification, encoded by hand: value = mantissa * 2^exponent. */
class FixedWeightTest {

    @Test
    void encodesTheCircuitConstantsExactly() {
        assertEquals(new FixedWeight(136, 6, SignMode.EXCITATORY), FixedWeight.encode(8704, "G"));   // 136*64
        assertEquals(new FixedWeight(128, 2, SignMode.EXCITATORY), FixedWeight.encode(512, "GM"));   // 128*4
        assertEquals(new FixedWeight(128, 6, SignMode.EXCITATORY), FixedWeight.encode(8192, "GP"));  // 128*64
        assertEquals(new FixedWeight(-254, 5, SignMode.INHIBITORY), FixedWeight.encode(-8128, "GI")); // -254*32
        assertEquals(new FixedWeight(130, 2, SignMode.EXCITATORY), FixedWeight.encode(520, "R"));    // 130*4
        assertEquals(new FixedWeight(-130, 2, SignMode.INHIBITORY), FixedWeight.encode(-520, "-R"));
        assertEquals(new FixedWeight(145, 6, SignMode.EXCITATORY), FixedWeight.encode(9280, "GE"));  // 145*64
        assertEquals(new FixedWeight(144, 6, SignMode.EXCITATORY), FixedWeight.encode(9216, "G+GM")); // 144*64
    }

    @Test
    void takesTheSmallestExponent() {
        assertEquals(new FixedWeight(255, 0, SignMode.EXCITATORY), FixedWeight.encode(255, "w"));
        assertEquals(new FixedWeight(-256, 0, SignMode.INHIBITORY), FixedWeight.encode(-256, "w"));
        assertEquals(new FixedWeight(129, 1, SignMode.EXCITATORY), FixedWeight.encode(258, "w"));
    }

    @Test
    void refusesAValueNoMantissaHolds() {
        // 257 is odd (exponent 0 only) and above 255
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FixedWeight.encode(257, "connection a->b"));
        assertEquals("connection a->b: weight 257 has no exact 8-bit mantissa with an exponent 0..7", e.getMessage());
    }
}
