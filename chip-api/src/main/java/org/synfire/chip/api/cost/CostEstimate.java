package org.synfire.chip.api.cost;

import java.util.EnumMap;
import java.util.Map;

/**
 * Estimated energy and time of some timesteps.
 *
 * @param joules      energy
 * @param seconds     wall-clock time: the busiest core's work plus the barriers (see {@link CostModel})
 * @param counts      events counted, by kind
 * @param joulesBy    energy by kind of event (sums to {@code joules})
 * @param secondsBy   time by kind of event if each were done one after the other on one unit (the
 *                    barrier's is its share of {@code seconds}); shows where the work lies
 */
public record CostEstimate(double joules, double seconds, Map<Event, Long> counts, Map<Event, Double> joulesBy,
        Map<Event, Double> secondsBy) {

    public CostEstimate {
        counts = Map.copyOf(new EnumMap<>(counts));
        joulesBy = Map.copyOf(new EnumMap<>(joulesBy));
        secondsBy = Map.copyOf(new EnumMap<>(secondsBy));
    }

    /** This estimate divided by {@code samples} (energy and time per sample); counts stay totals. */
    public CostEstimate perSample(long samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("per sample of " + samples + " samples: expected 1 or more");
        }
        Map<Event, Double> j = new EnumMap<>(Event.class);
        joulesBy.forEach((e, v) -> j.put(e, v / samples));
        Map<Event, Double> s = new EnumMap<>(Event.class);
        secondsBy.forEach((e, v) -> s.put(e, v / samples));
        return new CostEstimate(joules / samples, seconds / samples, counts, j, s);
    }
}
