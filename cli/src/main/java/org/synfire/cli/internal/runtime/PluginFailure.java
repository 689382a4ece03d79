package org.synfire.cli.internal.runtime;

import java.nio.file.Path;

/** A plugin jar that could not be used, and why. */
public record PluginFailure(Path jar, String reason) {

    @Override
    public String toString() {
        return jar + ": " + reason;
    }
}
