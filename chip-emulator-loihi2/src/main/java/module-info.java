/**
 * The {@code loihi2} chip backend: Loihi 2's neuron and synapse arithmetic as Lava's bit-accurate CPU process models
 * define it (LIF, Dense, DelayDense), with learning as Lava's bit-approximate learning Dense, run on today's chip-api
 * network. Its simulation is in {@code org.synfire.chip.emulator.loihi2.internal}, not exported.
 */
// the chip is called Loihi 2: the digit names it, as the backend id does
@SuppressWarnings("module")
module org.synfire.chip.emulator.loihi2 {
    requires transitive org.synfire.chip.api;
    requires org.synfire.chip.model.loihi1;
    requires transitive org.synfire.chip.model.loihi2;

    exports org.synfire.chip.emulator.loihi2;

    provides org.synfire.chip.api.spi.ChipBackend with org.synfire.chip.emulator.loihi2.Loihi2Backend;
}
