package org.synfire.cli.internal.runtime;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the jars of plugin directories, each into a child {@link ModuleLayer} of its own, and registers
 * the providers each declares. Each jar is first read with size caps and checked for calls that would end
 * the command ({@link PluginArchive}). A jar that cannot be used, for whatever reason, is reported in one
 * line and left out as a whole; the others are loaded all the same.
 */
public final class PluginLoader {

    /** What loading the plugin directories gave: the loaded jars and the ones that failed. */
    public record Result(List<PluginJar> loaded, List<PluginFailure> failures) {
        public Result {
            loaded = List.copyOf(loaded);
            failures = List.copyOf(failures);
        }
    }

    private static final Pattern MISSING = Pattern.compile("Module (\\S+) not found, required by (\\S+)");

    private final ModuleLayer parent;

    /** @param parent the layer that holds Synfire's own modules, which plugins may require */
    public PluginLoader(ModuleLayer parent) {
        this.parent = parent;
    }

    /**
     * Loads every {@code *.jar} directly inside the given directories, in order of their paths, and adds
     * their providers to {@code registry}; missing directories are skipped.
     */
    Result load(List<Path> directories, Registry registry) {
        List<PluginJar> loaded = new ArrayList<>();
        List<PluginFailure> failures = new ArrayList<>();
        Map<String, Path> moduleNames = new HashMap<>();
        for (Path jar : jarsIn(directories, failures)) {
            try {
                PluginArchive.check(jar); // caps and forbidden calls, before the module finder reads anything
                ModuleReference module = moduleOf(jar);
                String name = module.descriptor().name();
                if (parent.findModule(name).isPresent()) {
                    throw new PluginException("its module is named " + name + ", as a module Synfire runs with;"
                            + " give the plugin's module a name of its own");
                }
                Path other = moduleNames.get(name);
                if (other != null) {
                    throw new PluginException("its module is named " + name + ", as the module of plugin " + other
                            + "; give each plugin's module a name of its own");
                }
                ModuleLayer layer = layerFor(jar, name);
                CommandExit.pluginModule(name, jar); // before any of its code runs: its stack frames name the jar
                registry.add(Providers.inLayer(layer), jar);
                moduleNames.put(name, jar);
                loaded.add(new PluginJar(jar, layer));
            } catch (PluginException e) {
                failures.add(new PluginFailure(jar, e.getMessage()));
            } catch (Throwable e) { // whatever a plugin's code or its jar makes the JVM throw, Errors included
                failures.add(new PluginFailure(jar, "failed to load: " + Providers.inWords(e)));
            }
        }
        return new Result(loaded, failures);
    }

    private static ModuleReference moduleOf(Path jar) throws PluginException {
        try {
            Set<ModuleReference> modules = ModuleFinder.of(jar).findAll();
            if (modules.size() != 1) {
                throw new PluginException("holds no module");
            }
            return modules.iterator().next();
        } catch (FindException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw new PluginException("not a jar that can be read (" + Providers.plain(cause) + ")");
            }
            throw new PluginException("holds no valid module (" + Providers.plain(cause != null ? cause : e) + ")");
        }
    }

    private ModuleLayer layerFor(Path jar, String name) throws PluginException {
        Configuration configuration;
        try {
            configuration = parent.configuration().resolve(ModuleFinder.of(jar), ModuleFinder.of(), Set.of(name));
        } catch (ResolutionException | FindException e) {
            Matcher missing = MISSING.matcher(String.valueOf(e.getMessage()));
            if (missing.find()) {
                throw new PluginException("missing module dependency: module " + missing.group(1) + ", required by "
                        + missing.group(2) + ", is neither in the jar nor among Synfire's modules; a plugin may"
                        + " require only the JDK's and Synfire's modules");
            }
            throw new PluginException("its module does not resolve: " + e.getMessage());
        }
        try {
            return parent.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        } catch (RuntimeException e) {
            throw new PluginException("its module cannot be defined: " + Providers.plain(e));
        }
    }

    private static List<Path> jarsIn(List<Path> directories, List<PluginFailure> failures) {
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
            } catch (IOException | RuntimeException e) {
                failures.add(new PluginFailure(directory, "cannot list the plugin directory (" + Providers.plain(e) + ")"));
            }
        }
        return jars;
    }
}
