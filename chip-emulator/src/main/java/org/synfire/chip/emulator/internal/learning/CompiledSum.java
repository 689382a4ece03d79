package org.synfire.chip.emulator.internal.learning;

import java.util.List;
import org.synfire.chip.api.learning.Dependency;
import org.synfire.chip.api.learning.Factor;
import org.synfire.chip.api.learning.StateVariable;
import org.synfire.chip.api.learning.Sum;
import org.synfire.chip.api.learning.Term;

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
    private final boolean[] reads = new boolean[StateVariable.values().length];
    private boolean dependsOnPre;
    private boolean dependsOnPost;
    private int uMask;

    CompiledSum(Sum sum) {
        List<Term> terms = sum.terms();
        int factors = terms.stream().mapToInt(t -> t.factors().size()).sum();
        scale = new long[terms.size()];
        start = new int[terms.size() + 1];
        kind = new byte[factors];
        variable = new byte[factors];
        constant = new int[factors];
        boolean spikeOnly = true;
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
                f++;
            }
        }
        start[terms.size()] = f;
        spikeTable = spikeOnly && !terms.isEmpty() ? tabulate() : null;
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
