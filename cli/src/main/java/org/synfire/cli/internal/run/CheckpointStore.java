package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoints of a run: one NPZ file per checkpoint, named by the samples seen, each written
 * atomically; the two newest are kept. Resuming takes the newest one that reads back whole.
 */
public final class CheckpointStore {

    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".npz";
    private static final int KEEP = 2;

    private final Path directory;

    public CheckpointStore(Path directory) {
        this.directory = directory;
    }

    /** Saves a checkpoint, then drops all but the newest two. */
    public void save(Checkpoint checkpoint) throws IOException {
        Path file = directory.resolve(String.format("%s%012d%s", PREFIX, checkpoint.samples(), SUFFIX));
        WeightsFile.write(file, checkpoint.weights(), checkpoint.samples());
        List<Path> all = list();
        for (int i = 0; i < all.size() - KEEP; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    /** The newest checkpoint, if any was saved. */
    public Optional<Checkpoint> latest() throws IOException {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(WeightsFile.readCheckpoint(all.get(all.size() - 1)));
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
