package org.synfire.cli.internal.energy;

/**
 * The table {@code loihi1-davies2018-blouw2019.json}: Loihi-1's per-event figures from Davies et al. 2018, Table 2,
 * with the learning engine charged for every plastic synapse it visits, and static power from the idle power
 * Blouw et al. 2019 measured.
 */
public final class Loihi1Davies2018Blouw2019CostModel extends TableCostModelProvider {

    public Loihi1Davies2018Blouw2019CostModel() {
        super(CostTables.read("loihi1-davies2018-blouw2019.json"));
    }
}
