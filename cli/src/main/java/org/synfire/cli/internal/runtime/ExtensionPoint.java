package org.synfire.cli.internal.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.synfire.chip.api.spi.Extension;

/**
 * The extensions contributed to one extension point, by id.
 *
 * @param kind what the extensions are, for messages ("backend", "circuit", "data set")
 * @param byId the extensions, sorted by id
 */
public record ExtensionPoint<T extends Extension>(String kind, SortedMap<String, T> byId) {

    public ExtensionPoint {
        // ids are checked for form and clashes once, when the providers are loaded (Registry)
        for (Map.Entry<String, T> entry : byId.entrySet()) {
            if (!entry.getKey().equals(entry.getValue().id())) {
                throw new IllegalStateException(kind + " bound under id '" + entry.getKey()
                        + "' reports the id '" + entry.getValue().id() + "'");
            }
        }
        byId = Collections.unmodifiableSortedMap(new TreeMap<>(byId));
    }

    /** Builds the point from a map as Guice's {@code MapBinder} provides it. */
    public static <T extends Extension> ExtensionPoint<T> of(String kind, Map<String, T> byId) {
        return new ExtensionPoint<>(kind, new TreeMap<>(byId));
    }

    /**
     * The extension with this id.
     *
     * @throws UnknownExtensionException naming the id and the ids available
     */
    public T get(String id) {
        T extension = byId.get(id);
        if (extension == null) {
            throw new UnknownExtensionException(kind, id, byId.keySet());
        }
        return extension;
    }
}
