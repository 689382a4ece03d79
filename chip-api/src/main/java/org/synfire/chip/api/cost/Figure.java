package org.synfire.chip.api.cost;

/**
 * What one event costs.
 *
 * @param picojoules  energy
 * @param nanoseconds time the unit doing it is busy
 */
public record Figure(double picojoules, double nanoseconds) {

    public Figure {
        if (!(picojoules >= 0) || !(nanoseconds >= 0) || Double.isInfinite(picojoules)
                || Double.isInfinite(nanoseconds)) {
            throw new IllegalArgumentException("cost figure " + picojoules + " pJ / " + nanoseconds
                    + " ns: expected finite values of 0 or more");
        }
    }
}
