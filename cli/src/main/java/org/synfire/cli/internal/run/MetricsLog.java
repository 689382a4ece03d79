package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The metrics of a run, one entry per checkpoint, kept as {@code metrics.csv} and {@code metrics.json}
 * in the run directory. Both files are rewritten atomically on each append, so they always agree.
 */
public final class MetricsLog {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path csv;
    private final Path json;
    private final List<CheckpointMetrics> entries;

    private MetricsLog(Path directory, List<CheckpointMetrics> entries) {
        this.csv = directory.resolve("metrics.csv");
        this.json = directory.resolve("metrics.json");
        this.entries = new ArrayList<>(entries);
    }

    /** The log of a run directory, with the entries it already holds (none for a new run). */
    public static MetricsLog open(Path directory) throws IOException {
        Path json = directory.resolve("metrics.json");
        List<CheckpointMetrics> entries = Files.exists(json)
                ? JSON.readValue(json.toFile(), new TypeReference<List<CheckpointMetrics>>() { })
                : List.of();
        return new MetricsLog(directory, entries);
    }

    /** Adds one checkpoint's metrics and rewrites both files. */
    public void append(CheckpointMetrics metrics) throws IOException {
        entries.add(metrics);
        save();
    }

    /** Keeps only the entries up to (and including) {@code samples} training samples: for resuming. */
    public void truncateAfter(long samples) throws IOException {
        entries.removeIf(m -> m.samples() > samples);
        save();
    }

    public List<CheckpointMetrics> entries() {
        return List.copyOf(entries);
    }

    private void save() throws IOException {
        StringBuilder text = new StringBuilder();
        String header = null;
        for (CheckpointMetrics m : entries) {
            if (!m.csvHeader().equals(header)) {
                header = m.csvHeader(); // a circuit's figures are the same at every checkpoint; a header per change
                text.append(header).append('\n');
            }
            text.append(m.csvRow()).append('\n');
        }
        AtomicFiles.writeString(csv, text.toString());
        AtomicFiles.write(json, out -> JSON.writeValue(out, entries));
    }
}
