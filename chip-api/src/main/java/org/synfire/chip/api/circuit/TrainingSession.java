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

    /**
     * Evaluates the current weights on every sample of {@code samples}, without learning, with the
     * circuit's functional forward pass (as the paper evaluated weights read off the chip).
     */
    Evaluation evaluate(Samples samples);

    /**
     * Evaluates the current weights by running the circuit's inference circuit on the chip, sample by
     * sample. Must agree with {@link #evaluate} prediction for prediction. Circuits without a chip
     * evaluate functionally.
     */
    default Evaluation infer(Samples samples) {
        return evaluate(samples);
    }

    /**
     * As {@link #infer(Samples)}, telling {@code done} how many samples are done as it goes (at least once, at
     * the end), so that a caller can show progress. Circuits that infer on a chip tell it after every sample.
     */
    default Evaluation infer(Samples samples, java.util.function.LongConsumer done) {
        Evaluation evaluation = infer(samples);
        done.accept(samples.count());
        return evaluation;
    }

    /**
     * The spikes of every population while the circuit trains on the first {@code count} samples of
     * {@code samples}, on a copy: this session's weights do not change. Empty for circuits without spikes.
     */
    default java.util.Optional<SpikeRaster> raster(Samples samples, int count) {
        return java.util.Optional.empty();
    }

    /** What the circuit takes of the chip, core by core; empty for circuits without a chip. */
    default java.util.Optional<org.synfire.chip.api.ResourceUsage> resources() {
        return java.util.Optional.empty();
    }

    /**
     * Health counters of the circuit as it runs, by name (for example weight copies that no longer
     * agree); all zero when all is well. Empty for circuits with nothing to watch.
     */
    default java.util.Map<String, Long> diagnostics() {
        return java.util.Map.of();
    }

    /**
     * The current weights as the circuit's inference network of threshold units, in the units of its
     * functional model, for exporting it ({@code synfire export}); evaluated on a sample it gives the
     * spikes, hence the predictions, of {@link #evaluate}. Empty for circuits that cannot say it.
     */
    default Optional<InferenceNetwork> inferenceNetwork() {
        return Optional.empty();
    }

    /**
     * Every weight matrix the circuit holds, by name, [row][column]: enough to resume. Chip circuits
     * include each copy the chip keeps.
     */
    Map<String, int[][]> weights();

    /**
     * The names of the circuit's own matrices among {@link #weights()} (not the views and copies a chip keeps
     * of them), in the circuit's order: the ones a figure or an export shows. All of them by default.
     */
    default java.util.List<String> matrices() {
        return java.util.List.copyOf(weights().keySet());
    }

    /** Replaces the weights by ones {@link #weights()} returned (of the same circuit and sizes). */
    void restore(Map<String, int[][]> weights);

    /**
     * The chip events of the training samples so far, by phase of the circuit (one entry per timestep of a
     * sample, in order), or empty if the circuit does not run on a chip.
     */
    default java.util.Optional<PhaseEvents> chipEvents() {
        return java.util.Optional.empty();
    }

    /**
     * The chip events of the last {@link #infer} run on a chip, by phase of the inference circuit, or
     * empty if there was none.
     */
    default java.util.Optional<PhaseEvents> inferenceEvents() {
        return java.util.Optional.empty();
    }

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
