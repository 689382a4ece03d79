package org.synfire.cli.internal.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.chip.api.spi.DatasetProvider;

/** Declares the three extension-point maps, so that they exist (empty) even when no provider binds into them. */
final class ExtensionPointsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, ChipBackend.class);
        MapBinder.newMapBinder(binder(), String.class, CircuitProvider.class);
        MapBinder.newMapBinder(binder(), String.class, DatasetProvider.class);
    }
}
