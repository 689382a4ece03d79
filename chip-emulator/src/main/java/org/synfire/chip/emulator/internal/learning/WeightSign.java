package org.synfire.chip.emulator.internal.learning;

/** The sign mode of a connection group's weights. */
public enum WeightSign {
    /** Sign in each weight: -256 .. 256 - 2^s. */
    MIXED,
    /** Non-negative weights: 0 .. 256 - 2^s. */
    EXCITATORY,
    /** Non-positive weights: -256 .. 0. */
    INHIBITORY
}
