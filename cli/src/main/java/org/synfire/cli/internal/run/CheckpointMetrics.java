package org.synfire.cli.internal.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one evaluation at a checkpoint measured: the circuit's figures by name (a classifier's accuracies are
 * fractions of the test samples), in the circuit's order. In JSON and CSV the figures stand beside
 * {@code epoch}, {@code samples} and {@code samples_per_second}, one column each.
 *
 * @param epoch            training progress in epochs, e.g. 0.5 after half the first epoch
 * @param samples          training samples seen so far
 * @param metrics          the circuit's figures by name, e.g. {@code top1_spikes}
 * @param samplesPerSecond training throughput since the previous checkpoint
 */
@JsonPropertyOrder({"epoch", "samples"})
public record CheckpointMetrics(
        @JsonProperty("epoch") double epoch,
        @JsonProperty("samples") long samples,
        @JsonIgnore Map<String, Double> metrics,
        @JsonIgnore double samplesPerSecond) {

    static final String RATE = "samples_per_second";

    public CheckpointMetrics {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Reads the flat JSON form: every field other than epoch, samples and the rate is a figure. */
    @JsonCreator
    static CheckpointMetrics fromJson(Map<String, Object> fields) {
        Map<String, Double> figures = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!name.equals("epoch") && !name.equals("samples") && !name.equals(RATE)) {
                figures.put(name, ((Number) value).doubleValue());
            }
        });
        return new CheckpointMetrics(((Number) fields.get("epoch")).doubleValue(),
                ((Number) fields.get("samples")).longValue(), figures,
                fields.containsKey(RATE) ? ((Number) fields.get(RATE)).doubleValue() : 0);
    }

    /** The figures and the rate, for the flat JSON form. */
    @JsonAnyGetter
    Map<String, Object> columns() {
        Map<String, Object> columns = new LinkedHashMap<>(metrics);
        columns.put(RATE, samplesPerSecond);
        return columns;
    }

    /**
     * The figure named {@code name}.
     *
     * @throws IllegalArgumentException if there is none of that name
     */
    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("checkpoint after " + samples + " samples has no figure " + name
                    + "; it has " + metrics.keySet());
        }
        return value;
    }

    /** The CSV header of these figures, in the order of {@link #csvRow()}. */
    public String csvHeader() {
        StringJoiner header = new StringJoiner(",").add("epoch").add("samples");
        metrics.keySet().forEach(header::add);
        return header.add(RATE).toString();
    }

    /** One CSV row; numbers in a locale-independent form. */
    public String csvRow() {
        StringJoiner row = new StringJoiner(",").add(Double.toString(epoch)).add(Long.toString(samples));
        metrics.values().forEach(v -> row.add(Double.toString(v)));
        return row.add(Double.toString(samplesPerSecond)).toString();
    }
}
