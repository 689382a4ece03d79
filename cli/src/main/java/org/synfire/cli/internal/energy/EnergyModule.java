package org.synfire.cli.internal.energy;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

import org.synfire.chip.api.cost.CostTable;
import org.synfire.chip.api.spi.CostModelProvider;

/** Contributes a cost model provider for every cost table shipped (see {@link CostTables}). */
public final class EnergyModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, CostModelProvider> binder =
                MapBinder.newMapBinder(binder(), String.class, CostModelProvider.class);
        for (CostTable table : CostTables.shipped()) {
            binder.addBinding(table.id()).toInstance(new TableCostModelProvider(table));
        }
    }
}
