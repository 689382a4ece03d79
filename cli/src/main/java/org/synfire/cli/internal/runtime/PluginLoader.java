package org.synfire.cli.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads the jars of plugin directories, each into a child {@link ModuleLayer} of its own, Eclipse
 * style: a jar that fails to resolve is reported and the others are loaded all the same.
 */
public final class PluginLoader {

    /** What loading the plugin directories gave: the loaded jars and the ones that failed. */
    public record Result(List<PluginJar> loaded, List<PluginFailure> failures) {
        public Result {
            loaded = List.copyOf(loaded);
            failures = List.copyOf(failures);
        }
    }

    private final ModuleLayer parent;

    /** @param parent the layer that holds Synfire's own modules, which plugins may require */
    public PluginLoader(ModuleLayer parent) {
        this.parent = parent;
    }

    /** Loads every {@code *.jar} directly inside the given directories; missing directories are skipped. */
    public Result load(List<Path> directories) {
        List<PluginJar> loaded = new ArrayList<>();
        List<PluginFailure> failures = new ArrayList<>();
        for (Path jar : jarsIn(directories)) {
            try {
                loaded.add(new PluginJar(jar, layerFor(jar)));
            } catch (RuntimeException e) {
                failures.add(new PluginFailure(jar, describe(e)));
            }
        }
        return new Result(loaded, failures);
    }

    private ModuleLayer layerFor(Path jar) {
        ModuleFinder finder = ModuleFinder.of(jar);
        Set<String> roots = finder.findAll().stream()
                .map(ModuleReference::descriptor)
                .map(d -> d.name())
                .collect(Collectors.toSet());
        Configuration configuration = parent.configuration().resolve(finder, ModuleFinder.of(), roots);
        return parent.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    }

    private static List<Path> jarsIn(List<Path> directories) {
        List<Path> jars = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list plugin directory " + directory, e);
            }
        }
        return jars;
    }

    static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            message.append(": ").append(cause.getMessage());
        }
        return message.toString();
    }
}
