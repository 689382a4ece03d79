package org.synfire.chip.emulator.loihi2.internal;

import java.util.List;
import java.util.Objects;

/**
 * A learning rule in the form Lava's bit-approximate learning engine runs it (lava-nc/lava v0.10.0,
 * {@code src/lava/magma/core/learning/learning_rule.py}, {@code product_series.py}): per synaptic variable a sum of
 * products, each a dependency, a scale {@code mantissa * 2^exponent} and factors, plus the trace settings and the
 * epoch. The engine's own value, independent of the network types ({@link LavaRuleTranslation} builds it from them).
 *
 * @param dw               the products of the weight change (empty: the weights do not learn)
 * @param dt               the products of the tag change (Lava's {@code tag_1}; empty: the tags do not learn)
 * @param tEpoch           the learning epoch in timesteps, 1 or more
 * @param decimateExponent the {@code k} of the rules' {@code u_k}, or -1 if no product depends on {@code u}
 * @param x1               presynaptic trace 1
 * @param x2               presynaptic trace 2
 * @param y1               postsynaptic trace 1
 * @param y2               postsynaptic trace 2
 * @param y3               postsynaptic trace 3
 * @param r1               the reward trace (ext: Lava has none), driven by the reinforcement channel
 */
public record LavaRule(List<Product> dw, List<Product> dt, int tEpoch, int decimateExponent, Trace x1, Trace x2,
        Trace y1, Trace y2, Trace y3, Trace r1) {

    public LavaRule {
        dw = List.copyOf(dw);
        dt = List.copyOf(dt);
        if (dw.isEmpty() && dt.isEmpty()) {
            throw new IllegalArgumentException("a Lava rule needs a dw or a dt");
        }
        if (tEpoch < 1) {
            throw new IllegalArgumentException("tEpoch " + tEpoch + " must be 1 or more");
        }
        Objects.requireNonNull(x1, "x1");
        Objects.requireNonNull(x2, "x2");
        Objects.requireNonNull(y1, "y1");
        Objects.requireNonNull(y2, "y2");
        Objects.requireNonNull(y3, "y3");
        Objects.requireNonNull(r1, "r1");
    }

    /** True if some product reads the reinforcement channel ({@code r0} or {@code r1}). */
    public boolean readsReward() {
        for (List<Product> sum : List.of(dw, dt)) {
            for (Product p : sum) {
                for (Factor f : p.factors()) {
                    if (f.operand() == Operand.R0 || f.operand() == Operand.R1) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What a product is gated by (Lava's {@code x0}, {@code y0}, {@code u}). */
    public enum Dependency {
        X0, Y0, U
    }

    /**
     * What a factor reads, with the width Lava clips it to ({@code constants.py}, {@code FACTOR_TO_WIDTH_DICT}):
     * the value plus the factor's constant is clipped to {@code -2^width .. 2^width - 1}.
     */
    public enum Operand {
        X0(1), Y0(1), X1(LavaLearning.W_TRACE), X2(LavaLearning.W_TRACE), Y1(LavaLearning.W_TRACE),
        Y2(LavaLearning.W_TRACE), Y3(LavaLearning.W_TRACE), W(LavaLearning.W_WEIGHTS_S), T(LavaLearning.W_TAG_1_S),
        /** A constant alone ({@code W_CONST}). */
        C(LavaLearning.W_CONST),
        /** ext: a reward spike in the epoch, read like Lava's {@code y0} factor. */
        R0(1),
        /** ext: the reward trace, read like a {@code y} trace. */
        R1(LavaLearning.W_TRACE);

        private final int width;

        Operand(int width) {
            this.width = width;
        }

        /** Lava's width of the factor in bits (its magnitude bits; the sign is extra). */
        public int width() {
            return width;
        }
    }

    /**
     * One factor: {@code operand + constant}, or {@code sgn(operand + constant)} for a synaptic variable.
     *
     * @param operand  what it reads
     * @param constant added before the clip (Lava's factor constant; the value itself for {@link Operand#C})
     * @param sign     Lava's {@code sgn(..)}: only for {@code w} and {@code t}
     */
    public record Factor(Operand operand, int constant, boolean sign) {
        public Factor {
            Objects.requireNonNull(operand, "operand");
            if (sign && operand != Operand.W && operand != Operand.T) {
                throw new IllegalArgumentException("sgn(..) takes w or t, not " + operand);
            }
        }

        /** The operand alone. */
        public static Factor of(Operand operand) {
            return new Factor(operand, 0, false);
        }
    }

    /**
     * One product: {@code dependency * mantissa * 2^exponent * factors}, with Lava's scale limits (mantissa
     * -8 .. 7, exponent -7 .. 8; {@code product_series.py}, {@code _generate_product}).
     */
    public record Product(Dependency dependency, int mantissa, int exponent, List<Factor> factors) {
        public Product {
            Objects.requireNonNull(dependency, "dependency");
            factors = List.copyOf(factors);
            if (mantissa < -8 || mantissa > 7) {
                throw new IllegalArgumentException("mantissa " + mantissa + " is outside Lava's -8 .. 7");
            }
            if (exponent < -7 || exponent > 8) {
                throw new IllegalArgumentException("exponent " + exponent + " is outside Lava's -7 .. 8");
            }
        }
    }

    /**
     * A trace's settings as Lava takes them: an impulse, split by Lava into an integer part and a fraction of 2^8
     * ({@code LearningConnectionModelBitApproximate._decompose_impulses}), and a decay time constant {@code tau}
     * (0: the trace is cleared every timestep of the history and holds only the impulse of a spike's own timestep).
     *
     * @param impulse  the integer part of the impulse, 0 .. 127
     * @param fraction the fraction of the impulse in 1/256, 0 .. 255
     * @param tau      the time constant in timesteps, 0 or more
     */
    public record Trace(int impulse, int fraction, int tau) {
        public static final Trace NONE = new Trace(0, 0, 0);

        public Trace {
            if (impulse < 0 || impulse > LavaLearning.TRACE_MAX || fraction < 0 || fraction > 255 || tau < 0) {
                throw new IllegalArgumentException("trace impulse " + impulse + " + " + fraction + "/256, tau " + tau
                        + ": expected 0 .. 127, 0 .. 255 and tau >= 0");
            }
        }
    }
}
