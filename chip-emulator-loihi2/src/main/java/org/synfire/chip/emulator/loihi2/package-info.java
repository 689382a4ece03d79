/**
 * The {@code loihi2} chip backend ({@link org.synfire.chip.emulator.loihi2.Loihi2Backend}): Loihi 2's arithmetic as
 * Lava's bit-accurate models define it, learning as its bit-approximate learning Dense does. See the project's
 * {@code docs/loihi2-semantics.md}.
 */
package org.synfire.chip.emulator.loihi2;
