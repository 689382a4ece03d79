package org.synfire.cli.internal.runtime;

import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.multibindings.MapBinder;

import org.synfire.chip.api.spi.Extension;

/**
 * Binds the providers of the registry into one {@code MapBinder<String, T>} per extension point
 * ({@code Map<String, ChipBackend>} and so on), under their ids; the maps exist, empty, when no
 * provider binds into them.
 *
 * <p>Each provider is bound through a {@link Provider} that returns the instance ServiceLoader made,
 * rather than {@code toInstance}: Guice then never inspects a plugin's classes for members to inject,
 * which a plugin's module may not allow.
 */
final class ExtensionPointsModule extends AbstractModule {

    private final Registry registry;

    ExtensionPointsModule(Registry registry) {
        this.registry = registry;
    }

    @Override
    protected void configure() {
        for (ExtensionKind kind : ExtensionKind.values()) {
            bind(kind.type(), registry.extensions(kind));
        }
        bind(Identities.class).toInstance(registry.identities());
    }

    private <T extends Extension> void bind(Class<T> type, Map<String, Extension> byId) {
        MapBinder<String, T> map = MapBinder.newMapBinder(binder(), String.class, type);
        byId.forEach((id, extension) -> map.addBinding(id).toProvider(new Fixed<>(type.cast(extension))));
    }

    /** Always the same instance. */
    private static final class Fixed<T> implements Provider<T> {

        private final T instance;

        Fixed(T instance) {
            this.instance = instance;
        }

        @Override
        public T get() {
            return instance;
        }
    }
}
