package org.synfire.chip.model.loihi1.learning;

import java.util.Objects;

/**
 * One factor of a term's product. Integer constants and powers of two are not factors: they are folded
 * into the term's scale.
 */
public sealed interface Factor {

    /** Bound on the constant {@code C} of {@code (V + C)} and {@code sgn(V + C)}: a 9-bit signed value. */
    int MIN_CONSTANT = -256;
    /** Upper bound on the constant {@code C}. */
    int MAX_CONSTANT = 255;

    /** The largest absolute value this factor can take. */
    long maxMagnitude();

    /** A state variable as it is, e.g. {@code x1}. */
    record Plain(StateVariable variable) implements Factor {
        public Plain {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public long maxMagnitude() {
            return variable.maxMagnitude();
        }

        @Override
        public String toString() {
            return variable.symbol();
        }
    }

    /** A state variable plus an integer constant, {@code (V + C)}. */
    record Offset(StateVariable variable, int constant) implements Factor {
        public Offset {
            Objects.requireNonNull(variable, "variable");
            checkConstant(constant);
        }

        @Override
        public long maxMagnitude() {
            return variable.maxMagnitude() + (long) Math.abs(constant);
        }

        @Override
        public String toString() {
            return "(" + variable.symbol() + (constant < 0 ? " - " + -constant : " + " + constant) + ")";
        }
    }

    /** The sign (-1, 0 or 1) of a synaptic variable plus a constant, {@code sgn(V + C)}; V is w, d or t. */
    record Sign(StateVariable variable, int constant) implements Factor {
        public Sign {
            Objects.requireNonNull(variable, "variable");
            if (!variable.isSynaptic()) {
                throw new IllegalArgumentException("sgn(" + variable.symbol()
                        + "): sgn takes only the synaptic variables w, d, t");
            }
            checkConstant(constant);
        }

        @Override
        public long maxMagnitude() {
            return 1;
        }

        @Override
        public String toString() {
            return "sgn(" + variable.symbol() + (constant == 0 ? "" : constant < 0 ? " - " + -constant : " + " + constant)
                    + ")";
        }
    }

    /** The epoch counter {@code u_k}: 1 in every {@code 2^k}-th epoch, else 0 ({@code k} 0 .. 9). */
    record U(int k) implements Factor {
        public U {
            checkK(k);
        }

        static void checkK(int k) {
            if (k < 0 || k > 9) {
                throw new IllegalArgumentException("u" + k + ": k must be 0 .. 9");
            }
        }

        @Override
        public long maxMagnitude() {
            return 1;
        }

        @Override
        public String toString() {
            return "u" + k;
        }
    }

    private static void checkConstant(int constant) {
        if (constant < MIN_CONSTANT || constant > MAX_CONSTANT) {
            throw new IllegalArgumentException("constant " + constant + " is outside " + MIN_CONSTANT + " .. "
                    + MAX_CONSTANT);
        }
    }
}
