package org.synfire.cli.internal.runtime;

import java.util.Map;

import com.google.inject.Inject;

import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.chip.api.spi.CostModelProvider;
import org.synfire.chip.api.spi.DatasetProvider;

/** Every extension the runtime found, per extension point; Guice builds it from the map bindings. */
public final class Extensions {

    private final ExtensionPoint<ChipBackend> backends;
    private final ExtensionPoint<CircuitProvider> circuits;
    private final ExtensionPoint<DatasetProvider> datasets;
    private final ExtensionPoint<CostModelProvider> costModels;

    @Inject
    Extensions(Map<String, ChipBackend> backends, Map<String, CircuitProvider> circuits,
            Map<String, DatasetProvider> datasets, Map<String, CostModelProvider> costModels, Identities identities) {
        this.backends = ExtensionPoint.of("backend", backends, identities);
        this.circuits = ExtensionPoint.of("circuit", circuits, identities);
        this.datasets = ExtensionPoint.of("data set", datasets, identities);
        this.costModels = ExtensionPoint.of("cost model", costModels, identities);
    }

    public ExtensionPoint<ChipBackend> backends() {
        return backends;
    }

    public ExtensionPoint<CircuitProvider> circuits() {
        return circuits;
    }

    public ExtensionPoint<DatasetProvider> datasets() {
        return datasets;
    }

    /** Tables of energy and time figures per chip event. */
    public ExtensionPoint<CostModelProvider> costModels() {
        return costModels;
    }
}
