package org.synfire.chip.emulator.internal.learning;

import org.synfire.chip.model.loihi1.learning.Term;

/**
 * The learning engine's conventions in one place, so a later correction is one edit. Where the spec
 * marks a choice as a convention, or leaves it open, the choice is named here.
 *
 * <p>Applying a change (see {@link RuleEvaluator#update}): the fixed-point change is added to the
 * variable, the fraction below one unit is rounded as {@link #FRACTION_ROUNDING} says, the result is
 * saturated to the variable's range, and a weight is then brought to its stored precision by the
 * spec's truncation rule {@code w = (w >> s) << s} (toward minus infinity; the range ends are on that
 * grid, so the order of the last two steps does not matter). So a whole change smaller than one step
 * of {@code 2^s} rounds down: on an 8-bit mixed weight (step 2) {@code +1} leaves the weight alone
 * and {@code -1} lowers it by 2.
 */
final class LearningConventions {

    private LearningConventions() {
    }

    /** How the part of a change below one unit of the variable (from scale exponents below 0) is rounded. */
    enum FractionRounding {
        /**
         * Round up with probability {@code fraction / 2^FRACTION_BITS}, drawing 7 bits from the core's
         * {@link LearningRandom}, as the chip rounds stochastically. A draw is made only when the
         * fraction is not 0, so rules with whole changes (the sBP rule) never touch the generator.
         */
        STOCHASTIC,
        /** Round toward minus infinity (drop the fraction). */
        TRUNCATE
    }

    /** The convention in force for fractional changes: stochastic, as on the chip. */
    static final FractionRounding FRACTION_ROUNDING = FractionRounding.STOCHASTIC;

    /**
     * Fractional bits of the evaluator's fixed-point sums: a term {@code m * 2^e * product} is
     * {@code (m * product) << (e + FRACTION_BITS)} units of {@code 2^-FRACTION_BITS}; with e >= -7 it is exact.
     */
    static final int FRACTION_BITS = -Term.MIN_EXPONENT;

    /** Traces are 7-bit: 0 .. 127, saturating. */
    static final int TRACE_MAX = 127;

    /** Largest synaptic delay (NxSDK: 0 .. 62), whatever the delay bits allow. */
    static final int MAX_DELAY = 62;

    /** Widest tag; a tag of {@code b} bits is a signed two's complement value {@code -2^(b-1) .. 2^(b-1) - 1}. */
    static final int MAX_TAG_BITS = 8;

    /** Largest epoch length in timesteps. */
    static final int MAX_T_EPOCH = 63;
}
