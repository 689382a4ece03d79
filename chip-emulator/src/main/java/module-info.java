/** The bit-exact Loihi-1 emulator: the {@code loihi1} chip backend. */
module org.synfire.chip.emulator {
    requires transitive org.synfire.chip.api;
    requires transitive org.synfire.chip.model.loihi1;

    exports org.synfire.chip.emulator;

    provides org.synfire.chip.api.spi.ChipBackend with org.synfire.chip.emulator.Loihi1Backend;
}
