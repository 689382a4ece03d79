/**
 * Energy and time estimates of a run from the events the chip counted ({@link org.synfire.chip.api.ChipEvents})
 * and a table of figures per event ({@link org.synfire.chip.api.cost.CostTable}) that names its source.
 */
package org.synfire.chip.api.cost;
