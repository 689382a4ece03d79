/**
 * The {@code ideal} chip backend ({@link org.synfire.chip.emulator.ideal.IdealBackend}): Loihi-1 networks with
 * exact real-valued (float64) arithmetic. See the project's {@code docs/ideal-semantics.md}.
 */
package org.synfire.chip.emulator.ideal;
