package org.synfire.cli.internal.energy;

/** The table {@code loihi1-davies2018.json}: Loihi-1's figures from Davies et al. 2018, Table 2. */
public final class Loihi1Davies2018CostModel extends TableCostModelProvider {

    public Loihi1Davies2018CostModel() {
        super(CostTables.read("loihi1-davies2018.json"));
    }
}
