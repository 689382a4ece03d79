package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;

/**
 * Trained weights as {@code eval} and {@code export} reopen them: a run directory's final weights with what its
 * run.json recorded (circuit, options, hidden layers, backend, circuit seed), or a bare NPZ of matrices.
 *
 * @param file    the weights file read
 * @param run     what the run recorded; empty for a bare NPZ
 * @param weights the matrices by name
 * @param epoch   the epoch the weights ended (0 for the first; the run's last for its final weights, 0 for a bare NPZ):
 *                a circuit that changes between epochs ({@code lr-schedule}) is reopened as it was then
 */
public record TrainedWeights(Path file, Optional<Provenance.Session> run, Map<String, int[][]> weights, int epoch) {

    /** The final weights of a run directory, or the NPZ file {@code source} itself. */
    public static TrainedWeights read(Path source) throws IOException {
        Path file = source;
        Provenance.Session run = null;
        int epoch = 0;
        if (Files.isDirectory(source)) {
            RunDirectory dir = RunDirectory.existing(source);
            run = dir.session();
            file = dir.finalWeights();
            epoch = Math.max(0, dir.readExperiment().epochs() - 1);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no weights at " + file);
        }
        return new TrainedWeights(file, Optional.ofNullable(run), WeightsFile.readWeights(file), epoch);
    }

    /** The circuit: the one given, else the run's, else sBP. */
    public String circuit(String given) {
        return given != null ? given : run.map(Provenance.Session::circuit).orElse("sbp");
    }

    /**
     * The provider of the circuit's model: the circuit and model given, else the run's (a run of {@code
     * sbp-functional} made before models were named reads as that id), else sBP's chip circuit.
     */
    public CircuitProvider provider(org.synfire.cli.internal.runtime.Extensions extensions, String circuit,
            String model) {
        if (run.isPresent()) {
            return run.get().circuitProvider(extensions, circuit, model);
        }
        return extensions.circuit(circuit(circuit), model);
    }

    /** The chip backend: the one given, else the run's, else loihi1. */
    public String backend(String given) {
        return given != null ? given : run.map(Provenance.Session::backend).orElse("loihi1");
    }

    /**
     * The hidden layers: those given, else the run's; for a bare NPZ or a run that recorded none, the circuit's
     * default where it has hidden layers, else none (null).
     */
    public java.util.List<Integer> hidden(java.util.List<Integer> given, CircuitProvider provider) {
        if (given != null) {
            return given;
        }
        java.util.List<Integer> recorded = run.map(Provenance.Session::hidden).orElse(null);
        if (recorded != null) {
            return recorded;
        }
        if (!provider.parameters().contains(CircuitSettings.HIDDEN)) {
            return null;
        }
        return provider.parameterDefaults().getOrDefault(CircuitSettings.HIDDEN, java.util.List.of(400));
    }

    /**
     * The circuit's settings for these layers, with the run's circuit seed and options (a bare NPZ: seed 1), the
     * options the run did not record taking their meaning for runs made before them.
     */
    public CircuitSettings settings(CircuitProvider provider, int inputs, java.util.List<Integer> hidden,
            int classes) {
        return TrainingJob.settings(inputs, hidden, classes, run.map(Provenance.Session::parameters).orElse(Map.of()),
                run.map(Provenance.Session::circuitSeed).orElse(1L), 1, TrainingJob.recordedOptions(provider,
                        run.map(Provenance.Session::options).orElse(Map.of())));
    }

    /**
     * Opens a session of the circuit and restores these weights into it. Weights that do not fit the circuit's
     * matrices are a one-line error naming the file and the hidden layers.
     *
     * @param backend     the chip backend, or null for a circuit that runs without one
     * @param hiddenGiven whether the hidden layers were given as an option (else the message says how)
     */
    public TrainingSession restore(CircuitProvider provider, ChipBackend backend, CircuitSettings settings,
            boolean hiddenGiven) {
        TrainingSession session = provider.open(provider.settingsAt(settings, epoch), backend);
        try {
            session.restore(weights);
            return session;
        } catch (IllegalArgumentException e) {
            session.close();
            throw new IllegalArgumentException(file + ": " + e.getMessage() + " (hidden layers "
                    + settings.parameter(CircuitSettings.HIDDEN) + (hiddenGiven ? "" : "; --hidden sets them") + ")", e);
        }
    }
}
