package org.synfire.chip.api.circuit;

import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.ActivityCounts;
import org.synfire.chip.api.data.Samples;

/**
 * A circuit being trained, sample by sample. Its state is its weights: {@link #weights()} and
 * {@link #restore(Map)} make a checkpoint and resume from it, with the same results as an
 * uninterrupted run. Not thread-safe.
 */
public interface TrainingSession extends AutoCloseable {

    /** Trains on sample {@code index} of {@code samples}. */
    void train(Samples samples, int index);

    /** Evaluates the current weights on every sample of {@code samples}, without learning. */
    Evaluation evaluate(Samples samples);

    /**
     * Every weight matrix the circuit holds, by name, [row][column]: enough to resume. Chip circuits
     * include each copy the chip keeps.
     */
    Map<String, int[][]> weights();

    /** Replaces the weights by ones {@link #weights()} returned (of the same circuit and sizes). */
    void restore(Map<String, int[][]> weights);

    /**
     * The work the chip has done since the session opened or last restored its weights, for benchmarks;
     * empty for circuits without a chip.
     */
    default Optional<ActivityCounts> activity() {
        return Optional.empty();
    }

    @Override
    void close();
}
