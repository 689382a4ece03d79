package org.synfire.chip.model.loihi1.learning;

import java.util.Objects;

/**
 * A learning rule: one sum of products per synaptic variable ({@code dw}, {@code dd}, {@code dt}).
 * Parse rule text with {@link #parse(String)}.
 *
 * @param dw the weight change
 * @param dd the delay change
 * @param dt the tag change
 */
public record Rule(Sum dw, Sum dd, Sum dt) {

    public Rule {
        Objects.requireNonNull(dw, "dw");
        Objects.requireNonNull(dd, "dd");
        Objects.requireNonNull(dt, "dt");
        if (dw.isEmpty() && dd.isEmpty() && dt.isEmpty()) {
            throw new IllegalArgumentException("learning rule changes nothing: dw, dd and dt are all empty");
        }
    }

    /**
     * Parses NxSDK rule text such as {@code dw = y0*x0*r1*4 - y0*x0*2}.
     *
     * @throws RuleSyntaxException naming the line and column of what is wrong
     * @see RuleParser
     */
    public static Rule parse(String text) {
        return RuleParser.parse(text);
    }

    /** The sum that changes {@code variable}. */
    public Sum sum(SynapticVariable variable) {
        return switch (variable) {
            case WEIGHT -> dw;
            case DELAY -> dd;
            case TAG -> dt;
        };
    }

    /** The rule as text the parser reads back to an equal rule; empty sums are left out. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (SynapticVariable v : SynapticVariable.values()) {
            if (!sum(v).isEmpty()) {
                if (!s.isEmpty()) {
                    s.append('\n');
                }
                s.append(v.lhs()).append(" = ").append(sum(v));
            }
        }
        return s.toString();
    }
}
