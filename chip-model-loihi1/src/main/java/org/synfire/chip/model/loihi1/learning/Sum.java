package org.synfire.chip.model.loihi1.learning;

import java.util.List;
import java.util.Objects;

/**
 * The sum of products that changes one synaptic variable. An empty sum leaves the variable alone.
 * As on the chip (and in Lava), the terms of one sum share one epoch counter: they may use {@code u_k}
 * for a single {@code k} only.
 *
 * @param terms the terms, in the order written
 */
public record Sum(List<Term> terms) {

    /** The most terms one sum may hold. */
    public static final int MAX_TERMS = 64;

    /** The sum of no terms. */
    public static final Sum EMPTY = new Sum(List.of());

    public Sum {
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        if (terms.size() > MAX_TERMS) {
            throw new IllegalArgumentException("sum of " + terms.size() + " terms: at most " + MAX_TERMS);
        }
        int k = -1;
        for (Term t : terms) {
            for (Factor f : t.factors()) {
                if (f instanceof Factor.U u) {
                    if (k >= 0 && u.k() != k) {
                        throw new IllegalArgumentException("sum uses u" + k + " and u" + u.k()
                                + ": one sum may use a single epoch counter u_k");
                    }
                    k = u.k();
                }
            }
        }
    }

    /** True if the sum has no terms. */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    @Override
    public String toString() {
        if (terms.isEmpty()) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        for (Term t : terms) {
            String r = t.toString();
            if (s.isEmpty()) {
                s.append(r);
            } else if (r.startsWith("-")) {
                s.append(" - ").append(r.substring(1));
            } else {
                s.append(" + ").append(r);
            }
        }
        return s.toString();
    }
}
