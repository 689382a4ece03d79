package org.synfire.cli.internal.runtime;

import java.nio.file.Path;

/**
 * A plugin jar that could not be used, and why: one line of printable characters (a message spread over lines is
 * joined; words a plugin chose, such as an id, may be long or hold control characters, so the line is cut).
 */
public record PluginFailure(Path jar, String reason) {

    /** The longest reason printed. */
    private static final int MAX_REASON = 1_000;

    public PluginFailure {
        reason = reason == null || reason.isBlank() ? "unknown failure" : Providers.oneLine(reason, MAX_REASON);
    }

    @Override
    public String toString() {
        return jar + ": " + reason;
    }
}
