package org.synfire.cli.internal.energy;

import org.synfire.chip.api.cost.CostTable;
import org.synfire.chip.api.spi.CostModelProvider;

/**
 * A cost model provider for one table read from a data file. Each shipped table has a subclass with
 * a no-argument constructor, declared as a {@code CostModelProvider} service in {@code module-info}
 * and {@code META-INF/services}.
 */
public class TableCostModelProvider implements CostModelProvider {

    private final CostTable table;

    public TableCostModelProvider(CostTable table) {
        this.table = table;
    }

    @Override
    public String id() {
        return table.id();
    }

    @Override
    public String description() {
        return "energy and time figures of " + table.source();
    }

    @Override
    public CostTable table() {
        return table;
    }
}
