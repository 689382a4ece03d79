package org.synfire.chip.api.cost;

/**
 * The static (leakage) power a cost table charges for the time a run takes, beside the dynamic energy of
 * its events: static energy is {@code watts} times the estimated time.
 *
 * @param watts  static power in W; 0 when the table has none
 * @param source where the figure comes from, or why the table has none
 */
public record StaticPower(double watts, String source) {

    public StaticPower {
        if (!(watts >= 0) || Double.isInfinite(watts)) {
            throw new IllegalArgumentException("static power " + watts + " W: expected 0 or a positive number");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("static power " + watts + " W: expected its source, or why there is none");
        }
    }

    /** No static power, for {@code reason}. */
    public static StaticPower none(String reason) {
        return new StaticPower(0, reason);
    }

    /** Whether the table charges any. */
    public boolean present() {
        return watts > 0;
    }

    /** The static energy of {@code seconds}. */
    public double joules(double seconds) {
        return watts * seconds;
    }
}
