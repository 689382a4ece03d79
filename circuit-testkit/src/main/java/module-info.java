/**
 * The circuit test kit: what a circuit plugin's tests call to prove that its chip circuit learns, sample by sample,
 * exactly what its functional model learns, on random data, on the {@code loihi1} backend (or one given).
 */
module org.synfire.circuits.testkit {
    requires transitive org.synfire.chip.api;

    exports org.synfire.circuits.testkit;

    uses org.synfire.chip.api.spi.ChipBackend;
    uses org.synfire.chip.api.spi.CircuitProvider;
}
