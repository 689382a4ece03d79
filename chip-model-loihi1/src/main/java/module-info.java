/**
 * Loihi 1 as a chip model on the chip-neutral network types: its current-based LIF neuron with its registers and
 * limits ({@link org.synfire.chip.model.loihi1.CompartmentPrototype}), its NxSDK learning-rule dialect
 * ({@link org.synfire.chip.model.loihi1.LearningSettings} and the parsed rules of
 * {@code org.synfire.chip.model.loihi1.learning}), and what a Loihi-1 backend supports
 * ({@link org.synfire.chip.model.loihi1.Loihi1Model}). The emulators of the chip build on it; its conformance kit
 * travels as the module's test-jar.
 */
// the chip is called Loihi 1: the digit names it
@SuppressWarnings("module")
module org.synfire.chip.model.loihi1 {
    requires transitive org.synfire.chip.api;

    exports org.synfire.chip.model.loihi1;
    exports org.synfire.chip.model.loihi1.learning;
}
