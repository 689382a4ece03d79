package org.synfire.cli.internal.runtime;

import java.nio.file.Path;

/** A plugin jar that could not be used, and why (one line: a message spread over lines is joined). */
public record PluginFailure(Path jar, String reason) {

    public PluginFailure {
        reason = reason == null || reason.isBlank() ? "unknown failure" : reason.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public String toString() {
        return jar + ": " + reason;
    }
}
