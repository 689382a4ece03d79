package org.synfire.chip.model.loihi1.learning;

/**
 * The state a learning rule can read: spikes of the epoch, traces, and the synapse's own variables.
 * {@link #maxMagnitude()} bounds the variable's absolute value; the parser uses it to prove that a
 * term's product fits the evaluator's 64-bit arithmetic.
 */
public enum StateVariable {
    /** Presynaptic spike in this epoch (0 or 1). */
    X0("x0", 1),
    /** Postsynaptic spike in this epoch (0 or 1). */
    Y0("y0", 1),
    /** Reward spike in this epoch (0 or 1). */
    R0("r0", 1),
    /** First presynaptic trace (0 .. 127). */
    X1("x1", 127),
    /** Second presynaptic trace (0 .. 127). */
    X2("x2", 127),
    /** First postsynaptic trace (0 .. 127). */
    Y1("y1", 127),
    /** Second postsynaptic trace (0 .. 127). */
    Y2("y2", 127),
    /** Third postsynaptic trace (0 .. 127). */
    Y3("y3", 127),
    /** Reward trace (0 .. 127). */
    R1("r1", 127),
    /** The synapse's weight mantissa (-256 .. 255). */
    W("w", 256),
    /** The synapse's delay (0 .. 62). */
    D("d", 62),
    /** The synapse's tag (at most 8 bits, -128 .. 127). */
    T("t", 128);

    private final String symbol;
    private final int maxMagnitude;

    StateVariable(String symbol, int maxMagnitude) {
        this.symbol = symbol;
        this.maxMagnitude = maxMagnitude;
    }

    /** The name in rule text, e.g. {@code x1}. */
    public String symbol() {
        return symbol;
    }

    /** The largest absolute value the variable can take. */
    public int maxMagnitude() {
        return maxMagnitude;
    }

    /** True for the synapse's own variables {@code w}, {@code d}, {@code t}: the only ones {@code sgn} takes. */
    public boolean isSynaptic() {
        return this == W || this == D || this == T;
    }

    /** The variable named {@code symbol} in rule text, or {@code null}. */
    public static StateVariable bySymbol(String symbol) {
        for (StateVariable v : values()) {
            if (v.symbol.equals(symbol)) {
                return v;
            }
        }
        return null;
    }
}
