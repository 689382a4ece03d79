package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    @TempDir
    Path temp;

    private final CheckpointMetrics half = metrics(0.5, 30000, 0.81, 0.9, 0.92, 0.05, 6000.0);
    private final CheckpointMetrics one = metrics(1.0, 60000, 0.85, 0.93, 0.95, 0.04, 6100.0);

    /** A classifier's figures, in the order the sBP circuit reports them (they may be any names). */
    static CheckpointMetrics metrics(double epoch, long samples, double exact, double top1Spikes, double top1Potential,
            double loss, double rate) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("top1_spikes", top1Spikes);
        m.put("top1_potential", top1Potential);
        m.put("exact", exact);
        m.put("loss", loss);
        return new CheckpointMetrics(epoch, samples, m, rate);
    }

    @Test
    void writesCsvAndJsonWithThePublishedFieldNames() throws IOException {
        MetricsLog log = MetricsLog.open(temp);
        log.append(half);

        assertEquals("epoch,samples,top1_spikes,top1_potential,exact,loss,samples_per_second\n"
                + "0.5,30000,0.9,0.92,0.81,0.05,6000.0\n", Files.readString(temp.resolve("metrics.csv")));
        String json = Files.readString(temp.resolve("metrics.json"));
        for (String field : List.of("\"exact\" : 0.81", "\"top1_spikes\" : 0.9", "\"top1_potential\" : 0.92",
                "\"loss\" : 0.05", "\"samples_per_second\" : 6000.0")) {
            assertEquals(true, json.contains(field), field + " in " + json);
        }
    }

    @Test
    void readsTheFlatFormOfEarlierRuns() throws IOException {
        Files.writeString(temp.resolve("metrics.json"), "[{\"epoch\": 0.5, \"samples\": 30000, \"exact\": 0.81,"
                + " \"top1_spikes\": 0.9, \"top1_potential\": 0.92, \"loss\": 0.05, \"samples_per_second\": 6000.0}]");

        CheckpointMetrics read = MetricsLog.open(temp).entries().get(0);

        assertEquals(0.9, read.metric("top1_spikes"));
        assertEquals(6000.0, read.samplesPerSecond());
        assertEquals(List.of("exact", "top1_spikes", "top1_potential", "loss"), List.copyOf(read.metrics().keySet()));
    }

    @Test
    void reopensWithTheEntriesItHolds() throws IOException {
        MetricsLog log = MetricsLog.open(temp);
        log.append(half);
        log.append(one);

        assertEquals(List.of(half, one), MetricsLog.open(temp).entries());
    }

    @Test
    void truncatingForAResumeDropsLaterEntriesFromBothFiles() throws IOException {
        MetricsLog log = MetricsLog.open(temp);
        log.append(half);
        log.append(one);

        log.truncateAfter(30000);

        assertEquals(List.of(half), MetricsLog.open(temp).entries());
        assertEquals(2, Files.readAllLines(temp.resolve("metrics.csv")).size());
    }
}
