package org.synfire.datasets;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

import org.synfire.chip.api.spi.DatasetProvider;

/** Contributes the MNIST and Fashion-MNIST data sets to the platform, each under its id. */
public final class DatasetsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, DatasetProvider> datasets =
                MapBinder.newMapBinder(binder(), String.class, DatasetProvider.class);
        for (DatasetProvider provider : new DatasetProvider[] {new Mnist20Provider(), new Mnist28Provider(),
                new FashionMnist28Provider(), new Mnist20MiniProvider()}) {
            datasets.addBinding(provider.id()).toInstance(provider);
        }
    }
}
