package org.synfire.cli.internal.runtime;

import java.nio.file.Path;
import java.util.List;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.util.Modules;

/**
 * The running platform: the providers {@link java.util.ServiceLoader} finds in Synfire's own layer and
 * in the plugin jars, in one {@link Registry}, and the Guice injector that binds them.
 *
 * <p>A provider is declared once, as a service: {@code provides <extension point> with <class>} in its
 * {@code module-info} (and in {@code META-INF/services/<extension point>} for the class path). Ids are
 * checked at load. A plugin jar that fails in any way (it cannot be read or resolved, a provider fails
 * to load or to be created, an id is not valid or taken) is left out and reported; the rest keep working.
 */
public final class Platform {

    static {
        // Synfire intercepts no methods: without Guice's class generation Guice never reaches sun.misc.Unsafe,
        // which JDK 24 and later warn about, four lines on every command
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
    }

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
        Registry registry = new Registry();
        registry.addBuiltIn(Providers.builtIn(home));
        PluginLoader.Result loaded = new PluginLoader(home).load(pluginDirectories, registry);
        Injector injector = Guice.createInjector(Stage.PRODUCTION,
                Modules.override(new ExtensionPointsModule(registry)).with(overrides));
        return new Platform(injector, loaded.loaded(), loaded.failures());
    }

    public Extensions extensions() {
        return extensions;
    }

    public Injector injector() {
        return injector;
    }

    /** The plugin jars that loaded and contributed their providers. */
    public List<PluginJar> plugins() {
        return plugins;
    }

    /** The plugin jars that were left out, with the reason. */
    public List<PluginFailure> failures() {
        return failures;
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
}
