package org.synfire.chip.emulator.internal;

/**
 * A mapping gives some core more output axons than it has: the mapper may try again with fewer
 * compartments per core, so that each core's sources route to fewer target cores.
 */
final class FanOutExceeded extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    FanOutExceeded(String message) {
        super(message);
    }
}
