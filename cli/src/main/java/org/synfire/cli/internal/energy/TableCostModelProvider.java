package org.synfire.cli.internal.energy;

import org.synfire.chip.api.cost.CostTable;
import org.synfire.chip.api.spi.CostModelProvider;

/** A cost model provider for one table read from a data file. */
public record TableCostModelProvider(CostTable table) implements CostModelProvider {

    @Override
    public String id() {
        return table.id();
    }

    @Override
    public String description() {
        return "energy and time figures of " + table.source();
    }
}
