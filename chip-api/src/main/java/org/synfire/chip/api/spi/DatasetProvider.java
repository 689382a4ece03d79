package org.synfire.chip.api.spi;

/** Extension point for data sets that circuits train and are evaluated on. */
public interface DatasetProvider extends Extension {
}
