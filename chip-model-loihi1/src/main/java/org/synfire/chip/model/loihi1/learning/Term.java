package org.synfire.chip.model.loihi1.learning;

import java.util.List;
import java.util.Objects;

/**
 * One product of a learning rule: {@code mantissa * 2^exponent * factor_1 * ... * factor_n}, in units of
 * the changed variable (for {@code dw}: weight-mantissa units, so {@code 2 * x0 * y0} moves an 8-bit
 * mixed weight by one step of 2).
 *
 * <p>The scale is held as the chip holds it: a 4-bit signed mantissa (-8 .. 7, not 0) and an exponent
 * -7 .. 8. A term needs a {@link Dependency}: its first plain {@code x0}, {@code y0} or {@code u_k}.
 *
 * @param mantissa scale mantissa, -8 .. 7, not 0
 * @param exponent scale exponent, -7 .. 8
 * @param factors  the factors in the order written; at least the dependency
 */
public record Term(int mantissa, int exponent, List<Factor> factors) {

    /** Smallest scale mantissa. */
    public static final int MIN_MANTISSA = -8;
    /** Largest scale mantissa. */
    public static final int MAX_MANTISSA = 7;
    /** Smallest scale exponent; the evaluator keeps {@code -MIN_EXPONENT} fractional bits. */
    public static final int MIN_EXPONENT = -7;
    /** Largest scale exponent. */
    public static final int MAX_EXPONENT = 8;
    /**
     * Bound on a term's magnitude in units of {@code 2^MIN_EXPONENT}, so that a sum of
     * {@link Sum#MAX_TERMS} terms plus a variable fits a {@code long} with room to spare.
     */
    public static final long MAX_FIXED_MAGNITUDE = 1L << 55;

    public Term {
        if (mantissa < MIN_MANTISSA || mantissa > MAX_MANTISSA || mantissa == 0) {
            throw new IllegalArgumentException("term mantissa " + mantissa + " must be " + MIN_MANTISSA + " .. "
                    + MAX_MANTISSA + " and not 0");
        }
        if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("term exponent " + exponent + " must be " + MIN_EXPONENT + " .. "
                    + MAX_EXPONENT);
        }
        factors = List.copyOf(Objects.requireNonNull(factors, "factors"));
        if (dependencyOf(factors) == null) {
            throw new IllegalArgumentException("term " + render(mantissa, exponent, factors)
                    + " has no dependency: it needs a factor x0, y0 or u0 .. u9");
        }
        if (fixedMagnitudeBound(mantissa, exponent, factors) > MAX_FIXED_MAGNITUDE) {
            throw new IllegalArgumentException("term " + render(mantissa, exponent, factors)
                    + " can exceed the learning engine's range (2^48 variable units)");
        }
    }

    /** The term's dependency: its first plain {@code x0}, {@code y0} or {@code u_k}. */
    public Dependency dependency() {
        return dependencyOf(factors);
    }

    /** The largest magnitude this term can take, in units of {@code 2^MIN_EXPONENT}, capped just above the bound. */
    public long fixedMagnitudeBound() {
        return fixedMagnitudeBound(mantissa, exponent, factors);
    }

    /** The dependency among {@code factors}, or {@code null} if there is none. */
    static Dependency dependencyOf(List<Factor> factors) {
        for (Factor f : factors) {
            switch (f) {
                case Factor.Plain p when p.variable() == StateVariable.X0 -> {
                    return new Dependency.PreSpike();
                }
                case Factor.Plain p when p.variable() == StateVariable.Y0 -> {
                    return new Dependency.PostSpike();
                }
                case Factor.U u -> {
                    return new Dependency.Decimated(u.k());
                }
                default -> {
                    // not a dependency: an ordinary factor
                }
            }
        }
        return null;
    }

    static long fixedMagnitudeBound(int mantissa, int exponent, List<Factor> factors) {
        long bound = (long) Math.abs(mantissa) << (exponent - MIN_EXPONENT);
        for (Factor f : factors) {
            if (bound > MAX_FIXED_MAGNITUDE / f.maxMagnitude()) {
                return MAX_FIXED_MAGNITUDE + 1;
            }
            bound *= f.maxMagnitude();
        }
        return bound;
    }

    static String render(int mantissa, int exponent, List<Factor> factors) {
        StringBuilder s = new StringBuilder().append(mantissa);
        if (exponent != 0) {
            s.append("*2^").append(exponent);
        }
        for (Factor f : factors) {
            s.append('*').append(f);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return render(mantissa, exponent, factors);
    }
}
