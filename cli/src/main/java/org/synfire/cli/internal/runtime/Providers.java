package org.synfire.cli.internal.runtime;

import java.lang.module.ModuleDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.synfire.chip.api.spi.Extension;

/**
 * Finds the providers of the extension points with {@link ServiceLoader}: those a module declares with
 * {@code provides <extension point> with <class>} in its {@code module-info} (or, on the class path, in
 * {@code META-INF/services/<extension point>}). Each provider is created once and asked for its id and
 * description there and then, so that a provider that fails does so at load, where it is reported.
 */
final class Providers {

    /** A provider ServiceLoader gave, with the id it reported at load. */
    record Found(ExtensionKind kind, String id, Extension extension) {

        String className() {
            return extension.getClass().getName();
        }
    }

    private Providers() {
    }

    /**
     * Synfire's own providers: those of the home layer, or of the class path when Synfire runs from it.
     *
     * @throws IllegalStateException when one of them fails: a fault of Synfire's, not of a plugin
     */
    static List<Found> builtIn(ModuleLayer home) {
        boolean named = Providers.class.getModule().isNamed();
        List<Found> found = new ArrayList<>();
        for (ExtensionKind kind : ExtensionKind.values()) {
            ServiceLoader<? extends Extension> loader = named
                    ? ServiceLoader.load(home, kind.type())
                    : ServiceLoader.load(kind.type(), Providers.class.getClassLoader());
            try {
                found.addAll(scan(kind, loader, null, List.of()));
            } catch (PluginException e) {
                throw new IllegalStateException("built-in " + e.getMessage());
            }
        }
        return found;
    }

    /**
     * The providers a plugin's layer declares itself (not those of the layers above it).
     *
     * @throws PluginException when it declares none, or one of them cannot be loaded, created or asked
     *         for its id, or reports an id that is not valid
     */
    static List<Found> inLayer(ModuleLayer layer) throws PluginException {
        List<Found> found = new ArrayList<>();
        boolean declaresAny = false;
        for (ExtensionKind kind : ExtensionKind.values()) {
            List<String> declared = declared(layer, kind.type().getName());
            if (!declared.isEmpty()) {
                declaresAny = true;
                found.addAll(scan(kind, ServiceLoader.load(layer, kind.type()), layer, declared));
            }
        }
        if (!declaresAny) {
            boolean guice = !declared(layer, "com.google.inject.Module").isEmpty();
            throw new PluginException("it provides none of Synfire's extension points: declare its providers with "
                    + "'provides org.synfire.chip.api.spi.ChipBackend with <class>' (or CircuitProvider, DatasetProvider, "
                    + "CostModelProvider) in its module-info and in META-INF/services"
                    + (guice ? "; the Guice module it declares is not read (Synfire binds the providers itself)" : ""));
        }
        return found;
    }

    /**
     * The providers {@code loader} gives, {@code layer}'s own only when it is not null (they come before
     * those of its parents). {@code declared} names them in the order the loader finds them, so that a
     * class that fails to load can be named.
     */
    private static List<Found> scan(ExtensionKind kind, ServiceLoader<? extends Extension> loader, ModuleLayer layer,
            List<String> declared) throws PluginException {
        List<Found> found = new ArrayList<>();
        Iterator<? extends ServiceLoader.Provider<? extends Extension>> providers = loader.stream().iterator();
        for (int index = 0; ; index++) {
            ServiceLoader.Provider<? extends Extension> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                String name = index < declared.size() ? declared.get(index) : "";
                throw new PluginException("cannot load the " + kind + " class " + name + ": " + inWords(e));
            }
            if (layer != null && provider.type().getModule().getLayer() != layer) {
                break;
            }
            String name = provider.type().getName();
            Extension extension;
            try {
                extension = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw new PluginException(kind + " " + name + " cannot be created: " + inWords(e));
            }
            String id;
            try {
                id = extension.id();
                extension.description();
            } catch (RuntimeException | LinkageError e) {
                throw new PluginException(kind + " " + name + " failed when asked for its id and description: "
                        + inWords(e));
            }
            try {
                Extension.requireValidId(id);
            } catch (IllegalArgumentException e) {
                throw new PluginException(kind + " " + name + ": " + e.getMessage());
            }
            found.add(new Found(kind, id, extension));
        }
        return found;
    }

    /** The provider classes the modules of a layer declare for a service, in declaration order. */
    private static List<String> declared(ModuleLayer layer, String service) {
        return layer.modules().stream()
                .sorted(Comparator.comparing(Module::getName))
                .map(Module::getDescriptor)
                .flatMap(d -> d.provides().stream())
                .filter(p -> p.service().equals(service))
                .flatMap((ModuleDescriptor.Provides p) -> p.providers().stream())
                .toList();
    }

    /** What went wrong in a provider, in words, without the wrapping of ServiceLoader and reflection. */
    static String inWords(Throwable e) {
        Throwable t = e;
        while ((t instanceof ServiceConfigurationError || t instanceof InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ExceptionInInitializerError && t.getCause() != null) {
            return "its static initialiser threw " + plain(t.getCause());
        }
        if (t instanceof NoClassDefFoundError && t.getMessage() != null && !t.getMessage().contains(" ")) {
            return "a class it needs is missing: " + t.getMessage().replace('/', '.') + " (NoClassDefFoundError)";
        }
        if (t instanceof IllegalAccessError) {
            return "it uses a class it may not access (" + plain(t)
                    + "); a plugin may use only the packages Synfire's modules export";
        }
        return plain(t);
    }

    /** The class and message of a throwable and of its causes. */
    static String plain(Throwable e) {
        StringBuilder words = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t != e) {
                words.append(" (caused by ");
            }
            words.append(t.getClass().getSimpleName());
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                words.append(": ").append(t.getMessage());
            }
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            words.append(')');
        }
        return words.toString();
    }
}
