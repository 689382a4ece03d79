package org.synfire.chip.emulator.loihi2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.emulator.loihi2.internal.LavaArithmetic;

/**
 * Each step of Lava's arithmetic on its own, with values worked out by hand from the formulas of Lava's bit-accurate
 * models (the comment on each row shows the arithmetic). Covers what today's network cannot reach (a negative bias
 * exponent, Lava's du register at its ends).
 */
class LavaArithmeticTest {

    @ParameterizedTest(name = "decay({0}, {1}) = {2}")
    @CsvSource({
        "640, 1, 639",          // 640 * 4095 = 2,620,800; >> 12 = 639 (639.84 toward zero)
        "-640, 1, -639",        // the magnitude is shifted, the sign kept: toward zero, not -640
        "8192, 2048, 4096",     // half
        "2080768, 4095, 508",   // 2,080,768 * 1 >> 12 = 508
        "1000, 4096, 0",        // 4096 empties
        "-1, 1, 0",             // -4095 >> 12 in magnitude: 0
        "8388607, 0, 8388607"   // dv 0 holds
    })
    void decayRoundsTowardZero(int x, int d, int expected) {
        assertEquals(expected, LavaArithmetic.decay(x, d));
    }

    @ParameterizedTest(name = "current(u={0}, du={1}, a={2}) = {3}")
    @CsvSource({
        "640, 0, 0, 639",                 // du 0 decays by (0 + 1) / 4096
        "8192, 2047, 0, 4096",            // du 2047: effective 2048, half
        "1000, 4095, 0, 0",               // du 4095: effective 4096, the current empties
        "0, 4095, 10, 640",               // a << 6
        "0, 4095, 131072, 8388608",       // 2^23 is not above 2^23: kept
        "0, 4095, 131073, -8388544",      // 8,388,672 - 2^24
        "0, 4095, -131072, 8388608",      // -2^23 is at or below -2^23: + 2^24
        "-8388600, 0, -100, 8384264"      // 8,388,600 * 4095 >> 12 = 8,386,552, so -8,386,552 - 6,400 =
                                          // -8,392,952 <= -2^23: + 2^24
    })
    void currentDecaysWithTheOffsetAndWrapsOnce(int u, int du, int a, int expected) {
        assertEquals(expected, LavaArithmetic.current(u, du, a));
    }

    @ParameterizedTest(name = "voltage(v={0}, dv={1}, u={2}, bias={3}) = {4}")
    @CsvSource({
        "640, 1, 0, 0, 639",               // no offset on dv
        "100, 0, 20, 3, 123",
        "8388000, 0, 8000, 0, 8388607",    // clipped to 2^23 - 1
        "-8388000, 0, -8000, 0, -8388607", // clipped to -(2^23 - 1), not -2^23
        "5000, 4096, 7, 0, 7"              // dv 4096 (beyond Lava's 12-bit register) empties the voltage
    })
    void voltageIsClippedTo24BitsSymmetrically(int v, int dv, int u, int bias, int expected) {
        assertEquals(expected, LavaArithmetic.voltage(v, dv, u, bias));
    }

    @ParameterizedTest(name = "bias({0}, {1}) = {2}")
    @CsvSource({
        "3, 2, 12",
        "4095, 5, 131040",     // Lava's test_bitacc_pm_scaling_of_bias
        "-4096, 7, -524288",
        "5, -1, 2",            // 5 >> 1
        "-5, -1, -3",          // arithmetic shift: floor(-2.5) = -3
        "4095, -3, 511"        // 4095 >> 3
    })
    void biasTakesAPositiveOrNegativeExponent(int mant, int exp, int expected) {
        assertEquals(expected, LavaArithmetic.bias(mant, exp));
    }

    @ParameterizedTest(name = "{1} {2} bits: {0} -> {3}")
    @CsvSource({
        "300, MIXED, 8, 254",        // clip 255, drop the lowest bit (weightutils.clip_weights, truncate_weights)
        "-300, MIXED, 8, -256",
        "39, MIXED, 8, 38",
        "39, MIXED, 7, 36",          // shift 8 - 7 + 1 = 2
        "-3, MIXED, 8, -4",          // floor
        "300, EXCITATORY, 8, 255",
        "100, EXCITATORY, 4, 96",    // shift 4
        "-256, INHIBITORY, 8, -255", // clipped in magnitude to 255
        "-5, INHIBITORY, 6, -4",     // magnitude 5 >> 2 << 2 = 4
        "-7, INHIBITORY, 7, -6"      // magnitude 7 >> 1 << 1 = 6
    })
    void weightsAreClippedThenTruncated(int w, SignMode mode, int bits, int expected) {
        assertEquals(expected, LavaArithmetic.storedWeight(w, mode, bits));
    }

    @ParameterizedTest(name = "scaleSum({0}, {1}) = {2}")
    @CsvSource({
        "3, 0, 3",
        "254, 1, 508",   // Lava's test_bitacc_pm_fan_out_weight_exp
        "3, -1, 1",      // floor(1.5)
        "-3, -1, -2",    // floor(-1.5)
        "-1, -8, -1"     // floor(-1/256)
    })
    void theExponentScalesTheSumWithFloor(int acc, int e, int expected) {
        assertEquals(expected, LavaArithmetic.scaleSum(acc, e));
    }
}
