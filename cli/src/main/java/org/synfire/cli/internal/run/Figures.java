package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.SpikeRaster;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.cli.internal.experiment.Experiment;

/** The figures of a run, as training draws them and {@code synfire plot} draws them again. */
public final class Figures {

    private Figures() {
    }

    /** The circuit's own matrices among {@code weights} (not the copies a chip keeps). */
    public static Map<String, int[][]> matricesOf(Map<String, int[][]> weights, List<String> matrices) {
        Map<String, int[][]> own = new LinkedHashMap<>();
        for (String name : matrices) {
            if (weights.containsKey(name)) {
                own.put(name, weights.get(name));
            }
        }
        return own;
    }

    /**
     * {@code accuracy.png} (with the paper's figure where the run is the paper's setting) and
     * {@code weights.png} (each matrix's final distribution, beside its initial one where the run kept it),
     * into the run's plots/.
     */
    public static void accuracyAndWeights(RunDirectory run, Experiment experiment, List<CheckpointMetrics> metrics,
            Map<String, int[][]> weights, List<String> matrices) throws IOException {
        accuracyAndWeights(run, experiment, metrics, weights, matrices, run.plots());
    }

    /** As {@link #accuracyAndWeights(RunDirectory, Experiment, List, Map, List)}, into {@code target}. */
    public static void accuracyAndWeights(RunDirectory run, Experiment experiment, List<CheckpointMetrics> metrics,
            Map<String, int[][]> weights, List<String> matrices, Path target) throws IOException {
        Plots.accuracy(metrics, Plots.paperReference(experiment.circuit(), experiment.dataset(), experiment.hidden()),
                target.resolve("accuracy.png"));
        Map<String, int[][]> initial = Files.isRegularFile(run.initialWeights())
                ? WeightsFile.readWeights(run.initialWeights()) : Map.of();
        Plots.learnedWeights(weights, initial, matrices, target.resolve("weights.png"));
    }

    /**
     * {@code png}: the raster of {@code count} test samples, half of them (rounded up) ones the circuit gets
     * wrong in {@code evaluation} (its evaluation of {@code test}) where there are so many, each captioned with
     * its label and the prediction. Returns false for circuits without spikes.
     */
    public static boolean raster(TrainingSession session, Samples test, Evaluation evaluation, int count, Path png)
            throws IOException {
        boolean known = evaluation != null && evaluation.samples() == test.count();
        int[] predictions = known ? evaluation.predictions() : test.labels();
        int[] shown = Plots.rasterSamples(predictions, test.labels(), count);
        Optional<SpikeRaster> raster = session.raster(Plots.select(test, shown), shown.length);
        if (raster.isEmpty()) {
            return false;
        }
        List<String> captions = new ArrayList<>();
        for (int i : shown) {
            int label = test.labels()[i];
            captions.add("sample " + i + ": label " + label + (!known ? ""
                    : predictions[i] == label ? ", predicted right" : ", predicted " + predictions[i] + " (wrong)"));
        }
        Plots.raster(raster.get(), captions, png);
        return true;
    }
}
