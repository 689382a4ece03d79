package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Modules;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.cli.internal.run.RunSeeds;

/**
 * A run's run.json records every resolved setting, every seed, the git commit, the data files read and
 * the command line; eval and plot reopen the circuit as run.json recorded it, and old runs still evaluate.
 */
class ProvenanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMBEDDED = "org/synfire/datasets/embedded/mnist-mini/";
    private static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    @TempDir
    Path temp;

    private final String homeBefore = System.getProperty("synfire.home");

    @AfterEach
    void restoreHome() {
        if (homeBefore == null) {
            System.clearProperty("synfire.home");
        } else {
            System.setProperty("synfire.home", homeBefore);
        }
    }

    private CliRun cli(String... args) {
        return CliRun.with(Modules.combine(FakeDataset.module(), Probe.module()), args);
    }

    private Path onlyRun(Path runs) throws IOException {
        try (Stream<Path> dirs = Files.list(runs)) {
            List<Path> all = dirs.filter(Files::isDirectory).toList();
            assertEquals(1, all.size(), "run directories: " + all);
            return all.get(0);
        }
    }

    @Test
    void runJsonOfAFreshRunHoldsEveryResolvedSetting() throws Exception {
        // the launcher's home: a checkout whose HEAD names a branch
        Path home = temp.resolve("home");
        String commit = "0123456789abcdef0123456789abcdef01234567";
        Files.createDirectories(home.resolve(".git/refs/heads"));
        Files.writeString(home.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(home.resolve(".git/refs/heads/main"), commit + "\n");
        System.setProperty("synfire.home", home.toString());
        Path runs = temp.resolve("runs");
        String[] args = {"train", "--circuit", "sbp-functional", "--dataset", "mnist20-mini", "--train-samples", "20",
            "--test-samples", "10", "--hidden", "8,6", "--seed", "7", "--epochs", "2", "--checkpoint-every", "1",
            "--threads", "2", "--circuit-option", "init=shifted-w2", "--offline", "--runs", runs.toString(), "--quiet"};

        CliRun train = cli(args);

        assertEquals(0, train.exitCode(), train.err());
        JsonNode run = JSON.readTree(onlyRun(runs).resolve("run.json").toFile());
        assertFalse(run.path("synfire").asText().isEmpty(), run.toString());
        assertEquals(commit, run.path("git").asText());
        assertEquals(List.of(args), strings(run.path("command_line")));
        // every seed: the experiment's, and each one split from it
        assertEquals(7, run.path("seed").asLong());
        assertEquals(RunSeeds.of(7).circuit(), run.path("seeds").path("circuit").asLong());
        assertEquals(RunSeeds.of(7).order(), run.path("seeds").path("order").asLong());
        // the experiment as resolved
        JsonNode experiment = run.path("experiment");
        assertEquals("sbp-functional", experiment.path("circuit").asText());
        assertEquals("shifted-w2", experiment.path("circuit-options").path("init").asText());
        assertEquals("[8,6]", experiment.path("hidden").toString());
        assertEquals("loihi1", experiment.path("backend").asText());
        assertEquals(2, experiment.path("threads").asInt());
        assertEquals("mnist20-mini", experiment.path("dataset").asText());
        assertEquals(20, experiment.path("train-samples").asInt());
        assertEquals(10, experiment.path("test-samples").asInt());
        assertEquals(2, experiment.path("epochs").asInt());
        assertEquals(1.0, experiment.path("checkpoint-every").asDouble());
        assertEquals(7, experiment.path("seed").asLong());
        // the providers, as before
        assertEquals("sbp-functional", run.path("providers").path("circuit").path("id").asText());
        assertFalse(run.path("providers").path("circuit").path("class").asText().isEmpty());
        assertFalse(run.path("providers").path("circuit").path("version").asText().isEmpty());
        assertEquals("mnist20-mini", run.path("providers").path("dataset").path("id").asText());
        // the data: counts, and each file read with its SHA-256, computed here from the module's sources
        assertEquals(20, run.path("data").path("train").asInt());
        assertEquals(10, run.path("data").path("test").asInt());
        JsonNode files = run.path("data").path("files");
        assertEquals(FILES.size(), files.size(), files.toString());
        for (int i = 0; i < FILES.size(); i++) {
            assertEquals("resource /" + EMBEDDED + FILES.get(i), files.get(i).path("name").asText());
            Path source = Path.of("..", "datasets", "src", "main", "resources").resolve(EMBEDDED + FILES.get(i));
            assertEquals(sha256(Files.readAllBytes(source)), files.get(i).path("sha256").asText(), FILES.get(i));
        }
    }

    @Test
    void withoutTheLaunchersHomeTheCommitIsUnknown() throws IOException {
        System.clearProperty("synfire.home");
        Path runs = temp.resolve("runs");
        assertEquals(0, cli("train", "--circuit", "sbp-functional", "--dataset", "tiny", "--hidden", "12",
                "--runs", runs.toString(), "--quiet").exitCode());

        JsonNode run = JSON.readTree(onlyRun(runs).resolve("run.json").toFile());
        assertEquals("unknown", run.path("git").asText());
        assertEquals("[]", run.path("data").path("files").toString(), "the synthetic set reads no files");
    }

    @Test
    void evalAndPlotOpenTheCircuitAsRunJsonRecordedIt() throws IOException {
        Path dir = probeRun();
        ObjectNode run = (ObjectNode) JSON.readTree(dir.resolve("run.json").toFile());
        long derived = RunSeeds.of(5).circuit();
        assertEquals(derived, run.path("seeds").path("circuit").asLong());
        // run.json now says otherwise than experiment.yaml and the seed's derivation
        ((ObjectNode) run.path("seeds")).put("circuit", 987_654_321L);
        ((ObjectNode) run.path("experiment")).putObject("circuit-options").put("init", "shifted-w2");
        JSON.writeValue(dir.resolve("run.json").toFile(), run);

        Probe.opened.clear();
        CliRun eval = cli("eval", dir.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        CliRun plot = cli("plot", dir.toString(), "--out", temp.resolve("figures").toString());
        assertEquals(0, plot.exitCode(), plot.err());

        assertEquals(2, Probe.opened.size(), Probe.opened.toString());
        for (CircuitSettings settings : Probe.opened) {
            assertEquals(987_654_321L, settings.seed(), "the circuit seed run.json recorded");
            assertEquals(Map.of("init", "shifted-w2"), settings.options(), "the options run.json recorded");
            assertEquals(List.of(12), settings.parameter(CircuitSettings.HIDDEN));
        }
    }

    @Test
    void aRunJsonWithoutTheNewKeysStillEvaluates() throws IOException {
        Path dir = probeRun();
        ObjectNode run = (ObjectNode) JSON.readTree(dir.resolve("run.json").toFile());
        // run.json as runs before the provenance record wrote it
        for (String key : List.of("git", "command_line", "seeds", "experiment")) {
            run.remove(key);
        }
        ((ObjectNode) run.path("data")).remove("files");
        JSON.writeValue(dir.resolve("run.json").toFile(), run);

        Probe.opened.clear();
        CliRun eval = cli("eval", dir.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        CliRun plot = cli("plot", dir.toString(), "--out", temp.resolve("figures").toString());
        assertEquals(0, plot.exitCode(), plot.err());
        Files.delete(dir.resolve("run.json"));
        CliRun noRunJson = cli("eval", dir.toString());
        assertEquals(0, noRunJson.exitCode(), noRunJson.err());

        assertEquals(3, Probe.opened.size(), Probe.opened.toString());
        for (CircuitSettings settings : Probe.opened) {
            assertEquals(RunSeeds.of(5).circuit(), settings.seed(), "derived from experiment.yaml's seed");
            assertEquals(Map.of(), settings.options());
            assertEquals(List.of(12), settings.parameter(CircuitSettings.HIDDEN));
        }
        assertTrue(eval.out().contains("on 40 test samples of tiny"), eval.out());
    }

    /** A run of the probe circuit on the synthetic data set, seed 5; its directory. */
    private Path probeRun() throws IOException {
        Path runs = temp.resolve("runs");
        CliRun train = cli("train", "--circuit", Probe.ID, "--dataset", "tiny", "--hidden", "12", "--seed", "5",
                "--runs", runs.toString(), "--quiet");
        assertEquals(0, train.exitCode(), train.err());
        Path dir = onlyRun(runs);
        assertNotEquals(987_654_321L, RunSeeds.of(5).circuit());
        return dir;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The functional sBP circuit under another id, remembering the settings of every session opened. */
    static final class Probe implements CircuitProvider {

        static final String ID = "probe";
        static final List<CircuitSettings> opened = new ArrayList<>();

        private final CircuitProvider real = ServiceLoader.load(CircuitProvider.class, Probe.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).filter(p -> p.id().equals("sbp-functional")).findFirst()
                .orElseThrow();

        static Module module() {
            return new AbstractModule() {
                @Override
                protected void configure() {
                    MapBinder.newMapBinder(binder(), String.class, CircuitProvider.class).addBinding(ID)
                            .toInstance(new Probe());
                }
            };
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "sbp-functional, remembering its settings";
        }

        @Override
        public boolean needsBackend() {
            return real.needsBackend();
        }

        @Override
        public TrainingSession open(CircuitSettings settings, ChipBackend backend) {
            opened.add(settings);
            return real.open(settings, backend);
        }
    }
}
