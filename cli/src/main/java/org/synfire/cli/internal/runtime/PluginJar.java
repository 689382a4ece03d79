package org.synfire.cli.internal.runtime;

import java.nio.file.Path;

/** A plugin jar loaded into a module layer of its own, child of the layer that holds Synfire. */
public record PluginJar(Path jar, ModuleLayer layer) {
}
