package org.synfire.circuits.dsl;

import org.synfire.chip.api.network.SignMode;

/**
 * A fixed weight as the chip stores it: an 8-bit mantissa, an exponent and a sign mode whose
 * effective weight {@code floor(mantissa * 2^exponent) * 64} is exactly 64 times the value asked for.
 */
record FixedWeight(int mantissa, int exponent, SignMode signMode) {

    static final int WEIGHT_BITS = 8;

    /**
     * Encodes {@code value} (mantissa units at exponent 0) with the smallest exponent that holds it
     * exactly: excitatory for a positive value, inhibitory for a negative one.
     *
     * @throws IllegalArgumentException naming the connection when no 8-bit mantissa and exponent 0..7 hold it
     */
    static FixedWeight encode(int value, String where) {
        SignMode mode = value > 0 ? SignMode.EXCITATORY : SignMode.INHIBITORY;
        int min = mode.minStored(WEIGHT_BITS);
        int max = mode.maxStored(WEIGHT_BITS);
        for (int e = 0; e <= 7; e++) {
            int mantissa = value >> e;
            if (mantissa << e == value && mantissa >= min && mantissa <= max) {
                return new FixedWeight(mantissa, e, mode);
            }
        }
        throw new IllegalArgumentException(where + ": weight " + value
                + " has no exact 8-bit mantissa with an exponent 0..7");
    }
}
