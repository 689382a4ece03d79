package org.synfire.cli.internal.runtime;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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
    /** Which model of which circuit each circuit provider is, by id, as it said at load. */
    private final SortedMap<String, CircuitModel> circuitModels = new TreeMap<>();

    @Inject
    Extensions(Map<String, ChipBackend> backends, Map<String, CircuitProvider> circuits,
            Map<String, DatasetProvider> datasets, Map<String, CostModelProvider> costModels, Identities identities) {
        this.backends = ExtensionPoint.of("backend", backends, identities);
        this.circuits = ExtensionPoint.of("circuit", circuits, identities);
        this.datasets = ExtensionPoint.of("data set", datasets, identities);
        this.costModels = ExtensionPoint.of("cost model", costModels, identities);
        // a provider found at load is not asked again; one bound otherwise (a test's) is asked here
        this.circuits.byId().forEach((id, provider) -> circuitModels.put(id, identities.of(provider)
                .map(Providers.Found::circuitModel)
                .orElseGet(() -> new CircuitModel(provider.circuit(), provider.model(), provider.needsBackend()))));
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
        String named = circuits.byId().containsKey(circuit) ? circuit : null;
        if (named == null) {
            // a circuit with no provider of its own id (e.g. only a functional model): its models by circuit()
            List<String> models = idsOf(circuit);
            if (models.isEmpty()) {
                throw new UnknownExtensionException("circuit", circuit, circuits.byId().keySet());
            }
            named = models.stream().filter(id -> circuitModels.get(id).model().equals(CircuitProvider.CHIP))
                    .findFirst().orElse(models.get(0));
        }
        CircuitModel namedModel = circuitModels.get(named);
        if (model == null || model.equals(namedModel.model())) {
            return circuits.byId().get(named);
        }
        String of = namedModel.circuit();
        return idsOf(of).stream().filter(id -> circuitModels.get(id).model().equals(model)).findFirst()
                .map(circuits.byId()::get)
                .orElseThrow(() -> new IllegalArgumentException("circuit " + of + " has no model '" + model
                        + "'; its models: " + String.join(", ", idsOf(of).stream()
                                .map(id -> circuitModels.get(id).model()).toList())));
    }

    /** The providers of every model of {@code circuit}, by id. */
    public List<CircuitProvider> modelsOf(String circuit) {
        return idsOf(circuit).stream().map(circuits.byId()::get).toList();
    }

    /** The ids of the providers of every model of {@code circuit}, in order. */
    private List<String> idsOf(String circuit) {
        return circuitModels.entrySet().stream().filter(e -> e.getValue().circuit().equals(circuit))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Which model of which circuit each circuit provider is, by id, as it said at load (its {@code circuit()},
     * {@code model()} and {@code needsBackend()} are not asked again).
     */
    public SortedMap<String, CircuitModel> circuitModels() {
        return Collections.unmodifiableSortedMap(circuitModels);
    }

    /**
     * Which model of which circuit this provider (one of {@link #circuits()}) is, as it said at load.
     *
     * @throws IllegalArgumentException for a provider that is not one of them
     */
    public CircuitModel circuitModel(CircuitProvider provider) {
        return circuits.byId().entrySet().stream().filter(e -> e.getValue() == provider).findFirst()
                .map(e -> circuitModels.get(e.getKey()))
                .orElseThrow(() -> new IllegalArgumentException("not one of the circuits: "
                        + provider.getClass().getName()));
    }

    public ExtensionPoint<DatasetProvider> datasets() {
        return datasets;
    }

    /** Tables of energy and time figures per chip event. */
    public ExtensionPoint<CostModelProvider> costModels() {
        return costModels;
    }
}
