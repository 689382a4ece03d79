package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The checkpoints of a run: one NPZ file per checkpoint, named by the samples seen, each written
 * atomically; the two newest are kept. Resuming takes the newest one that reads back whole, and
 * refuses one whose sample count or matrices do not fit the run, naming the file.
 */
public final class CheckpointStore {

    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".npz";
    private static final int KEEP = 2;

    private final Path directory;
    private final java.util.function.LongFunction<Optional<WeightsFile.Stage>> stage;

    /** The checkpoints in {@code directory}, saved without the circuit they belong to. */
    public CheckpointStore(Path directory) {
        this(directory, samples -> Optional.empty());
    }

    /**
     * The checkpoints in {@code directory}, each saved with the circuit it belongs to ({@link WeightsFile.Stage}).
     *
     * @param stage the circuit of the weights after a number of samples trained
     */
    public CheckpointStore(Path directory, java.util.function.LongFunction<Optional<WeightsFile.Stage>> stage) {
        this.directory = directory;
        this.stage = stage;
    }

    /** Saves a checkpoint, then drops all but the newest two. */
    public void save(Checkpoint checkpoint) throws IOException {
        Path file = directory.resolve(fileName(checkpoint.samples()));
        WeightsFile.write(file, checkpoint.weights(), checkpoint.samples(), stage.apply(checkpoint.samples()));
        List<Path> all = list();
        for (int i = 0; i < all.size() - KEEP; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    /** The newest checkpoint that reads back whole, if any (see {@link #latest(long, Consumer)}). */
    public Optional<Checkpoint> latest() throws IOException {
        return latest(Long.MAX_VALUE, skipped -> { }).map(Found::checkpoint);
    }

    /** A checkpoint and the file it came from. */
    public record Found(Path file, Checkpoint checkpoint) {
    }

    /**
     * The newest checkpoint that reads back whole: a file that is truncated or damaged is passed over,
     * saying so to {@code skipped}, and the next older one is tried. A checkpoint that reads whole but
     * does not fit the run is refused: its sample count must be at most {@code totalSamples} and agree
     * with its file name.
     *
     * @param totalSamples the run's training samples in all (epochs x samples per epoch)
     * @param skipped      told, in one line each, of files passed over and why
     * @throws IOException naming the file, if the newest whole checkpoint does not fit the run
     */
    public Optional<Found> latest(long totalSamples, Consumer<String> skipped) throws IOException {
        List<Path> all = list();
        for (int i = all.size() - 1; i >= 0; i--) {
            Path file = all.get(i);
            Checkpoint checkpoint;
            try {
                checkpoint = WeightsFile.readCheckpoint(file);
            } catch (IOException | RuntimeException e) {
                String cause = e.getMessage() == null ? "unreadable" : e.getMessage();
                skipped.accept("checkpoint " + file.getFileName() + " passed over: "
                        + cause.replace(file.toString() + ": ", "").lines().findFirst().orElse("unreadable"));
                continue;
            }
            if (checkpoint.samples() > totalSamples) {
                throw new IOException(file + ": the checkpoint claims " + checkpoint.samples()
                        + " samples seen, more than the run's " + totalSamples + " in all; refused");
            }
            if (!file.getFileName().toString().equals(fileName(checkpoint.samples()))) {
                throw new IOException(file + ": the checkpoint claims " + checkpoint.samples()
                        + " samples seen, which its file name does not; refused");
            }
            return Optional.of(new Found(file, checkpoint));
        }
        return Optional.empty();
    }

    /**
     * Checks a checkpoint's matrices against the weights of the session it is to restore: the same
     * names, each of the same shape.
     *
     * @throws IOException naming the checkpoint's file and the first difference: the file does not fit the run
     */
    public void requireMatches(Checkpoint checkpoint, Map<String, int[][]> expected) throws IOException {
        String file = directory.resolve(fileName(checkpoint.samples())).toString();
        if (!checkpoint.weights().keySet().equals(expected.keySet())) {
            throw new IOException(file + ": the checkpoint holds matrices "
                    + new TreeSet<>(checkpoint.weights().keySet()) + "; the run's circuit has "
                    + new TreeSet<>(expected.keySet()));
        }
        for (Map.Entry<String, int[][]> e : expected.entrySet()) {
            int[][] want = e.getValue();
            int[][] got = checkpoint.weights().get(e.getKey());
            int wantColumns = want.length == 0 ? 0 : want[0].length;
            int gotColumns = got.length == 0 ? 0 : got[0].length;
            if (want.length != got.length || wantColumns != gotColumns) {
                throw new IOException(file + ": matrix '" + e.getKey() + "' is " + got.length + " x "
                        + gotColumns + "; the run's circuit has " + want.length + " x " + wantColumns);
            }
        }
    }

    private static String fileName(long samples) {
        return String.format("%s%012d%s", PREFIX, samples, SUFFIX);
    }

    /** Checkpoint files, oldest first. */
    private List<Path> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).sorted().toList();
        }
    }
}
