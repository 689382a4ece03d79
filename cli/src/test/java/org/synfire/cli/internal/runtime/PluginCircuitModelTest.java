package org.synfire.cli.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A circuit provider's {@code circuit()}, {@code model()} and {@code needsBackend()} are asked once, at load, as its
 * id is: under the time limit and against every Throwable, so that a plugin whose answers hang or throw is left out in
 * one line and {@code list} and {@code train} work with the rest. And a circuit's model ({@code --circuit C --model
 * M}) has one provider: a plugin that would be a second is refused, so that the same run.json resolves the same
 * whatever plugins are installed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PluginCircuitModelTest {

    private static final String SLEEP = "try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { }";
    private static final String FUNCTIONAL = "circuit org.synfire.circuits.internal.sbp.SbpFunctionalProvider";

    @TempDir
    Path temp;

    private Path plugins() throws IOException {
        return Files.createDirectories(temp.resolve("plugins"));
    }

    /** A needsBackend() or a circuit() that never returns: left behind after the answer time (2 s here). */
    @Test
    void aCircuitThatNeverSaysWhichModelItIsIsLeftBehind() throws IOException {
        Path mute = FixturePlugin.circuit("mute").needsBackend(SLEEP)
                .build(temp.resolve("a"), plugins().resolve("a-mute.jar"));
        Path lost = FixturePlugin.circuit("lost").module("org.synfire.fixture.b")
                .circuitMembers("@Override public String circuit() { " + SLEEP + " return \"lost\"; }")
                .build(temp.resolve("b"), plugins().resolve("b-lost.jar"));
        Duration answerTime = Providers.answerTime;
        Providers.answerTime = Duration.ofSeconds(2);
        CliRun run;
        CliRun train;
        try {
            run = CliRun.list(plugins());
            train = train("--circuit", "sbp", "--model", "functional");
        } finally {
            Providers.answerTime = answerTime;
        }

        String leftOut = "synfire: plugin left out: " + mute + ": circuit org.synfire.fixture.FixtureCircuit did not"
                + " give its circuit, model and needsBackend within 2 s (does its circuit(), model() or needsBackend()"
                + " wait or loop forever?)\n"
                + "synfire: plugin left out: " + lost + ": circuit org.synfire.fixture.FixtureCircuit did not"
                + " give its circuit, model and needsBackend within 2 s (does its circuit(), model() or needsBackend()"
                + " wait or loop forever?)\n";
        assertEquals(leftOut, run.err());
        assertFalse(run.out().contains("mute") || run.out().contains("lost"), run.out());
        assertEquals(0, train.exitCode(), train.err());
        assertEquals(leftOut, train.err());
        assertEquals("sbp-functional", circuitOfTheRun().path("id").asText());
    }

    /** One that throws (an Error too) is left out in one line; the command does not end in "internal error". */
    @Test
    void aCircuitWhoseNeedsBackendThrowsIsLeftOutInOneLine() throws IOException {
        Path jar = FixturePlugin.circuit("moody")
                .needsBackend("if (System.nanoTime() != 0) { throw new IllegalStateException(\"no licence server\"); }")
                .build(temp.resolve("build"), plugins().resolve("moody.jar"));
        String reason = "circuit org.synfire.fixture.FixtureCircuit failed when asked for its circuit, model and"
                + " needsBackend: IllegalStateException: no licence server";

        CliRun run = CliRun.list(plugins());
        assertEquals(reason, run.onlyFailure(jar));
        assertFalse(run.out().contains("moody"), run.out());

        CliRun train = train("--circuit", "sbp", "--model", "functional");
        assertEquals(0, train.exitCode(), train.err());
        assertEquals(reason, train.onlyFailure(jar));
        assertEquals("sbp-functional", circuitOfTheRun().path("id").asText());
    }

    @Test
    void aCircuitWhoseModelOverflowsTheStackIsLeftOutInOneLine() throws IOException {
        Path jar = FixturePlugin.circuit("deep").circuitMembers("@Override public String model() { return model(); }")
                .build(temp.resolve("build"), plugins().resolve("deep.jar"));

        assertEquals("circuit org.synfire.fixture.FixtureCircuit failed when asked for its circuit, model and"
                + " needsBackend: StackOverflowError", CliRun.list(plugins()).onlyFailure(jar));
    }

    /** The names the command line and run.json take are ids. */
    @Test
    void aCircuitNameThatIsNotAnIdIsRefused() throws IOException {
        Path jar = FixturePlugin.circuit("shouty").circuitMembers("@Override public String circuit() { return \"SBP\"; }")
                .build(temp.resolve("build"), plugins().resolve("shouty.jar"));

        assertEquals("circuit org.synfire.fixture.FixtureCircuit: its circuit() 'SBP' is not valid: expected lower case"
                + " letters, digits and single hyphens, starting with a letter", CliRun.list(plugins()).onlyFailure(jar));
    }

    /**
     * A plugin circuit of another id that says it is sbp's functional model would take over {@code --circuit sbp
     * --model functional}: it is refused, and the built-in sbp-functional still trains.
     */
    @Test
    void aSecondProviderOfABuiltInCircuitsModelIsRefused() throws IOException {
        Path jar = FixturePlugin.circuit("sbp-alt").needsBackend("if (System.nanoTime() != 0) { return false; }")
                .circuitMembers("@Override public String circuit() { return \"sbp\"; }")
                .build(temp.resolve("build"), plugins().resolve("usurper.jar"));
        String reason = "circuit 'sbp-alt' of org.synfire.fixture.FixtureCircuit is --circuit sbp --model functional,"
                + " which is already the circuit 'sbp-functional', the built-in " + FUNCTIONAL + "; give the circuit a"
                + " circuit() or model() of its own";

        CliRun run = CliRun.list(plugins());
        assertEquals(reason, run.onlyFailure(jar));
        assertFalse(run.out().contains("sbp-alt"), run.out());
        assertTrue(run.out().contains("\n  sbp-functional "), run.out());

        CliRun train = train("--circuit", "sbp", "--model", "functional");
        assertEquals(0, train.exitCode(), train.err());
        assertEquals(reason, train.onlyFailure(jar));
        JsonNode circuit = circuitOfTheRun();
        assertEquals("sbp-functional", circuit.path("id").asText());
        assertEquals("org.synfire.circuits.internal.sbp.SbpFunctionalProvider", circuit.path("class").asText());
    }

    /** Between plugins the first loaded (in order of their paths) keeps the circuit's model. */
    @Test
    void aSecondPluginProviderOfACircuitsModelIsRefused() throws IOException {
        Path first = FixturePlugin.circuit("mine").module("org.synfire.fixture.a")
                .build(temp.resolve("a"), plugins().resolve("a.jar"));
        Path second = FixturePlugin.circuit("mine-too").module("org.synfire.fixture.b")
                .circuitMembers("@Override public String circuit() { return \"mine\"; }")
                .build(temp.resolve("b"), plugins().resolve("b.jar"));

        CliRun run = CliRun.list(plugins());

        assertEquals("circuit 'mine-too' of org.synfire.fixture.FixtureCircuit is --circuit mine --model chip, which is"
                + " already the circuit 'mine', circuit org.synfire.fixture.FixtureCircuit of plugin " + first + "; give"
                + " the circuit a circuit() or model() of its own", run.onlyFailure(second));
        assertTrue(run.out().contains("\n  mine "), run.out());
        assertFalse(run.out().contains("mine-too"), run.out());
    }

    /** A few samples of sbp's functional model, with the plugins, into {@code temp/runs}. */
    private CliRun train(String... circuit) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--plugin-path", plugins().toString(), "train"));
        args.addAll(List.of(circuit));
        args.addAll(List.of("--dataset", "mnist20-mini", "--train-samples", "20", "--test-samples", "10", "--hidden",
                "8", "--seed", "7", "--epochs", "1", "--offline", "--runs", temp.resolve("runs").toString(), "--quiet"));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The circuit provider the one run's run.json records. */
    private JsonNode circuitOfTheRun() throws IOException {
        try (Stream<Path> dirs = Files.list(temp.resolve("runs"))) {
            List<Path> all = dirs.filter(Files::isDirectory).toList();
            assertEquals(1, all.size(), "run directories: " + all);
            return new ObjectMapper().readTree(all.get(0).resolve("run.json").toFile()).path("providers")
                    .path("circuit");
        }
    }
}
