/**
 * The {@code loihi1-reference} chip backend: the Loihi-1 emulator on its plain per-synapse reference paths
 * (every compartment in every timestep, every synapse on its own, every rule term for every synapse), without
 * any of the fast paths of {@code loihi1}. Slow; what {@code loihi1} must equal bit for bit.
 */
module org.synfire.chip.emulator.reference {
    requires transitive org.synfire.chip.api;
    requires org.synfire.chip.emulator;
    requires org.synfire.chip.model.loihi1;

    exports org.synfire.chip.emulator.reference;

    provides org.synfire.chip.api.spi.ChipBackend with org.synfire.chip.emulator.reference.Loihi1ReferenceBackend;
}
