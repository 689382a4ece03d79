/**
 * The Loihi-1 learning engine's arithmetic: rule evaluation ({@link
 * org.synfire.chip.emulator.internal.learning.RuleEvaluator}), traces, epoch bookkeeping and the seeded
 * generator for stochastic rounding. Internal: the emulator's cores call it with their primitive arrays.
 * Every convention the public record leaves open is in {@link
 * org.synfire.chip.emulator.internal.learning.LearningConventions}.
 *
 * <p>Wiring, per core: one {@link org.synfire.chip.emulator.internal.learning.LearningRandom} (run seed,
 * core index); per plastic connection group on the core (the synapses of a connection into the core's
 * compartments): a {@link org.synfire.chip.emulator.internal.learning.RuleEvaluator}
 * compiled once from the group's rule and {@link org.synfire.chip.emulator.internal.learning.SynapseFormat},
 * and a {@link org.synfire.chip.emulator.internal.learning.GroupLearning}. In the spiking phase report
 * {@code preSpike(axon)} when a spike reaches one of the group's axons (in the timestep it was sent),
 * {@code postSpike(compartment)} when a target compartment fires and {@code rewardSpike()} for the rule's
 * reinforcement channel; in the learning phase call {@code learn(pre, post, weight, delay, tag, random)}
 * once per timestep with the group's synapse arrays (or {@code learnRowRanges} for the runs of a connection's
 * rows that the core holds), the groups of a core in a fixed order.
 */
package org.synfire.chip.emulator.internal.learning;
