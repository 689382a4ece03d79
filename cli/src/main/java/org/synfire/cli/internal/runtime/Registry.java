package org.synfire.cli.internal.runtime;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.synfire.chip.api.spi.Extension;

/**
 * Every provider found, per extension point and id, with where it came from: the one registry the
 * Guice bindings are made of. An id is taken once per extension point, and a circuit's model
 * ({@code --circuit C --model M}) once; a plugin that brings an id or a circuit's model already taken
 * (by a built-in provider, another plugin, or twice itself) is refused as a whole.
 */
final class Registry {

    /** A registered provider; {@code plugin} is null for a built-in one. */
    private record Entry(Providers.Found found, Path plugin) {

        String describe() {
            String what = found.kind() + " " + found.className();
            return plugin == null ? "the built-in " + what : what + " of plugin " + plugin;
        }
    }

    private final Map<ExtensionKind, SortedMap<String, Entry>> entries = new EnumMap<>(ExtensionKind.class);
    /** The circuit providers by the circuit's model they are: one provider for each. */
    private final Map<CircuitModelKey, Entry> circuitModels = new HashMap<>();

    /** A circuit and one of its models, as {@code --circuit} and {@code --model} name it. */
    private record CircuitModelKey(String circuit, String model) {

        static CircuitModelKey of(Providers.Found found) {
            return new CircuitModelKey(found.circuitModel().circuit(), found.circuitModel().model());
        }
    }

    Registry() {
        for (ExtensionKind kind : ExtensionKind.values()) {
            entries.put(kind, new TreeMap<>());
        }
    }

    /**
     * Registers Synfire's own providers.
     *
     * @throws IllegalStateException when two of them have the same id
     */
    void addBuiltIn(List<Providers.Found> found) {
        try {
            add(found, null);
        } catch (PluginException e) {
            throw new IllegalStateException("built-in providers: " + e.getMessage());
        }
    }

    /**
     * Registers the providers of a plugin jar, all or none.
     *
     * @throws PluginException naming both providers when an id, or a circuit's model, is taken
     */
    void add(List<Providers.Found> found, Path plugin) throws PluginException {
        Map<ExtensionKind, Map<String, Providers.Found>> own = new EnumMap<>(ExtensionKind.class);
        Map<CircuitModelKey, Providers.Found> ownModels = new HashMap<>();
        for (Providers.Found f : found) {
            Entry taken = entries.get(f.kind()).get(f.id());
            if (taken != null) {
                throw new PluginException(f.kind() + " id '" + f.id() + "' of " + f.className()
                        + " is already taken by " + taken.describe() + "; give the " + f.kind()
                        + " an id of its own");
            }
            Providers.Found twin = own.computeIfAbsent(f.kind(), k -> new HashMap<>()).putIfAbsent(f.id(), f);
            if (twin != null) {
                throw new PluginException(f.kind() + " id '" + f.id() + "' is reported by both " + twin.className()
                        + " and " + f.className() + "; give each " + f.kind() + " an id of its own");
            }
            if (f.circuitModel() != null) {
                CircuitModelKey key = CircuitModelKey.of(f);
                Entry modelTaken = circuitModels.get(key);
                if (modelTaken != null) {
                    throw new PluginException(f.kind() + " '" + f.id() + "' of " + f.className() + " is "
                            + f.circuitModel().option() + ", which is already the " + f.kind() + " '"
                            + modelTaken.found().id() + "', " + modelTaken.describe() + "; give the " + f.kind()
                            + " a circuit() or model() of its own");
                }
                Providers.Found modelTwin = ownModels.putIfAbsent(key, f);
                if (modelTwin != null) {
                    throw new PluginException(f.kind() + "s '" + modelTwin.id() + "' and '" + f.id() + "' (" + twin(
                            modelTwin, f) + ") are both " + f.circuitModel().option() + "; give each " + f.kind()
                            + " a circuit() or model() of its own");
                }
            }
        }
        for (Providers.Found f : found) {
            Entry entry = new Entry(f, plugin);
            entries.get(f.kind()).put(f.id(), entry);
            if (f.circuitModel() != null) {
                circuitModels.put(CircuitModelKey.of(f), entry);
            }
        }
    }

    private static String twin(Providers.Found a, Providers.Found b) {
        return a.className().equals(b.className()) ? a.className() : a.className() + " and " + b.className();
    }

    /** The id and description of every provider registered, as it gave them at load. */
    Identities identities() {
        return new Identities(entries.values().stream().flatMap(m -> m.values().stream()).map(Entry::found).toList());
    }

    /** The providers of one extension point, by id. */
    SortedMap<String, Extension> extensions(ExtensionKind kind) {
        SortedMap<String, Extension> byId = new TreeMap<>();
        entries.get(kind).forEach((id, entry) -> byId.put(id, entry.found().extension()));
        return Collections.unmodifiableSortedMap(byId);
    }
}
