package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
 * Every write of a sweep lands inside its directory: a directory whose parts above, or the entries of
 * {@code points/}, {@code state/} and {@code logs/}, are symbolic links is refused when opened, since the
 * command would write where they lead. Every file read from it is named in its messages.
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
        if (Files.isDirectory(path)) {
            dir.requireNoLinks();
        }
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
        SweepDirectory dir = new SweepDirectory(path);
        dir.requireNoLinks();
        return dir;
    }

    /** The parts of a sweep directory the command writes to, and the folders whose entries it writes. */
    private static final List<String> PARTS = List.of("sweep.yaml", "executor.json", ".lock", "points", "state",
            "logs", "slurm", "report");
    private static final List<String> FOLDERS = List.of("points", "state", "logs", "slurm", "report");

    /**
     * Refuses a sweep directory that would make the command write outside it: one of its parts, or an entry
     * of one of its folders, is a symbolic link.
     *
     * @throws IOException in one line naming the link and where it leads
     */
    void requireNoLinks() throws IOException {
        for (String part : PARTS) {
            refuseLink(path.resolve(part));
        }
        for (String folder : FOLDERS) {
            Path f = path.resolve(folder);
            if (Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (var entries = Files.list(f)) {
                    for (Path entry : (Iterable<Path>) entries::iterator) {
                        refuseLink(entry);
                    }
                }
            }
        }
    }

    private void refuseLink(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            throw new IOException("sweep directory " + path + ": " + path.relativize(p) + " is a symbolic link (to "
                    + Files.readSymbolicLink(p) + "); the sweep would write outside its directory, so it is refused");
        }
    }

    /** The most bytes a file of the sweep's own (sweep.yaml, executor.json, a state) may have. */
    static final long MAX_FILE_BYTES = 1L << 20;

    /**
     * Reads one of the sweep's JSON or YAML files, every failure naming the file.
     *
     * @param what what the file should be, e.g. {@code "an executor file"}
     * @throws IOException naming the file and the parser's first line for a file that is too large or not
     *                     {@code what}
     */
    static <T> T read(Path file, ObjectMapper mapper, com.fasterxml.jackson.core.type.TypeReference<T> type,
            String what) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException(file + ": " + size + " bytes; " + what + " has at most " + MAX_FILE_BYTES);
        }
        try {
            return mapper.readValue(file.toFile(), type);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException(file + ": not " + what + " (" + firstLine(cause.getMessage()) + ")", e);
        } catch (JacksonException e) {
            throw new IOException(file + ": not " + what + " (" + firstLine(e.getOriginalMessage()) + ")", e);
        }
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** The grid its sweep.yaml holds. */
    public SweepGrid readGrid() throws IOException {
        try {
            return read(grid(), YAML, new com.fasterxml.jackson.core.type.TypeReference<SweepGrid>() { },
                    "a sweep file");
        } catch (IOException e) {
            throw new ConfigurationException(e.getMessage(), e); // a sweep.yaml is configuration, as an experiment
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
