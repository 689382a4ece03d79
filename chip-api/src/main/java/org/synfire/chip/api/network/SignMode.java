package org.synfire.chip.api.network;

/**
 * How a connection's weight mantissas carry their sign. With {@code weightBits} bits (1 .. 8) the chip
 * keeps {@code w = (w >> s) << s} with {@code s = 8 - (weightBits - (MIXED ? 1 : 0))}; at 8 bits mixed
 * weights span -256 .. 254 in steps of 2, excitatory 0 .. 255, inhibitory -256 .. 0.
 */
public enum SignMode {
    /** The sign is stored in each weight. */
    MIXED,
    /** Every weight is 0 or positive. */
    EXCITATORY,
    /** Every weight is 0 or negative. */
    INHIBITORY;

    /** Fewest and most weight bits a connection may have. */
    public static final int MIN_WEIGHT_BITS = 1;
    public static final int MAX_WEIGHT_BITS = 8;

    /** The shift {@code s} that drops the bits a weight of {@code weightBits} bits cannot hold. */
    public int truncationShift(int weightBits) {
        Check.range("sign mode " + this, "weight bits", weightBits, MIN_WEIGHT_BITS, MAX_WEIGHT_BITS);
        return 8 - (weightBits - (this == MIXED ? 1 : 0));
    }

    /** The stored mantissa of {@code w}: its low bits dropped with an arithmetic shift (toward minus infinity). */
    public int truncate(int w, int weightBits) {
        int s = truncationShift(weightBits);
        return (w >> s) << s;
    }

    /** The smallest mantissa a weight of this mode may be written with. */
    public int minWeight() {
        return this == EXCITATORY ? 0 : -256;
    }

    /** The largest mantissa a weight of this mode may be written with (the chip truncates it to its bits). */
    public int maxWeight() {
        return this == INHIBITORY ? 0 : 255;
    }

    /** The smallest mantissa the chip stores with {@code weightBits} bits. */
    public int minStored(int weightBits) {
        return truncate(minWeight(), weightBits);
    }

    /** The largest mantissa the chip stores with {@code weightBits} bits. */
    public int maxStored(int weightBits) {
        return truncate(maxWeight(), weightBits);
    }
}
