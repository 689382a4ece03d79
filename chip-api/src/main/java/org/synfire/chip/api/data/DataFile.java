package org.synfire.chip.api.data;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file a data set was read from, for a run's provenance.
 *
 * @param name   where it was read from: the file's path, or for a resource of a module
 *               {@code resource /its/path}
 * @param sha256 the SHA-256 of its bytes as read (lower-case hexadecimal, 64 digits)
 */
public record DataFile(String name, String sha256) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public DataFile {
        Objects.requireNonNull(name, "data file: name");
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("data file " + name + ": sha256 '" + sha256
                    + "' is not 64 lower-case hexadecimal digits");
        }
    }
}
