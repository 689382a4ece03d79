package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded run keeps its meaning when a circuit's defaults change: a run records every option it ran with, and
 * one recorded before an option existed reads it as the circuit was then (sBP's deeper-network options).
 */
class RecordedRunsTest {

    @TempDir
    Path temp;

    private Path train(String... extra) throws IOException {
        Path runs = temp.resolve("runs" + extra.length);
        String[] base = {"train", "--circuit", "sbp", "--model", "functional", "--dataset", "mnist20-mini",
            "--train-samples", "200", "--test-samples", "200", "--hidden", "40,40", "--runs", runs.toString(),
            "--quiet"};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        try (Stream<Path> dirs = Files.list(runs)) {
            return dirs.findFirst().orElseThrow();
        }
    }

    private static String eval(Path run) {
        CliRun eval = CliRun.of("eval", run.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        return eval.out();
    }

    /** Writes the run's options as given, as in run.json and experiment.yaml of a run made before they existed. */
    private static void recordOptions(Path run, String yamlOptions, java.util.Map<String, String> json)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode provenance = (ObjectNode) mapper.readTree(run.resolve("run.json").toFile());
        ObjectNode experiment = (ObjectNode) provenance.get("experiment");
        ObjectNode options = experiment.putObject("circuit-options");
        json.forEach(options::put);
        mapper.writeValue(run.resolve("run.json").toFile(), provenance);
        StringBuilder yaml = new StringBuilder();
        boolean inOptions = false;
        for (String line : Files.readAllLines(run.resolve("experiment.yaml"))) {
            if (line.equals("circuit-options:")) {
                inOptions = true;
                yaml.append(yamlOptions);
            } else if (!inOptions || !line.startsWith("  ")) {
                inOptions = false;
                yaml.append(line).append('\n');
            }
        }
        Files.writeString(run.resolve("experiment.yaml"), yaml);
    }

    @Test
    void aRunRecordsEveryOptionItRanWith() throws IOException {
        Path run = train();
        String yaml = Files.readString(run.resolve("experiment.yaml"));
        assertTrue(yaml.contains("hidden-exponent: \"-2\"") || yaml.contains("hidden-exponent: '-2'")
                || yaml.contains("hidden-exponent: -2"), yaml);
        assertTrue(yaml.contains("hidden-init: exponent-scaled"), yaml);
        assertTrue(Files.readString(run.resolve("run.json")).contains("\"hidden-window\""));
    }

    @Test
    void aDeepRunRecordedBeforeTheDeeperOptionsEvaluatesAsItWasTrained() throws IOException {
        // trained as the circuit was before the options (exponent 0, the specification's draw), recorded so
        Path run = train("--circuit-option", "hidden-exponent=0", "--circuit-option", "hidden-init=spec");
        String asTrained = eval(run);

        // the same run as a run.json of that time has it: init only
        recordOptions(run, "circuit-options:\n  init: positive-output\n", java.util.Map.of("init", "positive-output"));
        assertFalse(new ObjectMapper().readTree(run.resolve("run.json").toFile()).get("experiment")
                .get("circuit-options").has("hidden-exponent"));
        assertEquals(asTrained, eval(run), "read with the options of runs made before them");

        // the check can fail: read at today's default exponent, the same weights act otherwise
        recordOptions(run, "circuit-options:\n  hidden-exponent: \"-2\"\n  init: positive-output\n",
                java.util.Map.of("init", "positive-output", "hidden-exponent", "-2"));
        assertNotEquals(asTrained, eval(run));
    }
}
