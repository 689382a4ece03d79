/** Learning circuits, starting with the synfire-gated backprop circuit and its functional model. */
module org.synfire.circuits {
    requires transitive org.synfire.chip.api;
    requires transitive org.synfire.chip.model.loihi1;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports org.synfire.circuits.dsl;

    opens org.synfire.circuits.dsl to com.fasterxml.jackson.databind;

    provides org.synfire.chip.api.spi.CircuitProvider with
            org.synfire.circuits.internal.sbp.SbpChipProvider,
            org.synfire.circuits.internal.sbp.SbpFunctionalProvider;
}
