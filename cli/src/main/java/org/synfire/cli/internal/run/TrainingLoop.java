package org.synfire.cli.internal.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.datasets.preprocess.EpochOrder;

/**
 * Trains a session for a number of epochs over the training samples, reshuffled every epoch, and
 * evaluates and checkpoints it at fixed intervals (on the test samples, and its headline figure also on the
 * first {@value #TRAINING_SUBSET} training samples, as {@code train_<figure>}). Knows nothing of files: what to do at a
 * checkpoint is the {@link Listener}'s business.
 */
public final class TrainingLoop {

    /** What happens at each checkpoint and as samples go by. */
    public interface Listener {
        /** After every {@code samples} trained samples (for progress bars). */
        void trained(long samples);

        /** At a checkpoint: the evaluation on the test samples, and the weights to save. */
        void checkpoint(CheckpointMetrics metrics, Evaluation evaluation, Checkpoint checkpoint) throws IOException;

        /** Before the evaluation on the test samples at a checkpoint (for progress bars). */
        default void evaluating(int samples) {
        }

        /** Whether to stop after the sample just trained (asked after every sample); never, unless overridden. */
        default boolean stopRequested() {
            return false;
        }

        /** Stopping before the end: the weights after the samples trained so far, to save for resuming. */
        default void stopped(Checkpoint checkpoint) throws IOException {
        }

        /**
         * Before the first sample of epoch {@code epoch} (1 or later; also when a run resumes there): the session to
         * train it with, {@code session} unless the circuit changes between epochs. The listener closes what it replaces.
         */
        default TrainingSession epochBegins(TrainingSession session, int epoch) throws IOException {
            return session;
        }
    }

    /** Training samples evaluated at each checkpoint (the first ones): a functional pass, cheap beside training. */
    static final int TRAINING_SUBSET = 1000;
    /** The name of the headline figure on the training subset: this before the test figure's name. */
    public static final String TRAINING_PREFIX = "train_";

    private final Samples train;
    private final Samples trainingSubset;
    private final Samples test;
    private final int epochs;
    private final long interval;
    private final EpochOrder order;

    /**
     * @param checkpointEvery epochs between checkpoints (0.5: twice per epoch); the last sample is always one
     * @param orderSeed       seed of the per-epoch order of the training samples
     */
    public TrainingLoop(Samples train, Samples test, int epochs, double checkpointEvery, long orderSeed) {
        this.train = train;
        this.trainingSubset = train.head(TRAINING_SUBSET);
        this.test = test;
        this.epochs = epochs;
        this.interval = Math.max(1, Math.round(checkpointEvery * train.count()));
        this.order = new EpochOrder(orderSeed);
    }

    /** Training samples of the whole run. */
    public long totalSamples() {
        return (long) epochs * train.count();
    }

    /** The sample counts at which checkpoints fall. */
    public List<Long> checkpointsAt() {
        List<Long> at = new ArrayList<>();
        for (long s = interval; s < totalSamples(); s += interval) {
            at.add(s);
        }
        at.add(totalSamples());
        return at;
    }

    /**
     * Trains from sample {@code start} (0, or a checkpoint's count when resuming) to the end, or until the
     * listener asks to stop (then it gets the weights to save). The session's weights must be those after
     * {@code start} samples.
     *
     * @return whether the run reached its end (false: stopped on request)
     */
    public boolean run(TrainingSession given, long start, Listener listener) throws IOException {
        TrainingSession session = given;
        int n = train.count();
        int[] permutation = null;
        int permutationEpoch = -1;
        long lastCheckpoint = start;
        long lastTime = System.nanoTime();
        for (long s = start; s < totalSamples(); s++) {
            int epoch = (int) (s / n);
            if (s > 0 && s % n == 0) {
                session = listener.epochBegins(session, epoch);
            }
            if (epoch != permutationEpoch) {
                permutation = order.permutation(epoch, n);
                permutationEpoch = epoch;
            }
            session.train(train, permutation[(int) (s % n)]);
            long seen = s + 1;
            if (seen % 64 == 0 || seen == totalSamples()) {
                listener.trained(seen);
            }
            if (seen % interval == 0 || seen == totalSamples()) {
                long now = System.nanoTime();
                double rate = (seen - lastCheckpoint) / ((now - lastTime) / 1e9);
                listener.evaluating(test.count());
                Evaluation evaluation = session.evaluate(test);
                Map<String, Double> figures = new LinkedHashMap<>(evaluation.metrics());
                String headline = evaluation.headline();
                if (!headline.isEmpty()) {
                    figures.put(TRAINING_PREFIX + headline, session.evaluate(trainingSubset).metric(headline));
                }
                CheckpointMetrics metrics = new CheckpointMetrics((double) seen / n, seen, figures, rate);
                listener.checkpoint(metrics, evaluation, new Checkpoint(seen, session.weights()));
                lastCheckpoint = seen;
                lastTime = System.nanoTime();
            }
            if (seen < totalSamples() && listener.stopRequested()) {
                listener.stopped(new Checkpoint(seen, session.weights()));
                return false;
            }
        }
        return true;
    }
}
