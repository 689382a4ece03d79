package org.synfire.chip.emulator.internal;

import java.util.function.IntFunction;

import org.synfire.chip.emulator.internal.learning.LearningRandom;

/**
 * Makes the learning engine of each plastic connection when a simulation opens. The emulator calls
 * {@link LearningEngine#learn(int)} of every engine in the learning phase of every timestep, after all
 * compartments have spiked and all messages are delivered, and before the next timestep.
 */
@FunctionalInterface
public interface LearningEngineFactory {

    /**
     * The engine for {@code connection}.
     *
     * @param streamOfCore the generator of each core (by mesh index), derived from the run's seed and the core
     *                     index (for stochastic rounding); one stream per core, shared by the connections on it
     * @throws IllegalArgumentException if the rule cannot be run, naming the connection
     */
    LearningEngine create(PlasticConnection connection, IntFunction<LearningRandom> streamOfCore);

    /** The chip's learning engine: each plastic connection learns by its rule (sum of products). */
    LearningEngineFactory RULES = (connection, streamOfCore) -> new RuleLearningEngine(connection, streamOfCore, false);

    /** The same engine on its reference path: every synapse of a core's part, its rule term by term. */
    LearningEngineFactory REFERENCE_RULES = (connection, streamOfCore) -> new RuleLearningEngine(connection,
            streamOfCore, true);

    /** No learning engine installed: refuses every plastic connection. */
    LearningEngineFactory NONE = (connection, streamOfCore) -> {
        throw new IllegalArgumentException("connection " + connection.description().name()
                + " has a learning rule, but no learning engine is installed in this emulator");
    };
}
