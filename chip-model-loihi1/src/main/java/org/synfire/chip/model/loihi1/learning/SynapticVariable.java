package org.synfire.chip.model.loihi1.learning;

/** The synaptic variables a rule changes, with the left-hand side that names each in rule text. */
public enum SynapticVariable {
    /** The weight mantissa, changed by {@code dw}. */
    WEIGHT("dw"),
    /** The delay, changed by {@code dd}. */
    DELAY("dd"),
    /** The tag, changed by {@code dt}. */
    TAG("dt");

    private final String lhs;

    SynapticVariable(String lhs) {
        this.lhs = lhs;
    }

    /** The left-hand side in rule text: {@code dw}, {@code dd} or {@code dt}. */
    public String lhs() {
        return lhs;
    }

    /** The variable whose left-hand side is {@code lhs}, or {@code null}. */
    public static SynapticVariable byLhs(String lhs) {
        for (SynapticVariable v : values()) {
            if (v.lhs.equals(lhs)) {
                return v;
            }
        }
        return null;
    }
}
