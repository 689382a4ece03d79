package org.synfire.cli.internal.sweep;

import java.util.Arrays;
import java.util.List;

/**
 * Summary statistics of one figure over a group's points.
 *
 * @param count  values
 * @param mean   their mean
 * @param sd     their sample standard deviation (n - 1; 0 for one value)
 * @param median their median
 * @param min    the smallest
 * @param max    the largest
 */
public record Stats(int count, double mean, double sd, double median, double min, double max) {

    /** The statistics of {@code values} (at least one). */
    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(v).average().orElseThrow();
        double squares = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        double sd = v.length > 1 ? Math.sqrt(squares / (v.length - 1)) : 0;
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Stats(n, mean, sd, median, v[0], v[n - 1]);
    }
}
