package org.synfire.chip.emulator.loihi2.internal;

import java.util.ArrayList;
import java.util.List;

import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Dependency;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Operand;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Product;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Trace;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.TraceSettings;
import org.synfire.chip.model.loihi1.learning.Factor;
import org.synfire.chip.model.loihi1.learning.Rule;
import org.synfire.chip.model.loihi1.learning.RuleParser;
import org.synfire.chip.model.loihi1.learning.StateVariable;
import org.synfire.chip.model.loihi1.learning.Sum;
import org.synfire.chip.model.loihi1.learning.Term;

/**
 * The one place that reads the network's learning types: a plastic connection's {@link LearningSettings} (NxSDK-like
 * rule text, epoch, traces, reward channel) turned into a {@link LavaRule}, or refused in one line naming the
 * feature, the backend and the connection.
 *
 * <p>Mapping (lava-nc/lava v0.10.0, {@code src/lava/magma/core/learning/product_series.py}): each term is one
 * product; its first {@code x0}, {@code y0} or {@code u_k} is the product's dependency and every other factor a
 * factor (a later {@code x0} or {@code y0} a factor of width 1, as in Lava). The term's scale, already a mantissa
 * -8 .. 7 times a power of 2, is put in Lava's normal form: Lava halves an even mantissa beyond 7 in magnitude, so
 * {@code -8 * 2^e} becomes {@code -4 * 2^(e+1)}. Traces keep their impulse (an integer, so Lava's fraction is 0)
 * and take the time constant as Lava's {@code tau}.
 */
final class LavaRuleTranslation {

    private static final String BACKEND = "backend loihi2: ";

    private LavaRuleTranslation() {
    }

    /** The rule of plastic connection {@code c} in Lava's form. */
    static LavaRule translate(ConnectionGroup c) {
        LearningSettings s = LearningSettings.of(c, "backend loihi2");
        String where = " (connection " + c.name() + ")";
        Rule rule;
        try {
            rule = RuleParser.parse(s.rule());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BACKEND + "connection " + c.name() + ": " + e.getMessage(), e);
        }
        if (!rule.dd().isEmpty()) {
            throw new IllegalArgumentException(BACKEND + "learned delays (dd) are not supported: Lava's learning Dense"
                    + " learns tag_2 but never applies it as a delay" + where);
        }
        if (c.maxDelay() > 0) {
            throw new IllegalArgumentException(BACKEND + "learning on a connection with delays is not supported: Lava"
                    + " v0.10.0 has no learning DelayDense" + where);
        }
        int[] k = {-1};
        List<Product> dw = products(rule.dw(), k, where);
        List<Product> dt = products(rule.dt(), k, where);
        LavaRule lava = new LavaRule(dw, dt, s.tEpoch(), k[0], trace(s.x1()), trace(s.x2()), trace(s.y1()),
                trace(s.y2()), trace(s.y3()), trace(s.r1()));
        if (lava.readsReward() && s.rewardChannel().isEmpty()) {
            throw new IllegalArgumentException(BACKEND + "the rule reads r0 or r1 but names no reinforcement channel"
                    + where);
        }
        return lava;
    }

    private static Trace trace(TraceSettings t) {
        return new Trace(t.impulse(), 0, t.timeConstant());
    }

    private static List<Product> products(Sum sum, int[] decimate, String where) {
        List<Product> out = new ArrayList<>();
        for (Term term : sum.terms()) {
            Dependency dependency = null;
            List<LavaRule.Factor> factors = new ArrayList<>();
            for (Factor f : term.factors()) {
                if (f instanceof Factor.U u) {
                    if (dependency != null) {
                        throw new IllegalArgumentException(BACKEND + "u" + u.k() + " beside another dependency in one"
                                + " term is not supported: Lava drops it (term " + term + ")" + where);
                    }
                    if (decimate[0] >= 0 && decimate[0] != u.k()) {
                        throw new IllegalArgumentException(BACKEND + "u" + decimate[0] + " and u" + u.k()
                                + " in one rule are not supported: Lava takes one u_k for dw, dd and dt" + where);
                    }
                    decimate[0] = u.k();
                    dependency = Dependency.U;
                } else if (dependency == null && f instanceof Factor.Plain p && p.variable() == StateVariable.X0) {
                    dependency = Dependency.X0;
                } else if (dependency == null && f instanceof Factor.Plain p && p.variable() == StateVariable.Y0) {
                    dependency = Dependency.Y0;
                } else {
                    factors.add(factor(f, term, where));
                }
            }
            int m = term.mantissa();
            int e = term.exponent();
            // Lava's normal form: an even mantissa beyond 7 in magnitude is halved while the exponent allows
            while (Math.abs(m) > 7 && m % 2 == 0 && e < 8) {
                m /= 2;
                e++;
            }
            out.add(new Product(dependency, m, e, factors));
        }
        return out;
    }

    private static LavaRule.Factor factor(Factor f, Term term, String where) {
        return switch (f) {
            case Factor.Plain p -> new LavaRule.Factor(operand(p.variable(), term, where), 0, false);
            case Factor.Offset o -> new LavaRule.Factor(operand(o.variable(), term, where), o.constant(), false);
            case Factor.Sign g -> new LavaRule.Factor(operand(g.variable(), term, where), g.constant(), true);
            case Factor.U u -> throw new IllegalStateException("u" + u.k() + " is a dependency");
        };
    }

    private static Operand operand(StateVariable v, Term term, String where) {
        return switch (v) {
            case X0 -> Operand.X0;
            case Y0 -> Operand.Y0;
            case R0 -> Operand.R0;
            case X1 -> Operand.X1;
            case X2 -> Operand.X2;
            case Y1 -> Operand.Y1;
            case Y2 -> Operand.Y2;
            case Y3 -> Operand.Y3;
            case R1 -> Operand.R1;
            case W -> Operand.W;
            case T -> Operand.T;
            case D -> throw new IllegalArgumentException(BACKEND + "the delay factor d is not supported: Lava's"
                    + " learning Dense keeps no delay (term " + term + ")" + where);
        };
    }
}
