/**
 * The emulator's machinery (not exported). A {@link org.synfire.chip.emulator.internal.Loihi1Simulation} is
 * built in four steps: {@code Layout} numbers compartments (group after group, each contiguous) and generator
 * sources, and lays every connection's synapses out by presynaptic index ({@code Synapses}, CSR-like);
 * {@code CoreMapper} places compartments on cores under the per-core limits of
 * {@link org.synfire.chip.emulator.internal.Loihi1Constants}; {@code Wiring} cuts rows at core boundaries into
 * input axons and routes; {@code EmulatedCore} and {@code MeshRouter} then run the timesteps on primitive
 * arrays, doing work only for sources that spike.
 *
 * <p>{@link org.synfire.chip.emulator.internal.Core}, {@link org.synfire.chip.emulator.internal.Router} and
 * {@link org.synfire.chip.emulator.internal.LearningEngine} are the parts of a chip as this emulator composes
 * them; they were chip-api interfaces until no other module used them (see docs/architecture.md).
 *
 * <p>Learning plugs in through {@link org.synfire.chip.emulator.internal.LearningEngineFactory}: one
 * {@link org.synfire.chip.emulator.internal.LearningEngine} per plastic connection, which sees and may change the
 * connection through {@link org.synfire.chip.emulator.internal.PlasticConnection}. The emulator's own engine
 * ({@code RuleLearningEngine}) learns as the chip does, core by core: the part of a connection on a core has
 * its own latches and traces and draws from the core's one generator; the parts on a core run in connection
 * order, so the draws do not depend on the thread count.
 */
package org.synfire.chip.emulator.internal;
