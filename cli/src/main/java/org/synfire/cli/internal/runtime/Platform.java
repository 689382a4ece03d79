package org.synfire.cli.internal.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.util.Modules;

/**
 * The running platform: the Guice injector made of every provider module found in Synfire's own
 * layer and in the plugin jars, and the extensions it binds.
 *
 * <p>Providers contribute a Guice {@link Module}, declared as a service, that binds them into the
 * {@code MapBinder} of their extension point under their id. A plugin jar whose module fails to
 * load or to bind (a duplicate id, say) is left out and reported; the rest keep working.
 */
public final class Platform {

    private final Injector injector;
    private final Extensions extensions;
    private final List<PluginJar> plugins;
    private final List<PluginFailure> failures;

    private Platform(Injector injector, List<PluginJar> plugins, List<PluginFailure> failures) {
        this.injector = injector;
        this.extensions = extensionsOf(injector);
        this.plugins = List.copyOf(plugins);
        this.failures = List.copyOf(failures);
    }

    /** Starts the platform with the plugins of these directories. */
    public static Platform start(List<Path> pluginDirectories) {
        return start(pluginDirectories, Modules.EMPTY_MODULE);
    }

    /**
     * Starts the platform with the plugins of these directories, letting {@code overrides} replace
     * any binding (as tests do with {@link Modules#override}).
     */
    public static Platform start(List<Path> pluginDirectories, Module overrides) {
        ModuleLayer home = homeLayer();
        List<Module> modules = new ArrayList<>();
        modules.add(new ExtensionPointsModule());
        modules.addAll(homeModules(home));
        modules.add(ServiceBackendsModule.missingFrom(home, modules));
        Injector injector = create(modules, overrides);

        PluginLoader.Result loaded = new PluginLoader(home).load(pluginDirectories);
        List<PluginJar> plugins = new ArrayList<>();
        List<PluginFailure> failures = new ArrayList<>(loaded.failures());
        for (PluginJar plugin : loaded.loaded()) {
            try {
                List<Module> withPlugin = new ArrayList<>(modules);
                withPlugin.addAll(modulesOf(plugin.layer()));
                injector = create(withPlugin, overrides);
                modules = withPlugin;
                plugins.add(plugin);
            } catch (ServiceConfigurationError | CreationException | IllegalStateException e) {
                failures.add(new PluginFailure(plugin.jar(), PluginLoader.describe(e)));
            }
        }
        return new Platform(injector, plugins, failures);
    }

    public Extensions extensions() {
        return extensions;
    }

    public Injector injector() {
        return injector;
    }

    /** The plugin jars that loaded and contributed their modules. */
    public List<PluginJar> plugins() {
        return plugins;
    }

    /** The plugin jars that were left out, with the reason. */
    public List<PluginFailure> failures() {
        return failures;
    }

    /** Creates the injector and checks that the extensions it binds are consistent. */
    private static Injector create(List<Module> modules, Module overrides) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, Modules.override(modules).with(overrides));
        extensionsOf(injector);
        return injector;
    }

    /** The extensions, with an inconsistent binding (an id that is not the provider's own) as the plain error. */
    private static Extensions extensionsOf(Injector injector) {
        try {
            return injector.getInstance(Extensions.class);
        } catch (ProvisionException e) {
            if (e.getCause() instanceof IllegalStateException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The layer of Synfire's own modules; the boot layer when running from the class path. */
    private static ModuleLayer homeLayer() {
        ModuleLayer layer = Platform.class.getModule().getLayer();
        return layer != null ? layer : ModuleLayer.boot();
    }

    private static List<Module> homeModules(ModuleLayer home) {
        ServiceLoader<Module> loader = Platform.class.getModule().isNamed()
                ? ServiceLoader.load(home, Module.class)
                : ServiceLoader.load(Module.class, Platform.class.getClassLoader());
        return sorted(loader.stream().map(ServiceLoader.Provider::get).toList());
    }

    /** The modules a plugin layer itself declares, not those its parents already gave. */
    private static List<Module> modulesOf(ModuleLayer layer) {
        return sorted(ServiceLoader.load(layer, Module.class).stream()
                .filter(p -> p.type().getModule().getLayer() == layer)
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    private static List<Module> sorted(List<Module> modules) {
        return modules.stream().sorted(Comparator.comparing(m -> m.getClass().getName())).toList();
    }
}
