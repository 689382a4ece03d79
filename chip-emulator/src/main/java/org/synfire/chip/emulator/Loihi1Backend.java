package org.synfire.chip.emulator;

import org.synfire.chip.api.spi.ChipBackend;

/** The {@code loihi1} backend: emulates Intel's Loihi-1 chips integer for integer. */
public final class Loihi1Backend implements ChipBackend {

    /** The id configurations select this backend by. */
    public static final String ID = "loihi1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Bit-exact emulator of Intel's Loihi-1 neuromorphic chip";
    }
}
