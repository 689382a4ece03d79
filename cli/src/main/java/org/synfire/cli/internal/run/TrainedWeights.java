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
 * @param epoch   the epoch the weights ended (0 for the first): a run directory's last; a bare NPZ's as the file
 *                records it ({@link WeightsFile.Stage}) or as given ({@code --epoch}), else 0. A circuit that changes
 *                between epochs ({@code lr-schedule}) is reopened as it was then
 * @param options a bare NPZ's circuit options: those the file records, else those given ({@code --circuit-option}),
 *                else none; a run directory's come from its run.json
 * @param known   whether the epoch is known (a run directory, a file that records it, or given); a bare NPZ of a
 *                circuit that changes between epochs is refused without it ({@link #settings})
 */
public record TrainedWeights(Path file, Optional<Provenance.Session> run, Map<String, int[][]> weights, int epoch,
        Map<String, String> options, boolean known) {

    /** The final weights of a run directory, or the NPZ file {@code source} itself (as the file says it). */
    public static TrainedWeights read(Path source) throws IOException {
        return read(source, Map.of(), null);
    }

    /**
     * The final weights of a run directory, or the NPZ file {@code source} itself with the circuit it belongs to:
     * as the file records it, else as given. Options or an epoch given for a run directory, or given otherwise than
     * the file records them, are refused: the weights belong to one circuit.
     *
     * @param givenOptions circuit options given for a bare NPZ ({@code --circuit-option}); none: empty
     * @param givenEpoch   the epoch the weights ended, 1 for the first ({@code --epoch}); null if not given
     */
    public static TrainedWeights read(Path source, Map<String, String> givenOptions, Integer givenEpoch)
            throws IOException {
        Path file = source;
        Provenance.Session run = null;
        int epoch = 0;
        if (givenEpoch != null && givenEpoch < 1) {
            throw new IllegalArgumentException("--epoch " + givenEpoch + ": the first epoch is 1");
        }
        if (Files.isDirectory(source)) {
            if (!givenOptions.isEmpty() || givenEpoch != null) {
                throw new IllegalArgumentException(source + " is a run directory: its circuit options and epochs are"
                        + " the ones its run.json recorded; --circuit-option and --epoch are for a bare weights file");
            }
            RunDirectory dir = RunDirectory.existing(source);
            run = dir.session();
            file = dir.finalWeights();
            epoch = Math.max(0, dir.readExperiment().epochs() - 1);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no weights at " + file);
        }
        if (run == null && InferenceNpz.isExport(org.synfire.datasets.npy.Npz.read(file))) {
            throw new IllegalArgumentException(file + " is an inference network that 'synfire export' wrote (every "
                    + "layer in mantissas at weight exponent 0, thresholds beside it), not a circuit's weights: a "
                    + "circuit that runs a matrix at another exponent (lr-schedule, hidden-exponent) would read them "
                    + "wrongly; evaluate the run directory, its bundle or its weights.npz (numpy evaluates the export "
                    + "itself: docs/interchange.md)");
        }
        Map<String, int[][]> weights = WeightsFile.readWeights(file);
        if (run != null) {
            return new TrainedWeights(file, Optional.of(run), weights, epoch, Map.of(), true);
        }
        Optional<WeightsFile.Stage> stage = WeightsFile.readStage(file);
        if (stage.isPresent()) {
            Map<String, String> recorded = stage.get().options();
            for (Map.Entry<String, String> given : new java.util.TreeMap<>(givenOptions).entrySet()) {
                String value = recorded.get(given.getKey());
                if (!given.getValue().equals(value)) {
                    throw new IllegalArgumentException(file + " records the circuit option " + given.getKey()
                            + (value == null ? " unset" : "=" + value) + "; --circuit-option " + given.getKey() + "="
                            + given.getValue() + " contradicts it (the weights belong to the circuit the file records)");
                }
            }
            if (givenEpoch != null && givenEpoch - 1 != stage.get().epoch()) {
                throw new IllegalArgumentException(file + " records that its weights ended epoch "
                        + (stage.get().epoch() + 1) + "; --epoch " + givenEpoch + " contradicts it");
            }
            return new TrainedWeights(file, Optional.empty(), weights, stage.get().epoch(), recorded, true);
        }
        return new TrainedWeights(file, Optional.empty(), weights, givenEpoch == null ? 0 : givenEpoch - 1,
                Map.copyOf(givenOptions), givenEpoch != null);
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
     * The circuit's settings for these layers, with the run's circuit seed and options (a bare NPZ: seed 1 and
     * {@link #options}), the options the run did not record taking their meaning for runs made before them.
     *
     * @throws IllegalArgumentException for a bare NPZ that records no epoch, none given, of a circuit whose settings
     *                                  change between epochs: which epoch's circuit the weights belong to is unknown
     */
    public CircuitSettings settings(CircuitProvider provider, int inputs, java.util.List<Integer> hidden,
            int classes) {
        CircuitSettings settings = TrainingJob.settings(inputs, hidden, classes,
                run.map(Provenance.Session::parameters).orElse(Map.of()),
                run.map(Provenance.Session::circuitSeed).orElse(1L), 1, TrainingJob.recordedOptions(provider,
                        run.map(Provenance.Session::options).orElse(options)));
        if (!known && !provider.settingsAt(settings, 0).equals(provider.settingsAt(settings, LATE_EPOCH))) {
            throw new IllegalArgumentException(file + ": circuit " + provider.id() + " changes between epochs with "
                    + "the options " + options + " and the file does not record after which epoch its weights were "
                    + "saved; give --epoch E (e.g. the run's number of epochs for its final weights), or use the run "
                    + "directory");
        }
        return settings;
    }

    /** An epoch after every change a schedule can make (sBP: at most four halvings, at epochs it names). */
    private static final int LATE_EPOCH = 1 << 24;

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
