/**
 * The {@code ideal} chip backend: the networks of the {@code loihi1} backends (Loihi-1 units) run with float64
 * state, without wrap, saturation, weight truncation or rounding. Its simulation is in
 * {@code org.synfire.chip.emulator.ideal.internal}, not exported.
 */
module org.synfire.chip.emulator.ideal {
    requires transitive org.synfire.chip.api;
    requires org.synfire.chip.model.loihi1;

    exports org.synfire.chip.emulator.ideal;

    provides org.synfire.chip.api.spi.ChipBackend with org.synfire.chip.emulator.ideal.IdealBackend;
}
