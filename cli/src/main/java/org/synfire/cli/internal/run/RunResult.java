package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a finished run ended with, its {@code result.json}: written as the run's very last step, so its presence
 * says the run is complete (a sweep counts a point done by it). It keeps what the summary printed and no other
 * file holds: the diagnostic counts (dead units) and the wall time.
 *
 * @param samples          training samples seen
 * @param metrics          the last checkpoint's figures by name, e.g. {@code top1_spikes}
 * @param counts           the last evaluation's counts by name, e.g. {@code dead_outputs}, {@code dead_hidden}
 * @param wallSeconds      wall time of the session that finished the run (a resumed run: since it resumed)
 * @param energyJoules     estimated energy per training sample on the chip (absent for a functional run)
 * @param timeSeconds      estimated chip time per training sample (absent for a functional run)
 * @param inferenceEnergyJoules estimated energy per sample of the on-chip inference, if the run made one
 * @param inferenceTimeSeconds  estimated chip time per sample of the on-chip inference, if the run made one
 */
@JsonPropertyOrder({"samples", "metrics", "counts", "wall_seconds", "energy_joules_per_sample",
    "time_seconds_per_sample", "inference_energy_joules_per_sample", "inference_time_seconds_per_sample"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunResult(
        @JsonProperty("samples") long samples,
        @JsonProperty("metrics") Map<String, Double> metrics,
        @JsonProperty("counts") Map<String, Long> counts,
        @JsonProperty("wall_seconds") double wallSeconds,
        @JsonProperty("energy_joules_per_sample") Double energyJoules,
        @JsonProperty("time_seconds_per_sample") Double timeSeconds,
        @JsonProperty("inference_energy_joules_per_sample") Double inferenceEnergyJoules,
        @JsonProperty("inference_time_seconds_per_sample") Double inferenceTimeSeconds) {

    /** The file's name in a run directory. */
    public static final String FILE = "result.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunResult {
        metrics = metrics == null ? Map.of() : new LinkedHashMap<>(metrics);
        counts = counts == null ? Map.of() : new LinkedHashMap<>(counts);
    }

    /** Writes this result into run directory {@code run}, atomically. */
    public void write(Path run) throws IOException {
        AtomicFiles.write(run.resolve(FILE), out -> JSON.writeValue(out, this));
    }

    /** The result of run directory {@code run}, or empty if the run has not finished. */
    public static Optional<RunResult> read(Path run) throws IOException {
        Path file = run.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunResult.class));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not a run result (" + e.getOriginalMessage() + ")", e);
        }
    }
}
