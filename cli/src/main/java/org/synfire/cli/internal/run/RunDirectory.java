package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The directory of one run and the names of what it holds:
 * <pre>
 *   experiment.yaml    the experiment, every field resolved: enough to repeat the run
 *   run.json           provenance (see {@link Provenance}): versions, git commit, command line, the
 *                      experiment as resolved, every seed, providers, data and the SHA-256 of its files
 *   metrics.csv/.json  one entry per checkpoint
 *   checkpoints/       weights at each checkpoint (NPZ), written atomically
 *   weights-initial.npz the circuit's matrices before training (for the weight figure)
 *   weights.npz        the final weights
 *   plots/             PNG figures
 *   NAME.tar.gz        the whole run in one file
 * </pre>
 */
public record RunDirectory(Path path) {

    /** Makes a new, empty run directory under {@code root}, named after the experiment and the time. */
    public static RunDirectory create(Path root, String experiment) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.createDirectories(root);
        for (int attempt = 0; ; attempt++) {
            Path candidate = root.resolve(experiment + "-" + stamp + (attempt == 0 ? "" : "-" + attempt));
            try {
                return new RunDirectory(Files.createDirectory(candidate));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run started in the same second: take the next name
            }
        }
    }

    /** An existing run directory, e.g. to resume or evaluate it. */
    public static RunDirectory existing(Path path) throws IOException {
        if (!Files.isRegularFile(path.resolve("experiment.yaml"))) {
            throw new IOException(path + " is not a run directory: it has no experiment.yaml");
        }
        return new RunDirectory(path);
    }

    /** The experiment this run recorded, as it ran. */
    public org.synfire.cli.internal.experiment.Experiment readExperiment() throws IOException {
        return org.synfire.cli.internal.experiment.Experiments.parse(
                org.synfire.cli.internal.experiment.Experiments.readText(experiment()), experiment().toString(), name());
    }

    /** This run's provenance (run.json), or empty for a run without one. */
    public java.util.Optional<Provenance> readProvenance() throws IOException {
        return Provenance.read(provenance());
    }

    /** What a session of this run's circuit is opened with again: see {@link Provenance#session}. */
    public Provenance.Session session() throws IOException {
        return Provenance.session(readProvenance(), readExperiment());
    }

    public String name() {
        return path.getFileName().toString();
    }

    public Path experiment() {
        return path.resolve("experiment.yaml");
    }

    public Path provenance() {
        return path.resolve("run.json");
    }

    public Path checkpoints() {
        return path.resolve("checkpoints");
    }

    public Path finalWeights() {
        return path.resolve("weights.npz");
    }

    /** The circuit's matrices as it opened, before the first sample (runs from before it was kept lack it). */
    public Path initialWeights() {
        return path.resolve("weights-initial.npz");
    }

    public Path plots() {
        return path.resolve("plots");
    }

    public Path bundle() {
        return path.resolve(name() + ".tar.gz");
    }
}
