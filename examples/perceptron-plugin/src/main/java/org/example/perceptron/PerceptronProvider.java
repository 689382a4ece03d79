package org.example.perceptron;

import java.util.Optional;

import org.synfire.circuits.dsl.CircuitDescriptions;
import org.synfire.circuits.dsl.DescribedCircuitProvider;

/** {@code perceptron}: the circuit as data (perceptron-training.yaml) plus its Java parts ({@link PerceptronModel}). */
public final class PerceptronProvider extends DescribedCircuitProvider {

    public PerceptronProvider() {
        super("perceptron", "On-chip perceptron trained by the sBP output-layer rule (example plugin)",
                CircuitDescriptions.resource(PerceptronProvider.class, "perceptron-training.yaml"),
                Optional.of(CircuitDescriptions.resource(PerceptronProvider.class, "perceptron-inference.yaml")),
                new PerceptronModel());
    }
}
