package org.synfire.chip.emulator.internal;

/**
 * Every number and every <b>[convention]</b> choice of the emulator in one place (see the project's
 * Loihi-1 semantics page), so a later correction is one edit. Hardware limits are Loihi-1's; the
 * synaptic memory model is this emulator's own estimate and says so.
 *
 * <p>Two conventions live where the values are made rather than here: weight truncation
 * ({@code (w >> s) << s}, an arithmetic shift for every sign mode, so negative weights round toward minus
 * infinity) is {@link org.synfire.chip.api.network.SignMode#truncate} of the network description, which
 * every backend shares; and the board layout (chips in a row east to west, chip {@code c}'s tile
 * {@code (x, y)} at {@code (8c + x, y)}; a message between chips counts the east-west hops of that mesh and
 * one chip crossing) is {@link Mesh}.
 */
public final class Loihi1Constants {

    private Loihi1Constants() {
    }

    // ---- compartment arithmetic ----

    /** Weight mantissas and thresholds are scaled by {@code 2^6} on the chip. */
    public static final int WEIGHT_SCALE_SHIFT = 6;
    /** The input {@code q} of a timestep is wrapped to 22 bits (21 bits plus sign), as nengo-loihi does. */
    public static final int Q_BITS = 22;
    /** The current {@code u} (and {@code u + bias}) wraps at 24 bits. */
    public static final int U_BITS = 24;
    /** Decays are fractions of {@code 2^12}. */
    public static final int DECAY_SHIFT = 12;
    /** {@code 2^12}: a decay of 4096 empties the state. */
    public static final int DECAY_ONE = 1 << DECAY_SHIFT;
    /** The chip stores {@code dU - 1}: the current always decays by at least this. */
    public static final int MIN_DU = 1;
    /** [convention] The voltage saturates (rather than wraps) at 24 bits: lowest value {@code -(2^23)}. */
    public static final int V_MIN = -(1 << 23);
    /** [convention] Highest voltage, {@code 2^23 - 1}. */
    public static final int V_MAX = (1 << 23) - 1;
    /**
     * [convention] {@code dV} is used as given, 0 .. 4096, so 4096 empties the voltage every timestep (nengo-loihi
     * would store at most 4095).
     */
    public static final int MAX_DV = 4096;

    // ---- synapses ----

    /** Dendritic accumulator ring per compartment: {@code 2^6} slots hold delays 0 .. 62 plus the current slot. */
    public static final int DELAY_SLOT_BITS = 6;
    /** Slots of the ring. */
    public static final int DELAY_SLOTS = 1 << DELAY_SLOT_BITS;

    // ---- chip organisation ----

    /** Compartments per core. */
    public static final int CORE_COMPARTMENTS = 1024;
    /** Input axons (distinct presynaptic sources) per core. */
    public static final int CORE_FAN_IN_AXONS = 4096;
    /** Output axons (compartment-to-target-core routes) per core. */
    public static final int CORE_FAN_OUT_AXONS = 4096;
    /** Synaptic memory per core in 64-bit words (128 KiB). */
    public static final int CORE_SYNAPSE_WORDS = 16_384;
    /** Cores per tile. */
    public static final int CORES_PER_TILE = 4;
    /** Tiles along the mesh's x axis (east-west). */
    public static final int TILES_X = 8;
    /** Tiles along the mesh's y axis (north-south). */
    public static final int TILES_Y = 4;
    /** Cores per chip. */
    public static final int CORES_PER_CHIP = CORES_PER_TILE * TILES_X * TILES_Y;
    /** [convention] Spikes from the host (generators) count as messages but no tile hops. */
    public static final int HOST = Router.HOST;

    // ---- synaptic memory model (an estimate, not Intel's exact formats) ----

    /**
     * Each input axon's synapses of one connection form a list that starts on a word boundary and carries
     * a header of this many bits (format and length).
     */
    public static final int SYNAPSE_LIST_HEADER_BITS = 16;
    /** Sparse (explicit, one-to-one, one-to-all) synapses store the target compartment's index. */
    public static final int SPARSE_INDEX_BITS = 10;

    /** Widest delay field: delays 0 .. 62 need 6 bits. */
    public static final int MAX_DELAY_BITS = 6;

    /**
     * Bits of one synapse's delay: the widest field ({@link #MAX_DELAY_BITS}) if a learning rule changes the
     * delay, since a learned delay may grow up to 62 whatever the written ones are; otherwise the fewest
     * bits that hold the connection's largest written delay.
     */
    public static int delayBits(int maxDelay, boolean learnsDelay) {
        return learnsDelay ? MAX_DELAY_BITS : 32 - Integer.numberOfLeadingZeros(maxDelay);
    }

    /** Bits of one synapse: weight bits + delay bits + tag bits, plus the target index for non-dense masks. */
    public static int synapseBits(int weightBits, int delayBits, int tagBits, boolean dense) {
        return weightBits + delayBits + tagBits + (dense ? 0 : SPARSE_INDEX_BITS);
    }

    /** Words of one synapse list of {@code n} synapses of {@code bits} bits each. */
    public static int listWords(int n, int bits) {
        return n == 0 ? 0 : (SYNAPSE_LIST_HEADER_BITS + n * bits + 63) / 64;
    }
}
