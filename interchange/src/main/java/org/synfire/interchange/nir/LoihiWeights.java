package org.synfire.interchange.nir;

/**
 * Real weights, in mantissa units (a threshold of {@code vThMant} is {@code vThMant} such units), to one
 * connection's Loihi-1 format: 8-bit mixed-sign mantissas (even, -256 .. 254, as the chip stores them) and
 * one exponent for the connection. Exponent e >= 0 gives the values {@code m * 2^e}; e = -1 gives
 * {@code m >> 1}, every whole number from -128 to 127 (smaller exponents only lose range). The exponent
 * whose grid has the smallest largest error wins; on a tie, the smaller one.
 */
final class LoihiWeights {

    static final int MIN_MANTISSA = -256;
    static final int MAX_MANTISSA = 254;
    static final int MIN_EXPONENT = -1;
    static final int MAX_EXPONENT = 7;

    /**
     * One connection quantised.
     *
     * @param exponent     the connection's exponent
     * @param mantissas    one per value, even, -256 .. 254
     * @param largestError the largest |value - quantised value|, in mantissa units
     */
    record Quantized(int exponent, int[] mantissas, double largestError) {
    }

    private LoihiWeights() {
    }

    static Quantized quantize(double[] values) {
        Quantized best = null;
        for (int e = MIN_EXPONENT; e <= MAX_EXPONENT; e++) {
            Quantized q = at(values, e);
            if (best == null || q.largestError() < best.largestError()) {
                best = q;
            }
        }
        return best;
    }

    /** The values on exponent {@code e}'s grid: mantissa {@code 2 * round(x / 2^(e+1))}, clipped to the range. */
    static Quantized at(double[] values, int e) {
        int[] m = new int[values.length];
        double worst = 0;
        double step = Math.scalb(1.0, e + 1);
        for (int i = 0; i < values.length; i++) {
            long mantissa = 2 * Math.round(values[i] / step);
            m[i] = (int) Math.max(MIN_MANTISSA, Math.min(MAX_MANTISSA, mantissa));
            worst = Math.max(worst, Math.abs(values[i] - value(m[i], e)));
        }
        return new Quantized(e, m, worst);
    }

    /** What mantissa {@code m} at exponent {@code e} adds, in mantissa units, as the chip computes it. */
    static double value(int m, int e) {
        return e >= 0 ? (double) m * (1 << e) : m >> -e;
    }
}
