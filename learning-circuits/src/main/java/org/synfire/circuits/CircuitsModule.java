package org.synfire.circuits;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.circuits.internal.sbp.SbpChipProvider;
import org.synfire.circuits.internal.sbp.SbpFunctionalProvider;

/** Contributes the built-in learning circuits to the platform. */
public final class CircuitsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, CircuitProvider> circuits = MapBinder.newMapBinder(binder(), String.class,
                CircuitProvider.class);
        circuits.addBinding(SbpChipProvider.ID).toInstance(new SbpChipProvider());
        circuits.addBinding(SbpFunctionalProvider.ID).toInstance(new SbpFunctionalProvider());
    }
}
