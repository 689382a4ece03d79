package org.synfire.circuits.dsl;

/**
 * The bounds of the circuit language, each checked before anything of the size it bounds is made, so that a
 * hostile or mistaken description is refused in one line instead of exhausting the stack or the heap. Every
 * limit is stated in the circuit language reference (docs/circuit-language.md, "Limits").
 */
final class CircuitLimits {

    /** Loop repetitions of one template in all, nested loops counting every inner repetition. */
    static final long MAX_REPETITIONS = 100_001;
    /** Maps, lists and values of a template once expanded (sBP at 8 hidden layers makes fewer than 10,000). */
    static final long MAX_VALUES = 200_000;
    /** Elements of all {@code let} values together (a whole number counts one). */
    static final long MAX_LET_ELEMENTS = 100_000;
    /** Nesting of an expression: parentheses, minus signs, indices and function arguments. */
    static final int MAX_NESTING = 100;
    /** Timesteps per sample; the runtime keeps per-phase tables of the chip's event counts. */
    static final int MAX_PHASES = 4096;
    /**
     * The memory a compiled circuit may claim, as the command line's budget for every size an option or a file
     * declares (512 MiB).
     */
    static final long MAX_BYTES = 512L << 20;
    /** Bytes per compartment or generator neuron, as the network file's budget counts them. */
    static final long BYTES_PER_COMPARTMENT = 64;
    /**
     * Bytes per synapse: the command line's measured 160 bytes per sBP weight (live heap after a full GC on
     * loihi1; docs/benchmarks.md, "Memory budget") over the three synapses that hold each weight of w1, rounded
     * down so that a circuit the command line's budget for hidden layers lets through is not refused here.
     */
    static final long BYTES_PER_SYNAPSE = 53;

    /** The longest part of a value quoted in a message. */
    private static final int QUOTED = 80;

    private CircuitLimits() {
    }

    /** {@code text}, or its beginning and "..." when it is longer than a message should quote. */
    static String abbreviated(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "... (" + text.length() + " characters)";
    }

    /** The estimated bytes of {@code compartments} compartments and {@code synapses} synapses (saturating). */
    static long bytes(long compartments, long synapses) {
        long a = saturatingMultiply(compartments, BYTES_PER_COMPARTMENT);
        long b = saturatingMultiply(synapses, BYTES_PER_SYNAPSE);
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    private static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high == 0 && low >= 0 ? low : Long.MAX_VALUE;
    }
}
