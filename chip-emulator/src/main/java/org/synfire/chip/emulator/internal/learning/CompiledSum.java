package org.synfire.chip.emulator.internal.learning;

import java.util.List;
import org.synfire.chip.model.loihi1.learning.Dependency;
import org.synfire.chip.model.loihi1.learning.Factor;
import org.synfire.chip.model.loihi1.learning.StateVariable;
import org.synfire.chip.model.loihi1.learning.Sum;
import org.synfire.chip.model.loihi1.learning.Term;

/**
 * One sum of products flattened into primitive arrays, evaluated in fixed point with
 * {@link LearningConventions#FRACTION_BITS} fractional bits: a term {@code m * 2^e * f_1 * ... * f_n}
 * contributes {@code (m << (e + 7)) * f_1 * ... * f_n}, exactly (the parser bounds every term below
 * 2^55, so no partial product overflows).
 *
 * <p>Factor values: a plain or offset factor is {@code operand + C}; {@code sgn(V + C)} is
 * {@code signum(operand + C)}; {@code u_k} is 1 if bit {@code k} of the epoch's u-bits is set, else 0.
 * The dependency is multiplied in like any factor (it is 0 or 1), which is the same as evaluating a
 * term only where its dependency holds.
 *
 * <p>If every factor is {@code x0}, {@code y0} or {@code r0} (plain or with a constant), the sum takes one
 * of eight values, precomputed by the general path into {@link #spikeTable()}, indexed by
 * {@code x0 | y0 << 1 | r0 << 2}.
 */
final class CompiledSum {

    static final byte OFFSET = 0;
    static final byte SIGN = 1;
    static final byte U = 2;

    private final long[] scale;
    private final int[] start;
    private final byte[] kind;
    private final byte[] variable;
    private final int[] constant;
    private final long[] spikeTable;
    private final boolean epochTabulable;
    /** Scratch of {@link #tabulate(int, int, long[])}, so that it allocates nothing. */
    private final int[] epochOperands = new int[StateVariable.values().length];
    /** Per term: bit 0 if it has a factor x0 (so it is 0 where x0 is), bit 1 likewise for y0. */
    private final byte[] spikeFactors;
    /** Per term: the u_k its factors read (it is 0 in an epoch where one of them does not hold). */
    private final int[] uFactors;
    private final boolean[] reads = new boolean[StateVariable.values().length];
    private boolean dependsOnPre;
    private boolean dependsOnPost;
    private int uMask;

    CompiledSum(Sum sum) {
        List<Term> terms = sum.terms();
        int factors = terms.stream().mapToInt(t -> t.factors().size()).sum();
        scale = new long[terms.size()];
        start = new int[terms.size() + 1];
        spikeFactors = new byte[terms.size()];
        uFactors = new int[terms.size()];
        kind = new byte[factors];
        variable = new byte[factors];
        constant = new int[factors];
        boolean spikeOnly = true;
        boolean perEpoch = true;
        int f = 0;
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            scale[i] = (long) t.mantissa() << (t.exponent() + LearningConventions.FRACTION_BITS);
            start[i] = f;
            switch (t.dependency()) {
                case Dependency.PreSpike p -> dependsOnPre = true;
                case Dependency.PostSpike p -> dependsOnPost = true;
                case Dependency.Decimated d -> uMask |= 1 << d.k();
            }
            for (Factor factor : t.factors()) {
                spikeFactors[i] |= (byte) (isSpike(factor, StateVariable.X0) ? 1 : isSpike(factor, StateVariable.Y0) ? 2 : 0);
                if (factor instanceof Factor.U u) {
                    uFactors[i] |= 1 << u.k();
                }
                StateVariable v = switch (factor) {
                    case Factor.Plain p -> set(f, OFFSET, p.variable().ordinal(), 0, p.variable());
                    case Factor.Offset o -> set(f, OFFSET, o.variable().ordinal(), o.constant(), o.variable());
                    case Factor.Sign s -> set(f, SIGN, s.variable().ordinal(), s.constant(), s.variable());
                    case Factor.U u -> {
                        set(f, U, u.k(), 0, null);
                        yield null;
                    }
                };
                if (v != StateVariable.X0 && v != StateVariable.Y0 && v != StateVariable.R0) {
                    spikeOnly = false;
                }
                if (v != null && v != StateVariable.X0 && v != StateVariable.Y0 && v != StateVariable.R0
                        && v != StateVariable.R1) {
                    perEpoch = false;
                }
                f++;
            }
        }
        start[terms.size()] = f;
        epochTabulable = perEpoch && !terms.isEmpty();
        spikeTable = spikeOnly && !terms.isEmpty() ? tabulate() : null;
    }

    /** True if {@code factor} is {@code spike} itself (plain, or with constant 0): 0 where it is. */
    private static boolean isSpike(Factor factor, StateVariable spike) {
        return switch (factor) {
            case Factor.Plain p -> p.variable() == spike;
            case Factor.Offset o -> o.variable() == spike && o.constant() == 0;
            default -> false;
        };
    }

    /**
     * The spikes every term that can be nonzero in an epoch with {@code uBits} has as a factor: bit 0 for x0,
     * bit 1 for y0 (so the sum is 0 for a synapse lacking one of them). 3 if no term can be nonzero.
     */
    int requiredSpikes(int uBits) {
        int required = 3;
        for (int t = 0; t < scale.length; t++) {
            if ((uFactors[t] & ~uBits) == 0) {
                required &= spikeFactors[t];
            }
        }
        return required;
    }

    /** True if some term can be nonzero in an epoch with {@code uBits} (every u_k it reads holds). */
    boolean active(int uBits) {
        for (int t = 0; t < scale.length; t++) {
            if ((uFactors[t] & ~uBits) == 0) {
                return true;
            }
        }
        return false;
    }

    private StateVariable set(int f, byte k, int v, int c, StateVariable read) {
        kind[f] = k;
        variable[f] = (byte) v;
        constant[f] = c;
        if (read != null) {
            reads[read.ordinal()] = true;
        }
        return read;
    }

    private long[] tabulate() {
        long[] table = new long[8];
        int[] operands = new int[StateVariable.values().length];
        for (int bits = 0; bits < 8; bits++) {
            operands[StateVariable.X0.ordinal()] = bits & 1;
            operands[StateVariable.Y0.ordinal()] = (bits >> 1) & 1;
            operands[StateVariable.R0.ordinal()] = (bits >> 2) & 1;
            table[bits] = change(operands, 0);
        }
        return table;
    }

    /** True if the sum has no terms. */
    boolean isEmpty() {
        return scale.length == 0;
    }

    /** True if some term reads {@code v}. */
    boolean reads(StateVariable v) {
        return reads[v.ordinal()];
    }

    /** True if some term has the dependency x0. */
    boolean dependsOnPre() {
        return dependsOnPre;
    }

    /** True if some term has the dependency y0. */
    boolean dependsOnPost() {
        return dependsOnPost;
    }

    /** Bit k set if some term has the dependency u_k. */
    int uMask() {
        return uMask;
    }

    /** The eight changes indexed by {@code x0 | y0 << 1 | r0 << 2}, or {@code null} if the sum reads more. */
    long[] spikeTable() {
        return spikeTable;
    }

    /**
     * True if the sum reads nothing but x0, y0, r0, r1 and u_k: all but x0 and y0 are the same for every
     * synapse in an epoch, so {@link #tabulate(int, int, long[])} gives every change the epoch can have.
     */
    boolean epochTabulable() {
        return epochTabulable;
    }

    /**
     * For an {@link #epochTabulable()} sum: the eight changes of an epoch with reward trace {@code r1} and
     * {@code uBits}, indexed by {@code x0 | y0 << 1 | r0 << 2}, into {@code table}; by the general path.
     */
    void tabulate(int r1, int uBits, long[] table) {
        int[] operands = epochOperands;
        operands[StateVariable.R1.ordinal()] = r1;
        for (int bits = 0; bits < 8; bits++) {
            operands[StateVariable.X0.ordinal()] = bits & 1;
            operands[StateVariable.Y0.ordinal()] = (bits >> 1) & 1;
            operands[StateVariable.R0.ordinal()] = (bits >> 2) & 1;
            table[bits] = change(operands, uBits);
        }
    }

    /**
     * The general path: the change in units of {@code 2^-FRACTION_BITS}.
     *
     * @param operands the synapse's state, indexed by {@link StateVariable#ordinal()}
     * @param uBits    bit k set if u_k holds in this epoch
     */
    long change(int[] operands, int uBits) {
        long total = 0;
        for (int t = 0; t < scale.length; t++) {
            long product = scale[t];
            for (int f = start[t]; f < start[t + 1] && product != 0; f++) {
                int value = switch (kind[f]) {
                    case OFFSET -> operands[variable[f]] + constant[f];
                    case SIGN -> Integer.signum(operands[variable[f]] + constant[f]);
                    default -> (uBits >>> variable[f]) & 1;
                };
                product *= value;
            }
            total += product;
        }
        return total;
    }
}
