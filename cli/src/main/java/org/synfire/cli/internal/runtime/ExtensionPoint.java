package org.synfire.cli.internal.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.synfire.chip.api.spi.Extension;

/**
 * The extensions contributed to one extension point, by id, with the description each gave.
 *
 * @param kind what the extensions are, for messages ("backend", "circuit", "data set")
 * @param byId the extensions, sorted by id
 * @param descriptions each extension's one-line description, by id
 */
public record ExtensionPoint<T extends Extension>(String kind, SortedMap<String, T> byId,
        SortedMap<String, String> descriptions) {

    public ExtensionPoint {
        byId = Collections.unmodifiableSortedMap(new TreeMap<>(byId));
        descriptions = Collections.unmodifiableSortedMap(new TreeMap<>(descriptions));
        if (!descriptions.keySet().equals(byId.keySet())) {
            throw new IllegalArgumentException(kind + ": descriptions of " + descriptions.keySet()
                    + " for the extensions " + byId.keySet());
        }
    }

    /**
     * Builds the point from a map as Guice's {@code MapBinder} provides it. A provider found at load is not asked
     * again: its id and description are those it gave then ({@code identities}); one bound otherwise (a test's) is
     * asked here.
     *
     * @throws IllegalStateException when an extension is bound under an id that is not its own
     */
    static <T extends Extension> ExtensionPoint<T> of(String kind, Map<String, T> byId, Identities identities) {
        SortedMap<String, String> descriptions = new TreeMap<>();
        for (Map.Entry<String, T> entry : byId.entrySet()) {
            Providers.Found found = identities.of(entry.getValue()).orElse(null);
            String id = found != null ? found.id() : entry.getValue().id();
            if (!entry.getKey().equals(id)) {
                throw new IllegalStateException(kind + " bound under id '" + entry.getKey() + "' reports the id '" + id
                        + "'");
            }
            descriptions.put(entry.getKey(),
                    found != null ? found.description() : Providers.oneLine(entry.getValue().description()));
        }
        return new ExtensionPoint<>(kind, new TreeMap<>(byId), descriptions);
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
