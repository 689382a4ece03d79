package org.synfire.datasets.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Where the files of one raw data set can be downloaded from and how each is checked.
 *
 * @param name      the raw data set, e.g. {@code mnist}
 * @param mirrors   base URLs, tried in order
 * @param checksums per file name, the checksums a download must match (none: the file cannot be downloaded)
 */
public record SourceSpec(String name, List<URI> mirrors, Map<String, List<Checksum>> checksums) {

    public SourceSpec {
        mirrors = List.copyOf(mirrors);
        checksums = Map.copyOf(checksums);
    }

    /** The checksums of {@code file}, empty if none are configured. */
    public List<Checksum> checksums(String file) {
        return checksums.getOrDefault(file, List.of());
    }
}
