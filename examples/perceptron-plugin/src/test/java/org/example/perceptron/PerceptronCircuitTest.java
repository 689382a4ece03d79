package org.example.perceptron;

import org.junit.jupiter.api.Test;
import org.synfire.circuits.testkit.CircuitTestKit;

/**
 * The check every circuit plugin should have: the chip circuit learns, sample by sample, exactly what its
 * functional model learns, and its inference predicts what the model's evaluation predicts.
 */
class PerceptronCircuitTest {

    @Test
    void theChipCircuitLearnsWhatItsFunctionalModelLearns() {
        // 100 random binary inputs (a quarter active), 10 classes: enough for every output to learn and unlearn
        CircuitTestKit.assertChipEqualsModel(new PerceptronProvider(), new PerceptronFunctionalProvider(),
                CircuitTestKit.settings(100, 10, 7), CircuitTestKit.randomSamples(60, 100, 10, 7));
    }
}
