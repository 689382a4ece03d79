package org.synfire.cli.internal.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.synfire.cli.internal.experiment.ConfigurationException;
import org.synfire.cli.internal.experiment.Experiment;
import org.synfire.cli.internal.experiment.Experiments;

/**
 * A sweep's grid, its {@code sweep.yaml}: an experiment run for every seed and every combination of the values
 * of the keys it sets. A key with one value changes the experiment for every point; keys with several values
 * span the grid, and the points that differ only by seed form a group.
 *
 * @param name       the sweep's name (its directory's)
 * @param experiment the experiment every point starts from, as resolved
 * @param seeds      the seeds, in order
 * @param set        values by key, in the order given (keys as {@link Experiments#withField} takes them)
 */
@JsonPropertyOrder({"name", "experiment", "seeds", "set"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SweepGrid(
        @JsonProperty("name") String name,
        @JsonProperty("experiment") Experiment experiment,
        @JsonProperty("seeds") List<Long> seeds,
        @JsonProperty("set") LinkedHashMap<String, List<String>> set) {

    /**
     * The most points a sweep may have: seeds times every combination of the values set. Each point is a run
     * with a directory, a state file and a log, and a grid is spelt out in memory before anything runs; a grid
     * larger than this is a typo, not a sweep (ten keys of a hundred values would be 10^20 points).
     */
    public static final int MAX_POINTS = 10_000;

    /**
     * Checks the grid: at least one seed, and at most {@link #MAX_POINTS} points, counted with exact arithmetic
     * before any point is made.
     *
     * @throws ConfigurationException naming the sizes; the caller adds where the grid came from
     */
    public SweepGrid {
        if (seeds == null) {
            throw new ConfigurationException("a sweep needs at least one seed, e.g. --seeds 1..5");
        }
        java.math.BigInteger count = java.math.BigInteger.valueOf(seeds.size()); // exact: no product wraps
        StringBuilder product = new StringBuilder().append(seeds.size()).append(" seeds");
        if (set != null) {
            for (Map.Entry<String, List<String>> axis : set.entrySet()) {
                if (axis.getValue() == null || axis.getValue().isEmpty()) {
                    throw new ConfigurationException("key '" + Experiment.printable(String.valueOf(axis.getKey()))
                            + "' has no values");
                }
                product.append(" x ").append(axis.getValue().size());
                count = count.multiply(java.math.BigInteger.valueOf(axis.getValue().size()));
            }
        }
        if (count.compareTo(java.math.BigInteger.valueOf(MAX_POINTS)) > 0) {
            throw new ConfigurationException("the grid has " + product + " = " + count + " points; a sweep has at most "
                    + MAX_POINTS + " points");
        }
        seeds = List.copyOf(seeds);
        LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
        if (set != null) {
            set.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        set = copy;
        if (seeds.isEmpty()) {
            throw new ConfigurationException("a sweep needs at least one seed, e.g. --seeds 1..5");
        }
    }

    /** The keys with more than one value: what tells the groups apart. */
    public List<String> varied() {
        return set.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    /**
     * Every point of the grid, groups in the order of the values given and seeds innermost; each point's
     * experiment is checked here, so a bad value fails before anything runs.
     */
    public List<SweepPoint> points() {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : set.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combinations) {
                for (String value : axis.getValue()) {
                    Map<String, String> more = new LinkedHashMap<>(c);
                    more.put(axis.getKey(), value);
                    next.add(more);
                }
            }
            combinations = next;
        }
        List<String> varied = varied();
        List<SweepPoint> points = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map<String, String> c : combinations) {
            Experiment e = experiment;
            for (Map.Entry<String, String> s : c.entrySet()) {
                e = Experiments.withField(e, s.getKey(), s.getValue(), "--set " + s.getKey() + "=" + s.getValue());
            }
            Map<String, String> group = new LinkedHashMap<>();
            varied.forEach(k -> group.put(k, c.get(k)));
            for (long seed : seeds) {
                Experiment withSeed = new Experiment(e.name(), e.description(), e.circuit(), e.model(), e.backend(), e.dataset(),
                        e.epochs(), seed, e.trainSamples(), e.testSamples(), e.hidden(), e.checkpointEvery(),
                        e.threads(), e.inferenceCircuit(), e.circuitOptions(), e.parameters(), e.costTable());
                String id = uniqueId(group, seed, ids);
                points.add(new SweepPoint(id, seed, group, withSeed));
            }
        }
        return points;
    }

    /** The point of this id. */
    public SweepPoint point(String id) {
        return points().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("sweep " + name + " has no point '" + Experiment.printable(id) + "'"));
    }

    /** A plain file name for a point: its varied settings and seed, e.g. {@code init=spec_seed=2}. */
    private static String uniqueId(Map<String, String> group, long seed, Set<String> taken) {
        StringBuilder b = new StringBuilder();
        group.forEach((k, v) -> b.append(safe(k)).append('=').append(safe(v)).append('_'));
        String base = b.append("seed=").append(seed).toString();
        if (base.length() > 90) {
            base = base.substring(0, 60) + "-" + Integer.toHexString(base.hashCode()) + "_seed=" + seed;
        }
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n; // two values that read alike once made safe
        }
        return id;
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9.+-]", "-");
    }
}
