/**
 * The ideal machine's simulation: compartments, synapses, traces and learning rules in float64, in the timestep
 * phases of the Loihi-1 emulator. Not exported.
 */
package org.synfire.chip.emulator.ideal.internal;
