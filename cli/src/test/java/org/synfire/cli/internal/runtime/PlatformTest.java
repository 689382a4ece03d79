package org.synfire.cli.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.cost.CostTable;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.cli.internal.energy.CostTables;

class PlatformTest {

    @Test
    void findsTheBuiltInProvidersWithServiceLoader() {
        Platform platform = Platform.start(List.of());

        assertEquals("loihi1", platform.extensions().backends().get("loihi1").id());
        assertEquals(Set.of("ideal", "loihi1", "loihi1-reference", "loihi2"), platform.extensions().backends().byId().keySet());
        assertEquals(Set.of("sbp", "sbp-functional"), platform.extensions().circuits().byId().keySet());
        assertEquals(Set.of("mnist20", "mnist28", "fashion-mnist28", "mnist20-mini"),
                platform.extensions().datasets().byId().keySet());
        assertEquals(List.of(), platform.failures());
    }

    /** Each provider is declared once, in the same way in both places: module-info, and META-INF/services for the class path. */
    @Test
    void everyBuiltInModuleDeclaresTheSameProvidersInModuleInfoAndMetaInfServices() throws IOException {
        ModuleLayer layer = Platform.class.getModule().getLayer();
        assumeTrue(layer != null, "runs on the module path");
        Set<String> checked = new TreeSet<>();
        for (Module module : layer.modules()) {
            if (!module.getName().startsWith("org.synfire.")) {
                continue;
            }
            for (ExtensionKind kind : ExtensionKind.values()) {
                String service = kind.type().getName();
                List<String> declared = module.getDescriptor().provides().stream()
                        .filter(p -> p.service().equals(service))
                        .flatMap(p -> p.providers().stream())
                        .toList();
                List<String> listed;
                try (InputStream in = module.getResourceAsStream("META-INF/services/" + service)) {
                    listed = in == null ? List.of()
                            : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
                }
                assertEquals(declared, listed, module.getName() + ": provides " + service + " vs META-INF/services");
                if (!declared.isEmpty()) {
                    checked.add(module.getName());
                }
            }
            assertTrue(module.getDescriptor().provides().stream().noneMatch(p -> p.service().startsWith("com.google.inject")),
                    module.getName() + " still provides a Guice module");
        }
        assertEquals(Set.of("org.synfire.chip.emulator", "org.synfire.chip.emulator.reference",
                "org.synfire.chip.emulator.loihi2", "org.synfire.chip.emulator.ideal", "org.synfire.circuits", "org.synfire.cli",
                "org.synfire.datasets"),
                checked);
    }

    @Test
    void everyShippedCostTableIsAProvider() {
        Platform platform = Platform.start(List.of());

        assertEquals(CostTables.shipped().stream().map(CostTable::id).collect(Collectors.toSet()),
                platform.extensions().costModels().byId().keySet());
        assertEquals(CostTables.defaultTable(), platform.extensions().costModels().get("loihi1-davies2018").table());
    }

    @Test
    void eachBindingGivesTheOneInstanceServiceLoaderMade() {
        Platform platform = Platform.start(List.of());

        assertSame(platform.extensions().backends().get("loihi1"),
                platform.injector().getInstance(Key.get(new TypeLiteral<Map<String, ChipBackend>>() { })).get("loihi1"));
    }

    @Test
    void anUnknownIdIsAnErrorListingTheIdsAvailable() {
        Platform platform = Platform.start(List.of());

        UnknownExtensionException e = assertThrows(UnknownExtensionException.class,
                () -> platform.extensions().backends().get("truenorth"));

        assertEquals("unknown backend 'truenorth'; available: ideal, loihi1, loihi1-reference, loihi2", e.getMessage());
    }

    @Test
    void testsCanAddOrReplaceBindings() {
        ChipBackend mockBackend = mock(ChipBackend.class);
        when(mockBackend.id()).thenReturn("mock");
        Platform platform = Platform.start(List.of(), new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, ChipBackend.class)
                        .addBinding("mock").toInstance(mockBackend);
            }
        });

        assertSame(mockBackend, platform.extensions().backends().get("mock"));
    }

    @Test
    void aProviderBoundUnderAnotherIdThanItsOwnIsRefused() {
        ChipBackend liar = mock(ChipBackend.class);
        when(liar.id()).thenReturn("something-else");
        AbstractModule binding = new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, ChipBackend.class)
                        .addBinding("liar").toInstance(liar);
            }
        };

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Platform.start(List.of(), binding));
        assertEquals("backend bound under id 'liar' reports the id 'something-else'", e.getMessage());
    }
}
