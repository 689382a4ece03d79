package org.synfire.chip.api.spi;

import org.synfire.chip.api.cost.CostTable;

/** Contributes a table of energy and time figures per chip event (one per data file). */
public interface CostModelProvider extends Extension {

    /** The table of figures. */
    CostTable table();
}
