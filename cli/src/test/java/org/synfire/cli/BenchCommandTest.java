package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The bench command, in process, on the small synthetic data set (figures are not checked: no timed tests). */
class BenchCommandTest {

    private static CliRun bench(String... args) {
        return CliRun.withFakeData(args);
    }

    @Test
    void reportsOneLinePerFigureAndChecksTheChipAgainstTheFunctionalModel() {
        CliRun run = bench("bench", "--dataset", "tiny", "--hidden", "12", "--samples", "30", "--functional-samples",
                "30", "--inference-samples", "15", "--repetitions", "1", "--warmup", "0", "--threads", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(10, lines.size(), run.out());
        assertTrue(Pattern.matches("functional sbp-functional train +[0-9.]+ us/sample", lines.get(0)), lines.get(0));
        assertTrue(Pattern.matches("emulated +loihi1 +train +[0-9.]+ us/sample", lines.get(1)), lines.get(1));
        assertTrue(Pattern.matches("ratio +loihi1 +train +[0-9.]+ emulated/functional", lines.get(2)), lines.get(2));
        assertTrue(Pattern.matches("events +loihi1 +train +[0-9.e+]+ synaptic events/s", lines.get(3)), lines.get(3));
        assertEquals("check      loihi1   train  weights equal the functional model's after 30 samples", lines.get(4));
        assertTrue(Pattern.matches("functional sbp-functional infer +[0-9.]+ us/sample", lines.get(5)), lines.get(5));
        assertTrue(Pattern.matches("emulated +loihi1 +infer +[0-9.]+ us/sample", lines.get(6)), lines.get(6));
        assertTrue(Pattern.matches("setup +loihi1 +infer +[0-9.]+ ms per evaluation .*", lines.get(7)), lines.get(7));
        assertTrue(Pattern.matches("ratio +loihi1 +infer +[0-9.]+ emulated/functional", lines.get(8)), lines.get(8));
        assertEquals("check      loihi1   infer  predictions equal the functional model's on 15 test samples",
                lines.get(9));
    }

    @Test
    void benchesTheReferenceBackendWithItsRatioAndChecks() {
        CliRun run = bench("bench", "--backend", "loihi1-reference", "--dataset", "tiny", "--hidden", "12",
                "--samples", "30", "--functional-samples", "30", "--inference-samples", "15", "--repetitions", "1",
                "--warmup", "0");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(10, lines.size(), run.out());
        assertTrue(Pattern.matches("emulated +loihi1-reference +train +[0-9.]+ us/sample", lines.get(1)), lines.get(1));
        assertTrue(Pattern.matches("ratio +loihi1-reference +train +[0-9.]+ emulated/functional", lines.get(2)),
                lines.get(2));
        assertEquals("check      loihi1-reference train  weights equal the functional model's after 30 samples",
                lines.get(4));
        assertTrue(Pattern.matches("ratio +loihi1-reference +infer +[0-9.]+ emulated/functional", lines.get(8)),
                lines.get(8));
        assertEquals("check      loihi1-reference infer  predictions equal the functional model's on 15 test samples",
                lines.get(9));
    }

    @Test
    void refusesRepetitionsBelowOne() {
        CliRun run = bench("bench", "--dataset", "tiny", "--repetitions", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--repetitions must be at least 1"), run.err());
        assertEquals(2, bench("bench", "--dataset", "tiny", "--inference-samples", "0").exitCode());
    }
}
