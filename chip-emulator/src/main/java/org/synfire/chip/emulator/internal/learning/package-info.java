/**
 * The Loihi-1 learning engine's arithmetic: rule evaluation ({@link
 * org.synfire.chip.emulator.internal.learning.RuleEvaluator}), traces, epoch bookkeeping and the seeded
 * generator for stochastic rounding. Internal: the emulator's cores call it with their primitive arrays.
 * Every convention the public record leaves open is in {@link
 * org.synfire.chip.emulator.internal.learning.LearningConventions}.
 */
package org.synfire.chip.emulator.internal.learning;
