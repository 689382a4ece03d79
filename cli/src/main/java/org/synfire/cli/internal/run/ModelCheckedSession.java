package org.synfire.cli.internal.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.ActivityCounts;
import org.synfire.chip.api.ResourceUsage;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.InferenceNetwork;
import org.synfire.chip.api.circuit.PhaseEvents;
import org.synfire.chip.api.circuit.SpikeRaster;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.circuit.WeightDifference;
import org.synfire.chip.api.data.Samples;

/**
 * A chip circuit's session trained side by side with its functional model ({@code train --check-model}): after
 * every sample the functional model's matrices are compared with the chip's, and the first sample whose weights
 * differ stops the run, naming the matrix, the entry and the sample. Everything else is the chip session's.
 * This checks the learning itself, which an inference check (same predictions with the final weights) cannot.
 */
final class ModelCheckedSession implements TrainingSession {

    /** The chip and the functional model parted: the message says where, in one line. */
    static final class ModelMismatch extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ModelMismatch(String message) {
            super(message);
        }
    }

    private final TrainingSession chip;
    private final TrainingSession model;
    private final String chipName;
    private final String modelName;
    private long trained;

    /**
     * @param trained samples trained before (0, or a checkpoint's count when resuming), for the messages
     */
    ModelCheckedSession(TrainingSession chip, String chipName, TrainingSession model, String modelName,
            long trained) {
        this.chip = chip;
        this.model = model;
        this.chipName = chipName;
        this.modelName = modelName;
        this.trained = trained;
        compare("before the first sample", "");
    }

    @Override
    public void train(Samples samples, int index) {
        chip.train(samples, index);
        model.train(samples, index);
        trained++;
        compare("after sample " + trained, " (training sample " + index + ", label " + samples.labels()[index] + ")");
    }

    private void compare(String when, String which) {
        Optional<WeightDifference> difference = WeightDifference.first(model.matrices(), chip.weights(),
                model.weights());
        if (difference.isPresent()) {
            throw new ModelMismatch("check-model: " + when + which + " the chip circuit " + chipName
                    + " and its functional model " + modelName + " part: " + difference.get().describe()
                    + "; the chip circuit does not compute what its model says");
        }
    }

    @Override
    public void restore(Map<String, int[][]> weights) {
        chip.restore(weights);
        model.restore(weights);
        compare("after restoring the checkpoint of sample " + trained, "");
    }

    @Override
    public Evaluation evaluate(Samples samples) {
        return chip.evaluate(samples);
    }

    @Override
    public Evaluation infer(Samples samples) {
        return chip.infer(samples);
    }

    @Override
    public Evaluation infer(Samples samples, java.util.function.LongConsumer done) {
        return chip.infer(samples, done);
    }

    @Override
    public Optional<SpikeRaster> raster(Samples samples, int count) {
        return chip.raster(samples, count);
    }

    @Override
    public Optional<ResourceUsage> resources() {
        return chip.resources();
    }

    @Override
    public Map<String, Long> diagnostics() {
        return chip.diagnostics();
    }

    @Override
    public Optional<InferenceNetwork> inferenceNetwork() {
        return chip.inferenceNetwork();
    }

    @Override
    public Map<String, int[][]> weights() {
        return chip.weights();
    }

    @Override
    public List<String> matrices() {
        return chip.matrices();
    }

    @Override
    public Optional<PhaseEvents> chipEvents() {
        return chip.chipEvents();
    }

    @Override
    public Optional<PhaseEvents> inferenceEvents() {
        return chip.inferenceEvents();
    }

    @Override
    public Optional<ActivityCounts> activity() {
        return chip.activity();
    }

    @Override
    public void close() {
        try (model) {
            chip.close();
        }
    }
}
