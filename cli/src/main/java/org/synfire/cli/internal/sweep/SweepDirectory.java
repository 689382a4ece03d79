package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import org.synfire.cli.internal.experiment.ConfigurationException;
import org.synfire.cli.internal.run.AtomicFiles;

/**
 * A sweep's directory and the names of what it holds:
 * <pre>
 *   sweep.yaml       the grid ({@link SweepGrid})
 *   points/ID/       each point's run directory: eval, plot and train --resume work on it
 *   state/ID.json    each point's state ({@link PointState})
 *   logs/ID.log      what each point printed (SLURM: logs/slurm-JOB_TASK.log)
 *   slurm/           the batch scripts submitted and the jobs they became
 *   report/          points.csv, summary.csv, summary.md and the figures
 * </pre>
 */
public record SweepDirectory(Path path) {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The sweep directory for {@code grid} at {@code path}: made with its sweep.yaml if new; an existing one must
     * hold the same grid (running the same command again resumes it).
     *
     * @throws ConfigurationException if the path is a file, or a directory that is not empty and not this sweep's
     */
    public static SweepDirectory open(Path path, SweepGrid grid) throws IOException {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new ConfigurationException("sweep directory " + path + " is a file, not a directory");
        }
        SweepDirectory dir = new SweepDirectory(path);
        if (Files.isRegularFile(dir.grid())) {
            SweepGrid recorded = dir.readGrid();
            if (!recorded.equals(grid)) {
                throw new ConfigurationException("sweep directory " + path + " holds another sweep (" + describe(recorded)
                        + ", not " + describe(grid) + "); resume it with 'synfire sweep resume " + path
                        + "' or give this one another --name");
            }
            return dir;
        }
        if (Files.isDirectory(path)) {
            try (var entries = Files.list(path)) {
                if (entries.findAny().isPresent()) {
                    throw new ConfigurationException("sweep directory " + path + " is not empty and holds no sweep.yaml;"
                            + " give the sweep another --name or --sweeps");
                }
            }
        }
        Files.createDirectories(path);
        AtomicFiles.write(dir.grid(), out -> YAML.writeValue(out, grid));
        return dir;
    }

    /** An existing sweep directory. */
    public static SweepDirectory existing(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new ConfigurationException("no such sweep directory: " + path);
        }
        if (!Files.isDirectory(path)) {
            throw new ConfigurationException(path + " is a file, not a sweep directory");
        }
        if (!Files.isRegularFile(path.resolve("sweep.yaml"))) {
            throw new ConfigurationException(path + " is not a sweep directory: it has no sweep.yaml");
        }
        return new SweepDirectory(path);
    }

    /** The grid its sweep.yaml holds. */
    public SweepGrid readGrid() throws IOException {
        try {
            return YAML.readValue(grid().toFile(), SweepGrid.class);
        } catch (JacksonException e) {
            throw new ConfigurationException(grid() + ": not a sweep file (" + e.getOriginalMessage().lines()
                    .findFirst().orElse("") + ")", e);
        }
    }

    private static String describe(SweepGrid g) {
        return "experiment " + g.experiment().name() + ", seeds " + Seeds.format(g.seeds())
                + (g.set().isEmpty() ? "" : ", set " + g.set());
    }

    public Path grid() {
        return path.resolve("sweep.yaml");
    }

    /** The run directory of point {@code id}. */
    public Path point(String id) {
        return path.resolve("points").resolve(id);
    }

    public Path state(String id) {
        return path.resolve("state").resolve(id + ".json");
    }

    public Path log(String id) {
        return path.resolve("logs").resolve(id + ".log");
    }

    public Path logs() {
        return path.resolve("logs");
    }

    public Path slurm() {
        return path.resolve("slurm");
    }

    public Path report() {
        return path.resolve("report");
    }

    /** The lock file that lets one coordinator at a time run this sweep. */
    public Path lock() {
        return path.resolve(".lock");
    }
}
