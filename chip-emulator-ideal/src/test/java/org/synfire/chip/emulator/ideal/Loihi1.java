package org.synfire.chip.emulator.ideal;

import org.synfire.chip.api.spi.ChipBackend;

/** The {@code loihi1} backend, for tests that hold the ideal machine beside the chip. */
final class Loihi1 {

    private Loihi1() {
    }

    /**
     * A {@code loihi1} backend. Found by name: this module's packages sit under {@code org.synfire.chip.emulator}, so
     * when the tests are compiled into the module javac takes that package for one of the module's own (empty) and
     * does not look for the emulator's class on the class path; at run time the emulator is a module of its own.
     */
    static ChipBackend backend() {
        try {
            return (ChipBackend) Class.forName("org.synfire.chip.emulator.Loihi1Backend").getConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the loihi1 backend is not on the test's module path", e);
        }
    }
}
