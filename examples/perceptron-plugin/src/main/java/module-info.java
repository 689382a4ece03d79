/** An example learning-circuit plugin for Synfire: an on-chip perceptron and its functional model. */
module org.example.perceptron {
    requires org.synfire.chip.api;
    requires org.synfire.circuits;

    provides org.synfire.chip.api.spi.CircuitProvider with
            org.example.perceptron.PerceptronProvider,
            org.example.perceptron.PerceptronFunctionalProvider;
}
