package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile circuit descriptions where a user meets them: a circuit plugin (the example perceptron, its training
 * description changed) trained with {@code synfire train}, and hidden layers past the depth of the sBP circuit
 * given to train, run, inspect and sweep. Each guard of the circuit language is refused in one line naming the
 * file and place, with exit code 2 (a wrong description or option), before anything of the claimed size is made.
 * The figures in the expected messages are worked out by hand from the inputs and the perceptron's sizes on the
 * {@code tiny} data set (24 inputs, 4 classes): e.g. 7 gates + 24 inputs + 6 x 4 outputs + 24 memories = 79 neurons
 * before the generators, at 64 bytes per neuron.
 */
class CircuitHostileTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "perceptron-plugin", "src", "main");
    private static final String TRAINING = "org/example/perceptron/perceptron-training.yaml";
    private static final String RANGE = "is outside the 64-bit range -9223372036854775808 .. 9223372036854775807";

    @TempDir
    static Path temp;

    private static Path classes;
    private static String training;
    private static int jars;

    @BeforeAll
    static void compileTheExample() throws IOException {
        classes = temp.resolve("classes");
        List<String> args = new ArrayList<>(List.of("--release", "21", "-d", classes.toString(), "--module-path",
                System.getProperty("jdk.module.path")));
        try (Stream<Path> files = Files.walk(EXAMPLE.resolve("java"))) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(args::add);
        }
        StringWriter diagnostics = new StringWriter();
        int status = ToolProvider.findFirst("javac").orElseThrow()
                .run(new PrintWriter(diagnostics), new PrintWriter(diagnostics), args.toArray(String[]::new));
        assertEquals(0, status, "the example plugin does not compile:\n" + diagnostics);
        training = Files.readString(EXAMPLE.resolve("resources").resolve(TRAINING));
    }

    /** A plugin directory holding the example with its training description changed: {@code old} by {@code now}. */
    private static Path plugin(String old, String now) throws IOException {
        assertTrue(training.contains(old), old);
        Path dir = Files.createDirectories(temp.resolve("plugins-" + jars++));
        try (OutputStream out = Files.newOutputStream(dir.resolve("perceptron-plugin.jar"));
                JarOutputStream jar = new JarOutputStream(out)) {
            for (Path root : List.of(classes, EXAMPLE.resolve("resources"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = root.relativize(file).toString().replace('\\', '/');
                        jar.putNextEntry(new JarEntry(name));
                        jar.write(name.equals(TRAINING) ? training.replace(old, now).getBytes(StandardCharsets.UTF_8)
                                : Files.readAllBytes(file));
                        jar.closeEntry();
                    }
                }
            }
        }
        return dir;
    }

    /** Trains the changed perceptron on the tiny data set; it must be refused with exactly {@code message}. */
    private static void refused(String old, String now, String message) throws IOException {
        Path plugins = plugin(old, now);
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CliRun.withFakeData("--plugin-path",
                plugins.toString(), "train", "--circuit", "perceptron", "--dataset", "tiny", "--epochs", "1", "--runs",
                temp.resolve("runs").toString(), "--quiet"));
        assertEquals("synfire: " + message + "\n", run.err());
        assertEquals(2, run.exitCode(), run.err());
    }

    @Test
    void aLoopEndingAtTheTopOfTheRangeEnds() throws IOException {
        Path plugins = plugin("populations:\n", "populations:\n  for i in 9223372036854775806..9223372036854775807 (top):\n"
                + "    a$i: {size: 1, type: unit}\n");
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CliRun.withFakeData("--plugin-path",
                plugins.toString(), "inspect", "--circuit", "perceptron", "--dataset", "tiny"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("fits: yes"), run.out());
    }

    @Test
    void aRangeWiderThanALong() throws IOException {
        refused("populations:\n", "populations:\n  for i in -9223372036854775807..9223372036854775807 (wide):\n"
                + "    a$i: {size: 1, type: unit}\n", "perceptron-training.yaml: /populations (for i in "
                + "-9223372036854775807..9223372036854775807 (wide)): repeats more than 9223372036854775807 times; the "
                + "loops of a description repeat at most 100001 times in all");
    }

    @Test
    void nestedLoopsPastTheCap() throws IOException {
        // 7 gates, then 1,000 outer repetitions counted at once, then 1,000 per inner loop: the 99th inner loop
        // (after 7 + 1,000 + 98 x 1,000 = 99,007) would pass 100,001
        refused("connections:\n", "connections:\n  - for i in 1..1000:\n    - for j in 1..1000: []\n",
                "perceptron-training.yaml: /connections[0][0] (for j in 1..1000): repeats 1000 times after 99007 "
                        + "repetitions of the loops around or before it; the loops of a description repeat at most 100001 "
                        + "times in all");
    }

    @Test
    void letListsThatDouble() throws IOException {
        StringBuilder lets = new StringBuilder("let:\n  a0: [1, 1]\n");
        for (int i = 1; i < 40; i++) {
            lets.append("  a").append(i).append(": [a").append(i - 1).append(", a").append(i - 1).append("]\n");
        }
        // a0 .. a14 hold 2^16 - 2 = 65,534 elements; a15's second half brings them to 131,070
        refused("phases: 7\n", lets + "phases: 7\n", "perceptron-training.yaml: let a15: the let values would hold more "
                + "than 100000 elements in all; at most 100000 are allowed");
    }

    @Test
    void phasesOfABillion() throws IOException {
        refused("phases: 7\n", "phases: 1000000000\n", "perceptron-training.yaml: circuit perceptron: phases 1000000000 "
                + "is out of range 1 .. 4096 (timesteps per sample)");
    }

    @Test
    void aPopulationOfABillion() throws IOException {
        // 7 gates + 10^9 = 1,000,000,007 neurons x 64 bytes
        refused("x:   {size: inputs,", "x:   {size: 1000000000,", "perceptron-training.yaml: perceptron: population x: "
                + "1000000000 neurons bring the circuit to 1000000007 neurons and 0 synapses, about 64000000448 bytes, "
                + "more than the memory budget of 536870912 bytes (512 MiB)");
    }

    @Test
    void aGeneratorOf2To31Minus1() throws IOException {
        // 79 neurons, then 2^31 - 1 more and as many spikes scheduled once: 4,294,967,373 x 64 bytes
        refused("start:  {size: 1, emits: once", "start:  {size: 2147483647, emits: once", "perceptron-training.yaml: "
                + "perceptron: generator start: 2147483647 neurons and 2147483647 scheduled spikes bring the circuit to "
                + "4294967373 neurons and 0 synapses, about 274877911872 bytes, more than the memory budget of 536870912 "
                + "bytes (512 MiB)");
    }

    @Test
    void aDeeplyNestedExpression() throws IOException {
        String text = "$(" + "(".repeat(5000) + "7" + ")".repeat(5000) + ")";
        refused("phases: 7\n", "phases: \"" + text + "\"\n", "perceptron-training.yaml: /phases ('$(" + "(".repeat(78)
                + "... (10004 characters)'): expression '" + "(".repeat(80) + "... (10001 characters)': nested more "
                + "than 100 deep (parentheses, minus signs, indices and arguments)");
    }

    @Test
    void anAdditionPastALong() throws IOException {
        refused("phases: 7\n", "phases: \"$(9223372036854775807 + 1)\"\n", "perceptron-training.yaml: /phases "
                + "('$(9223372036854775807 + 1)'): expression '9223372036854775807 + 1': 9223372036854775807 + 1 "
                + RANGE);
    }

    @Test
    void aWeightThatWrappedTo128() throws IOException {
        refused("{from: g1, to: x, weight: G}", "{from: g1, to: x, weight: 9223372036854775807+9223372036854775807+130}",
                "perceptron-training.yaml: perceptron: connection g1->x: weight "
                        + "'9223372036854775807+9223372036854775807+130': 9223372036854775807 + 9223372036854775807 "
                        + RANGE);
    }

    @Test
    void aWeightPastALongIsNotAForInputStringMessage() throws IOException {
        refused("{from: g1, to: x, weight: G}", "{from: g1, to: x, weight: 99999999999999999999}",
                "perceptron-training.yaml: perceptron: connection g1->x: weight '99999999999999999999': number "
                        + "99999999999999999999 " + RANGE);
    }

    @Test
    void anUnusedRuleThatIsNotARule() throws IOException {
        refused("rules:\n", "rules:\n  unused: {rule: not a rule}\n", "perceptron-training.yaml: perceptron: rule unused: "
                + "'not a rule': learning rule, line 1, column 1: expected dw, dd or dt at the start of a statement, "
                + "found 'not'");
    }

    @Test
    void aReadoutPhaseThatWasAT0Message() throws IOException {
        refused("rules:\n", "readout: {population: o, phase: 2147483647}\nrules:\n", "perceptron-training.yaml: circuit "
                + "perceptron: readout: phase 2147483647 is out of range 0 .. 6");
    }

    @Test
    void aNumberPastAnIntIsNotAParserMessage() throws IOException {
        refused("phases: 7\n", "phases: 2147483648\n", "perceptron-training.yaml: /phases: expected a whole number from "
                + "-2147483648 to 2147483647");
    }

    @Test
    void deeplyNestedYamlLeavesThePluginOutInOneLine() throws IOException {
        Path plugins = plugin("phases: 7\n", "phases: 7\nx: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        CliRun run = CliRun.withFakeData("--plugin-path", plugins.toString(), "inspect", "--circuit", "perceptron",
                "--dataset", "tiny");
        // the description is read when the plugin's provider is made: the plugin is left out, saying why
        // (how the plugin report words the kind of failure is the plugin loader's, not checked here)
        assertTrue(run.err().lines().findFirst().orElse("").endsWith(
                " perceptron-training.yaml: maps and lists are nested more than 1000 deep"), run.err());
        assertFalse(run.err().contains("StreamReadConstraints") || run.err().contains("\tat "), run.err());
        assertEquals(2, run.exitCode(), run.err());
    }

    private static final String SBP_DEPTH = "the sbp circuit takes at most 8 hidden layers: with 9, "
            + "/org/synfire/circuits/sbp/sbp-training.yaml: circuit sbp: connection m1->h1.d65: delay 65 is out of "
            + "range 0 .. 62 (the chip's longest synaptic delay)";

    private static String ones(int layers, String separator) {
        return String.join(separator, Collections.nCopies(layers, "1"));
    }

    @Test
    void trainRefusesMoreHiddenLayersThanSbpTakes() {
        CliRun run = CliRun.withFakeData("train", "--dataset", "tiny", "--hidden", ones(9, ","), "--runs",
                temp.resolve("runs-depth").toString(), "--quiet");
        assertEquals("synfire: experiment train: field 'hidden' (--hidden) has 9 layers; " + SBP_DEPTH + "\n", run.err());
        assertEquals(2, run.exitCode());
        assertFalse(Files.exists(temp.resolve("runs-depth")), "nothing is made");
    }

    @Test
    void anExperimentFileRefusesThemToo() throws IOException {
        Path yaml = Files.writeString(temp.resolve("deep.yaml"), "name: deep\ndataset: tiny\nhidden: [" + ones(9, ", ")
                + "]\n");
        CliRun run = CliRun.withFakeData("run", yaml.toString(), "--runs", temp.resolve("runs-deep").toString(),
                "--quiet");
        assertEquals("synfire: experiment deep: field 'hidden' (--hidden) has 9 layers; " + SBP_DEPTH + "\n", run.err());
        assertEquals(2, run.exitCode());
    }

    @Test
    void inspectRefusesFiveThousandLayersBeforeBuildingThem() {
        CliRun run = CliRun.of("inspect", "--hidden", ones(5000, ","));
        assertEquals("synfire: command line: field 'hidden' (--hidden) has 5000 layers; " + SBP_DEPTH + "\n", run.err());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
    }

    @Test
    void aSweepRefusesThemBeforeAnyPointIsMade() {
        Path sweeps = temp.resolve("sweeps");
        CliRun run = CliRun.of("sweep", "quick", "--seeds", "1", "--set", "hidden=400," + ones(9, "+"), "--sweeps",
                sweeps.toString());
        assertEquals("synfire: sweep quick, point hidden=" + ones(9, "+") + "_seed=1: field 'hidden' (--hidden) has 9 "
                + "layers; " + SBP_DEPTH + "\n", run.err());
        assertEquals(2, run.exitCode());
        assertFalse(Files.exists(sweeps.resolve("quick")), "nothing is made");
    }

    @Test
    void eightLayersAreTaken() {
        CliRun run = CliRun.withFakeData("inspect", "--dataset", "tiny", "--hidden", ones(8, ","));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("fits: yes"), run.out());
    }
}
