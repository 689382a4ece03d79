package org.synfire.cli.internal.runtime;

import java.util.List;
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

    /**
     * The provider of a circuit's model: {@code circuit} is a circuit's id or the id of one of its models' providers
     * (e.g. {@code sbp-functional}, kept as an alias of {@code sbp} with model {@code functional}).
     *
     * @param model {@value CircuitProvider#CHIP}, {@value CircuitProvider#FUNCTIONAL} or another model the circuit
     *              has; null for the provider {@code circuit} names (the chip model where it is a circuit's id)
     * @throws IllegalArgumentException for an unknown circuit or a model it does not have, naming those there are
     */
    public CircuitProvider circuit(String circuit, String model) {
        CircuitProvider named = circuits.byId().get(circuit);
        if (named == null) {
            // a circuit with no provider of its own id (e.g. only a functional model): its models by circuit()
            List<CircuitProvider> models = modelsOf(circuit);
            if (models.isEmpty()) {
                throw new UnknownExtensionException("circuit", circuit, circuits.byId().keySet());
            }
            named = models.stream().filter(p -> p.model().equals(CircuitProvider.CHIP)).findFirst()
                    .orElse(models.get(0));
        }
        if (model == null || model.equals(named.model())) {
            return named;
        }
        String of = named.circuit();
        return modelsOf(of).stream().filter(p -> p.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("circuit " + of + " has no model '" + model
                        + "'; its models: " + String.join(", ", modelsOf(of).stream().map(CircuitProvider::model)
                                .toList())));
    }

    /** The providers of every model of {@code circuit}, by id. */
    public List<CircuitProvider> modelsOf(String circuit) {
        return circuits.byId().values().stream().filter(p -> p.circuit().equals(circuit)).toList();
    }

    public ExtensionPoint<DatasetProvider> datasets() {
        return datasets;
    }

    /** Tables of energy and time figures per chip event. */
    public ExtensionPoint<CostModelProvider> costModels() {
        return costModels;
    }
}
