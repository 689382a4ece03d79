package org.example.perceptron;

import java.util.Optional;

import org.synfire.circuits.dsl.CircuitDescriptions;
import org.synfire.circuits.dsl.DescribedCircuitProvider;

/** {@code perceptron}: the circuit as data (perceptron-training.yaml) plus its Java parts ({@link PerceptronModel}). */
public final class PerceptronProvider extends DescribedCircuitProvider {

    public PerceptronProvider() {
        super("perceptron", "On-chip perceptron trained by the sBP output-layer rule (example plugin)",
                description("perceptron-training.yaml"), Optional.of(description("perceptron-inference.yaml")),
                new PerceptronModel());
    }

    /** A description beside this class, read here: a resource of this module is not open to the runtime's. */
    private static CircuitDescriptions.Template description(String name) {
        return CircuitDescriptions.read(PerceptronProvider.class.getResourceAsStream(name), name);
    }
}
