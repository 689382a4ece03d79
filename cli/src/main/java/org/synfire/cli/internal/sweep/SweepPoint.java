package org.synfire.cli.internal.sweep;

import java.util.Map;

import org.synfire.cli.internal.experiment.Experiment;

/**
 * One point of a sweep's grid: an ordinary run.
 *
 * @param id         its name, the name of its run directory (a plain file name), e.g. {@code init=spec_seed=2}
 * @param seed       its seed
 * @param settings   the values of the grid's varied keys at this point, by key (the group it belongs to)
 * @param experiment the experiment it runs, every setting and the seed applied
 */
public record SweepPoint(String id, long seed, Map<String, String> settings, Experiment experiment) {

    public SweepPoint {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    /** The name of its group (the points that differ from it only by seed): its settings, or "all". */
    public String group() {
        return groupName(settings);
    }

    static String groupName(Map<String, String> settings) {
        if (settings.isEmpty()) {
            return "all";
        }
        StringBuilder b = new StringBuilder();
        settings.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return b.toString();
    }
}
