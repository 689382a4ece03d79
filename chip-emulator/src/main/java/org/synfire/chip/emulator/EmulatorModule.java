package org.synfire.chip.emulator;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

import org.synfire.chip.api.spi.ChipBackend;

/** Contributes the {@code loihi1} backend to the platform. */
public final class EmulatorModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, ChipBackend.class)
                .addBinding(Loihi1Backend.ID).toInstance(new Loihi1Backend());
    }
}
