package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.synfire.cli.internal.experiment.Experiment;

/**
 * A run's provenance, its {@code run.json}: everything needed to say how the run was made and to repeat it.
 * Written once, when the run starts ({@link #write}), and read by {@code eval} and {@code plot}
 * ({@link #read}, {@link #session}), which reopen the run's circuit as recorded here.
 *
 * <p>Runs made before a key was added lack it (it reads as null); unknown keys are ignored.
 *
 * @param synfire     Synfire's version ({@code development} when run from classes)
 * @param git         the commit of the git checkout Synfire ran from ({@value GitCommit#UNKNOWN} if not known)
 * @param java        the Java runtime
 * @param os          the operating system and architecture
 * @param started     when the run started (ISO-8601)
 * @param commandLine the arguments the {@code synfire} command was given
 * @param seed        the experiment's seed
 * @param seeds       every seed derived from it ({@link RunSeeds})
 * @param experiment  the experiment as resolved: every field set, defaults applied, command-line overrides in
 * @param providers   the providers used, by role ({@code circuit}, {@code backend}, {@code dataset})
 * @param data        the samples used and the files they were read from
 */
@JsonPropertyOrder({"synfire", "git", "java", "os", "started", "command_line", "seed", "seeds", "experiment",
    "providers", "data"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Provenance(
        @JsonProperty("synfire") String synfire,
        @JsonProperty("git") String git,
        @JsonProperty("java") String java,
        @JsonProperty("os") String os,
        @JsonProperty("started") String started,
        @JsonProperty("command_line") List<String> commandLine,
        @JsonProperty("seed") Long seed,
        @JsonProperty("seeds") Seeds seeds,
        @JsonProperty("experiment") Experiment experiment,
        @JsonProperty("providers") Map<String, Provider> providers,
        @JsonProperty("data") Data data) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The seeds split from the experiment's seed.
     *
     * @param circuit the circuit's seed (initial weights, the backend's generators)
     * @param order   the seed of the order of the training samples
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Seeds(@JsonProperty("circuit") Long circuit, @JsonProperty("order") Long order) {

        public static Seeds of(RunSeeds seeds) {
            return new Seeds(seeds.circuit(), seeds.order());
        }
    }

    /**
     * A provider: its id, its class and the version of the module (or jar) the class came from.
     */
    @JsonPropertyOrder({"id", "class", "version"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provider(@JsonProperty("id") String id, @JsonProperty("class") String className,
            @JsonProperty("version") String version) {
    }

    /**
     * The data of a run.
     *
     * @param train     training samples used
     * @param test      test samples used
     * @param dimension values per sample
     * @param classes   classes
     * @param files     each file the data set provider read, with its SHA-256 (empty if it read none or
     *                  does not say)
     */
    @JsonPropertyOrder({"train", "test", "dimension", "classes", "files"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(@JsonProperty("train") Integer train, @JsonProperty("test") Integer test,
            @JsonProperty("dimension") Integer dimension, @JsonProperty("classes") Integer classes,
            @JsonProperty("files") List<DataFile> files) {
    }

    /** A file read, and the SHA-256 of its bytes. */
    @JsonPropertyOrder({"name", "sha256"})
    public record DataFile(@JsonProperty("name") String name, @JsonProperty("sha256") String sha256) {
    }

    /**
     * What a session of a run's circuit is opened with, again: as recorded in run.json, or for a run whose
     * run.json lacks these keys, as its experiment.yaml says, the circuit seed derived from its seed.
     *
     * @param circuit     the circuit's id (or, for a run made before models were named, a model's provider id)
     * @param model       the circuit's model, or null for the one {@code circuit} names
     * @param options     the circuit's options
     * @param hidden      units of each hidden layer (null for a circuit without them)
     * @param parameters  the circuit's own parameters set (empty if none)
     * @param backend     the chip backend's id
     * @param dataset     the data set's id
     * @param circuitSeed the circuit's seed
     * @param provider    the class and version of the circuit's provider as recorded (null if not), to say which
     *                    plugin a command needs when the circuit is not there
     */
    public record Session(String circuit, String model, Map<String, String> options, List<Integer> hidden,
            Map<String, List<Integer>> parameters, String backend,
            String dataset, long circuitSeed, Provider provider) {

        /**
         * The provider of the recorded circuit among {@code extensions}, or an error that names the provider class
         * the run used and says to give its plugin, when no provider of that circuit is found.
         */
        public org.synfire.chip.api.spi.CircuitProvider circuitProvider(
                org.synfire.cli.internal.runtime.Extensions extensions, String givenCircuit, String givenModel) {
            try {
                return extensions.circuit(givenCircuit != null ? givenCircuit : circuit,
                        givenModel != null ? givenModel : givenCircuit == null ? model : null);
            } catch (org.synfire.cli.internal.runtime.UnknownExtensionException e) {
                if (givenCircuit != null || provider == null || provider.className() == null) {
                    throw e;
                }
                throw new IllegalArgumentException(e.getMessage() + "; the run was made with circuit " + circuit
                        + " of " + provider.className() + (provider.version() == null ? "" : " " + provider.version())
                        + ": give the directory of the plugin jar that holds it with --plugin-path DIR", e);
            }
        }
    }

    /** Writes this provenance to {@code file}, atomically: the one place run.json is written. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, o -> JSON.writeValue(o, this));
    }

    /** The provenance in {@code file}, or empty if there is none (the keys it lacks are null). */
    public static Optional<Provenance> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Provenance.class));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not a readable run.json: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The session settings of a run: from its run.json where recorded, else from {@code experiment} (its
     * experiment.yaml) with the circuit seed derived as {@link RunSeeds} does.
     */
    public static Session session(Optional<Provenance> provenance, Experiment experiment) {
        Experiment e = provenance.map(Provenance::experiment).orElse(experiment).withDefaults();
        long circuitSeed = provenance.map(Provenance::seeds).map(Seeds::circuit)
                .orElseGet(() -> RunSeeds.of(experiment.withDefaults().seed()).circuit());
        Provider provider = provenance.map(Provenance::providers).map(p -> p.get("circuit")).orElse(null);
        return new Session(e.circuit(), e.model(), e.options(), e.hidden(), e.circuitParameters(), e.backend(),
                e.dataset(), circuitSeed, provider);
    }
}
