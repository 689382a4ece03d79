package org.synfire.circuits;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.synfire.circuits.dsl.CircuitDescription;
import org.synfire.circuits.dsl.CircuitDescriptions;

/** The shipped sBP circuit descriptions, made concrete for the sizes a test needs. */
public final class TestCircuits {

    public static final CircuitDescriptions.Template SBP = CircuitDescriptions.resource(TestCircuits.class,
            "/org/synfire/circuits/sbp/sbp-training.yaml");
    public static final CircuitDescriptions.Template SBP_INFERENCE = CircuitDescriptions.resource(TestCircuits.class,
            "/org/synfire/circuits/sbp/sbp-inference.yaml");

    private TestCircuits() {
    }

    /** The sBP training circuit for these layer sizes: inputs, each hidden layer, outputs. */
    public static CircuitDescription sbp(int inputs, int... hiddenThenOutputs) {
        return SBP.describe(layers(inputs, hiddenThenOutputs));
    }

    /** The parameters of a layered circuit: inputs, each hidden layer, outputs (the last value). */
    public static Map<String, List<Long>> layers(int inputs, int... hiddenThenOutputs) {
        Map<String, List<Long>> p = new LinkedHashMap<>();
        p.put("inputs", List.of((long) inputs));
        p.put("hidden", Arrays.stream(hiddenThenOutputs, 0, hiddenThenOutputs.length - 1).asLongStream().boxed()
                .toList());
        p.put("outputs", List.of((long) hiddenThenOutputs[hiddenThenOutputs.length - 1]));
        return p;
    }
}
