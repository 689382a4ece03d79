package org.synfire.cli.internal.runtime;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.spi.Extension;

/**
 * The id and description each provider gave when it was loaded (and a circuit provider's {@link CircuitModel}), by
 * instance: a provider is asked for them once, at load, where a failure is isolated and reported, and never again (a plugin's second answer might differ, throw
 * or not return).
 */
final class Identities {

    private final Map<Extension, Providers.Found> byInstance = new IdentityHashMap<>();

    Identities(List<Providers.Found> found) {
        found.forEach(f -> byInstance.put(f.extension(), f));
    }

    /** What this provider gave at load, if it was loaded (not bound by a test). */
    Optional<Providers.Found> of(Extension extension) {
        return Optional.ofNullable(byInstance.get(extension));
    }
}
