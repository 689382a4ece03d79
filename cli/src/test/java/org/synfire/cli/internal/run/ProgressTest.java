package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void rateAndEtaCountOnlyThisSessionsSamples() {
        // resumed after 50,000 of 60,000 samples; this session did 1,000 in 10 s: 100/s, 9,000 left: 90 s
        String line = Progress.line("paper-mnist20", 51_000, 60_000, 50_000, Duration.ofSeconds(10), "samples",
                "training", "", Progress.WIDTH);
        assertTrue(line.contains("51000/60000 samples 100/s ETA 1:30 training"), line);
        assertTrue(line.contains(" 85% ["), line);
    }

    @Test
    void beforeAnySampleOfThisSessionThereIsNoRate() {
        String line = Progress.line("quick", 1_000, 2_000, 1_000, Duration.ofSeconds(3), "samples", "training", "",
                Progress.WIDTH);
        assertTrue(line.contains("--/s ETA --"), line);
    }

    @Test
    void saysWhatItIsDoingAndFitsEightyColumns() {
        String line = Progress.line("a-long-experiment-name", 123_456, 3_600_000, 0, Duration.ofSeconds(1_000),
                "samples", "evaluating 10000 test samples", " | top1_spikes 0.9630", Progress.WIDTH);
        assertTrue(line.length() <= 80, line.length() + ": " + line);
        assertTrue(line.contains("evaluating 10000 test samples"), line);
        String quick = Progress.line("quick", 5, 10, 0, Duration.ofSeconds(1), "samples", "training", "",
                Progress.WIDTH);
        assertTrue(quick.length() <= 80 && quick.contains("5/10 samples"), quick);
    }
}
