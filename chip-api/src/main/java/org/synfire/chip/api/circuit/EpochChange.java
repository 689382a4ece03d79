package org.synfire.chip.api.circuit;

import java.util.Map;
import java.util.Objects;

/**
 * How a circuit changes between two epochs of a run, as the host reprograms the chip between them: the run closes
 * the session, opens one with {@code settings} and restores {@code weights} into it.
 *
 * @param settings  the circuit's settings from this epoch on
 * @param weights   the weights to restore, every matrix the session held (rescaled as the change needs)
 * @param saturated weights of the circuit's own matrices that did not fit the change and saturated
 * @param what      what changed, one line for the run's output
 */
public record EpochChange(CircuitSettings settings, Map<String, int[][]> weights, long saturated, String what) {

    public EpochChange {
        Objects.requireNonNull(settings, "epoch change: settings");
        Objects.requireNonNull(weights, "epoch change: weights");
        Objects.requireNonNull(what, "epoch change: what");
        if (saturated < 0) {
            throw new IllegalArgumentException("epoch change: saturated " + saturated + " must be at least 0");
        }
    }
}
