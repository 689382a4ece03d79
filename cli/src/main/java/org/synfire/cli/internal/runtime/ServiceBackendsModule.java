package org.synfire.cli.internal.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;

import org.synfire.chip.api.spi.ChipBackend;

/**
 * Binds the chip backends of Synfire's own layer that are declared only as {@link ServiceLoader} services
 * ({@code provides org.synfire.chip.api.spi.ChipBackend}), without a Guice module binding them, such as
 * {@code loihi1-reference}. Backends that a Guice module already binds are left to it. A bridge while providers
 * move from Guice modules to ServiceLoader registration.
 */
final class ServiceBackendsModule extends AbstractModule {

    private final List<ChipBackend> backends;

    private ServiceBackendsModule(List<ChipBackend> backends) {
        this.backends = backends;
    }

    /** The module for the service backends of {@code home} that none of {@code modules} binds. */
    static ServiceBackendsModule missingFrom(ModuleLayer home, List<Module> modules) {
        Set<String> bound = Guice.createInjector(Stage.DEVELOPMENT, modules)
                .getInstance(Key.get(new TypeLiteral<Map<String, ChipBackend>>() { }))
                .keySet();
        ServiceLoader<ChipBackend> loader = ServiceBackendsModule.class.getModule().isNamed()
                ? ServiceLoader.load(home, ChipBackend.class)
                : ServiceLoader.load(ChipBackend.class, ServiceBackendsModule.class.getClassLoader());
        return new ServiceBackendsModule(loader.stream()
                .map(ServiceLoader.Provider::get)
                .filter(backend -> !bound.contains(backend.id()))
                .sorted(Comparator.comparing(ChipBackend::id))
                .toList());
    }

    @Override
    protected void configure() {
        MapBinder<String, ChipBackend> map = MapBinder.newMapBinder(binder(), String.class, ChipBackend.class);
        for (ChipBackend backend : backends) {
            map.addBinding(backend.id()).toInstance(backend);
        }
    }
}
