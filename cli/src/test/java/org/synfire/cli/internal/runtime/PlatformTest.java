package org.synfire.cli.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.spi.ChipBackend;

class PlatformTest {

    @Test
    void findsTheBuiltInBackendThroughItsGuiceModule() {
        Platform platform = Platform.start(List.of());

        assertEquals("loihi1", platform.extensions().backends().get("loihi1").id());
        assertEquals(List.of(), platform.failures());
    }

    @Test
    void anUnknownIdIsAnErrorListingTheIdsAvailable() {
        Platform platform = Platform.start(List.of());

        UnknownExtensionException e = assertThrows(UnknownExtensionException.class,
                () -> platform.extensions().backends().get("truenorth"));

        assertEquals("unknown backend 'truenorth'; available: loihi1, loihi1-reference", e.getMessage());
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
