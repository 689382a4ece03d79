package org.synfire.cli.internal.runtime;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.chip.api.spi.CostModelProvider;
import org.synfire.chip.api.spi.DatasetProvider;
import org.synfire.chip.api.spi.Extension;

/** The extension points, each the service interface providers declare and what it is called in messages. */
enum ExtensionKind {
    BACKEND(ChipBackend.class, "backend"),
    CIRCUIT(CircuitProvider.class, "circuit"),
    DATA_SET(DatasetProvider.class, "data set"),
    COST_MODEL(CostModelProvider.class, "cost model");

    private final Class<? extends Extension> type;
    private final String words;

    ExtensionKind(Class<? extends Extension> type, String words) {
        this.type = type;
        this.words = words;
    }

    /** The service interface, as named in {@code provides ... with} and {@code META-INF/services}. */
    Class<? extends Extension> type() {
        return type;
    }

    @Override
    public String toString() {
        return words;
    }
}
