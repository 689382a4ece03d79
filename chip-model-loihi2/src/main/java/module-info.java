/**
 * Loihi 2 as a chip model on the chip-neutral network types: the neuron model of Lava's bit-accurate LIF
 * ({@link org.synfire.chip.model.loihi2.LavaLif}), which the {@code loihi2} backend runs beside Loihi 1's.
 */
// the chip is called Loihi 2: the digit names it
@SuppressWarnings("module")
module org.synfire.chip.model.loihi2 {
    requires transitive org.synfire.chip.api;

    exports org.synfire.chip.model.loihi2;
}
