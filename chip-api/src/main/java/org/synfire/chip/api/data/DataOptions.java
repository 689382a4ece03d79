package org.synfire.chip.api.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a data set provider may find its files.
 *
 * @param directory a directory given explicitly (e.g. on the command line), looked in first
 * @param download  whether missing files may be downloaded from public mirrors into the user cache
 */
public record DataOptions(Optional<Path> directory, boolean download) {

    public DataOptions {
        Objects.requireNonNull(directory, "directory (use Optional.empty())");
    }

    /** No explicit directory; downloading allowed. */
    public static DataOptions defaults() {
        return new DataOptions(Optional.empty(), true);
    }

    /** Only local files: no explicit directory, no download. */
    public static DataOptions offline() {
        return new DataOptions(Optional.empty(), false);
    }

    /** These options with {@code dir} as the explicit directory. */
    public DataOptions withDirectory(Path dir) {
        return new DataOptions(Optional.of(dir), download);
    }
}
