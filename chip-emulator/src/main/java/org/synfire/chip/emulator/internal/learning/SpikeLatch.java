package org.synfire.chip.emulator.internal.learning;

import java.util.Arrays;
import java.util.Objects;

/**
 * Latches which axons (x0) or compartments (y0) spiked in the current epoch, as a bit set that
 * {@link EpochInputs} reads directly. Set a bit when a spike is emitted in the epoch's window (for an
 * input axon: when the message arrives in the timestep it was sent); clear after the epoch's learning.
 */
public final class SpikeLatch {

    private final int size;
    private final long[] bits;
    private boolean any;

    /** A latch for {@code size} axons or compartments. */
    public SpikeLatch(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("spike latch size " + size + " must be >= 0");
        }
        this.size = size;
        this.bits = new long[(size + 63) >>> 6];
    }

    /** Records a spike of element {@code i}. */
    public void set(int i) {
        Objects.checkIndex(i, size);
        bits[i >>> 6] |= 1L << i;
        any = true;
    }

    /** True if some element spiked in this epoch. */
    public boolean any() {
        return any;
    }

    /** True if element {@code i} spiked in this epoch. */
    public boolean get(int i) {
        Objects.checkIndex(i, size);
        return (bits[i >>> 6] & 1L << i) != 0;
    }

    /** The bit set itself (bit {@code i} of word {@code i >>> 6}), not a copy. */
    public long[] bits() {
        return bits;
    }

    /** Forgets the epoch's spikes. */
    public void clear() {
        if (any) {
            Arrays.fill(bits, 0);
            any = false;
        }
    }
}
