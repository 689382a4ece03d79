package org.synfire.chip.emulator.internal.learning;

/**
 * The widths of a plastic group's synaptic variables, which decide how a change is rounded and
 * saturated.
 *
 * <ul>
 *   <li>Weight (spec, Synapses): stored mantissa {@code w = (w >> s) << s} with
 *       {@code s = 8 - (weightBits - isMixed)}; range mixed {@code -256 .. 256 - 2^s}, excitatory
 *       {@code 0 .. 256 - 2^s}, inhibitory {@code -256 .. 0} (at 8 bits: -256 .. 254, 0 .. 255, -256 .. 0).</li>
 *   <li>Delay: {@code 0 .. min(62, 2^delayBits - 1)}, step 1.</li>
 *   <li>Tag [convention]: signed two's complement of {@code tagBits} (0 .. 8) bits,
 *       {@code -2^(tagBits-1) .. 2^(tagBits-1) - 1}, step 1; 0 bits means the group has no tag.</li>
 * </ul>
 *
 * @param sign       the weights' sign mode
 * @param weightBits weight bits, 1 .. 8
 * @param delayBits  delay bits, 0 .. 6
 * @param tagBits    tag bits, 0 .. 8
 */
public record SynapseFormat(WeightSign sign, int weightBits, int delayBits, int tagBits) {

    public SynapseFormat {
        if (sign == null) {
            throw new IllegalArgumentException("synapse format: sign mode is null");
        }
        if (weightBits < 1 || weightBits > 8) {
            throw new IllegalArgumentException("synapse format: " + weightBits + " weight bits, expected 1 .. 8");
        }
        if (delayBits < 0 || delayBits > 6) {
            throw new IllegalArgumentException("synapse format: " + delayBits + " delay bits, expected 0 .. 6");
        }
        if (tagBits < 0 || tagBits > LearningConventions.MAX_TAG_BITS) {
            throw new IllegalArgumentException("synapse format: " + tagBits + " tag bits, expected 0 .. "
                    + LearningConventions.MAX_TAG_BITS);
        }
    }

    /** The truncation shift {@code s = 8 - (weightBits - isMixed)}. */
    public int weightShift() {
        return 8 - (weightBits - (sign == WeightSign.MIXED ? 1 : 0));
    }

    /** The smallest weight mantissa. */
    public int minWeight() {
        return sign == WeightSign.EXCITATORY ? 0 : -256;
    }

    /** The largest weight mantissa (a multiple of {@code 2^s}). */
    public int maxWeight() {
        return sign == WeightSign.INHIBITORY ? 0 : 256 - (1 << weightShift());
    }

    /** The largest delay. */
    public int maxDelay() {
        return Math.min(LearningConventions.MAX_DELAY, (1 << delayBits) - 1);
    }

    /** The smallest tag (0 without tag bits). */
    public int minTag() {
        return tagBits == 0 ? 0 : -(1 << (tagBits - 1));
    }

    /** The largest tag (0 without tag bits). */
    public int maxTag() {
        return tagBits == 0 ? 0 : (1 << (tagBits - 1)) - 1;
    }
}
