package org.synfire.chip.emulator.ideal.internal;

import java.util.List;

import org.synfire.chip.model.loihi1.learning.Dependency;
import org.synfire.chip.model.loihi1.learning.Factor;
import org.synfire.chip.model.loihi1.learning.Rule;
import org.synfire.chip.model.loihi1.learning.StateVariable;
import org.synfire.chip.model.loihi1.learning.Sum;
import org.synfire.chip.model.loihi1.learning.Term;

/**
 * A parsed NxSDK learning rule compiled for exact float64 evaluation: each term is
 * {@code mantissa * 2^exponent * factor_1 * ... * factor_n} with every factor a real number (spikes 0 or 1, traces and
 * the synapse's weight, delay and tag as the ideal machine holds them). Nothing is rounded: a scale such as
 * {@code 2^-7} multiplies exactly, and the change is the sum's real value.
 */
final class IdealRule {

    /** Operand slots, one per {@link StateVariable}, by ordinal. */
    static final int OPERANDS = StateVariable.values().length;

    /** A factor kind of the compiled form. */
    private static final byte PLAIN = 0;
    private static final byte OFFSET = 1;
    private static final byte SIGN = 2;
    private static final byte EPOCH = 3;

    /** One compiled sum: terms {@code t} have factors {@code start[t] .. start[t + 1] - 1}. */
    private record Compiled(double[] scale, int[] start, byte[] kind, int[] variable, double[] constant) {

        static Compiled of(Sum sum) {
            List<Term> terms = sum.terms();
            int factors = terms.stream().mapToInt(t -> t.factors().size()).sum();
            double[] scale = new double[terms.size()];
            int[] start = new int[terms.size() + 1];
            byte[] kind = new byte[factors];
            int[] variable = new int[factors];
            double[] constant = new double[factors];
            int f = 0;
            for (int t = 0; t < terms.size(); t++) {
                Term term = terms.get(t);
                scale[t] = Math.scalb((double) term.mantissa(), term.exponent()); // exact: a small integer times 2^e
                start[t] = f;
                for (Factor factor : term.factors()) {
                    switch (factor) {
                        case Factor.Plain p -> {
                            kind[f] = PLAIN;
                            variable[f] = p.variable().ordinal();
                        }
                        case Factor.Offset o -> {
                            kind[f] = OFFSET;
                            variable[f] = o.variable().ordinal();
                            constant[f] = o.constant();
                        }
                        case Factor.Sign s -> {
                            kind[f] = SIGN;
                            variable[f] = s.variable().ordinal();
                            constant[f] = s.constant();
                        }
                        case Factor.U u -> {
                            kind[f] = EPOCH;
                            variable[f] = u.k();
                        }
                    }
                    f++;
                }
            }
            start[terms.size()] = f;
            return new Compiled(scale, start, kind, variable, constant);
        }

        boolean isEmpty() {
            return scale.length == 0;
        }

        /** The sum's exact value for the operands and the epoch's u bits (bit k: u_k holds). */
        double value(double[] operands, int uBits) {
            double total = 0;
            for (int t = 0; t < scale.length; t++) {
                double product = scale[t];
                for (int f = start[t]; f < start[t + 1] && product != 0; f++) {
                    double value = switch (kind[f]) {
                        case PLAIN -> operands[variable[f]];
                        case OFFSET -> operands[variable[f]] + constant[f];
                        case SIGN -> Math.signum(operands[variable[f]] + constant[f]);
                        default -> (uBits >>> variable[f]) & 1;
                    };
                    product *= value;
                }
                total += product;
            }
            return total;
        }
    }

    private final Compiled dw;
    private final Compiled dd;
    private final Compiled dt;
    private final boolean dependsOnPre;
    private final boolean dependsOnPost;
    /** Bit k: some term's dependency is u_k. */
    private final int uMask;
    /**
     * Spikes every term has as a factor (bit 0: x0, bit 1: y0): a synapse without them cannot change. The sBP rule
     * has both, so only synapses whose axon and compartment both spiked need evaluating.
     */
    private final int required;
    private final boolean[] reads = new boolean[OPERANDS];

    IdealRule(Rule rule) {
        dw = Compiled.of(rule.dw());
        dd = Compiled.of(rule.dd());
        dt = Compiled.of(rule.dt());
        boolean pre = false;
        boolean post = false;
        int u = 0;
        int req = 3;
        for (Sum sum : List.of(rule.dw(), rule.dd(), rule.dt())) {
            for (Term term : sum.terms()) {
                switch (term.dependency()) {
                    case Dependency.PreSpike p -> pre = true;
                    case Dependency.PostSpike p -> post = true;
                    case Dependency.Decimated d -> u |= 1 << d.k();
                }
                int spikes = 0;
                for (Factor factor : term.factors()) {
                    if (factor instanceof Factor.Plain p) {
                        spikes |= p.variable() == StateVariable.X0 ? 1 : p.variable() == StateVariable.Y0 ? 2 : 0;
                    }
                    switch (factor) {
                        case Factor.Plain p -> reads[p.variable().ordinal()] = true;
                        case Factor.Offset o -> reads[o.variable().ordinal()] = true;
                        case Factor.Sign s -> reads[s.variable().ordinal()] = true;
                        case Factor.U k -> {
                            // the epoch counter is no state of a synapse or trace
                        }
                    }
                }
                req &= spikes;
            }
        }
        dependsOnPre = pre;
        dependsOnPost = post;
        uMask = u;
        required = req;
    }

    /**
     * Whether the rule changes the weight only and reads nothing but the spikes and the reward ({@code x0}, {@code y0},
     * {@code r0}, {@code r1}): then a change is the same for every synapse with the same spikes in an epoch.
     */
    boolean weightFromSpikesAndRewardOnly() {
        if (!dd.isEmpty() || !dt.isEmpty()) {
            return false;
        }
        for (StateVariable v : StateVariable.values()) {
            boolean allowed = v == StateVariable.X0 || v == StateVariable.Y0 || v == StateVariable.R0
                    || v == StateVariable.R1;
            if (reads[v.ordinal()] && !allowed) {
                return false;
            }
        }
        return true;
    }

    /** Whether the rule reads {@code v} (so its trace must be kept). */
    boolean reads(StateVariable v) {
        return reads[v.ordinal()];
    }

    boolean changesDelay() {
        return !dd.isEmpty();
    }

    boolean changesWeight() {
        return !dw.isEmpty();
    }

    boolean changesTag() {
        return !dt.isEmpty();
    }

    boolean dependsOnPre() {
        return dependsOnPre;
    }

    boolean dependsOnPost() {
        return dependsOnPost;
    }

    /** Whether a u_k dependency holds in the epoch whose u bits are {@code uBits}: every synapse is then visited. */
    boolean everySynapse(int uBits) {
        return (uMask & uBits) != 0;
    }

    /** Spikes every term needs (bit 0: x0, bit 1: y0). */
    int required() {
        return required;
    }

    double dw(double[] operands, int uBits) {
        return dw.isEmpty() ? 0 : dw.value(operands, uBits);
    }

    double dd(double[] operands, int uBits) {
        return dd.isEmpty() ? 0 : dd.value(operands, uBits);
    }

    double dt(double[] operands, int uBits) {
        return dt.isEmpty() ? 0 : dt.value(operands, uBits);
    }

    /**
     * The u bits of epoch {@code epoch} (numbered from 1): bit k is set if u_k holds, i.e. the epoch is a multiple of
     * 2^k (u_0 in every epoch, u_1 in epochs 2, 4, ..., as on the loihi1 backend).
     */
    static int uBits(long epoch) {
        int zeros = Long.numberOfTrailingZeros(epoch);
        return (1 << (Math.min(zeros, 9) + 1)) - 1;
    }
}
