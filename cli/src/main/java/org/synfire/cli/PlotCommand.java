package org.synfire.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.chip.api.spi.DatasetProvider;
import org.synfire.cli.internal.energy.EnergyReport;
import org.synfire.cli.internal.experiment.Experiment;
import org.synfire.cli.internal.run.Figures;
import org.synfire.cli.internal.run.MetricsLog;
import org.synfire.cli.internal.run.Plots;
import org.synfire.cli.internal.run.Provenance;
import org.synfire.cli.internal.run.RunBundle;
import org.synfire.cli.internal.run.RunDirectory;
import org.synfire.cli.internal.run.WeightsFile;
import org.synfire.cli.internal.runtime.Extensions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synfire plot}: draws a run's figures again, from its directory or its bundle. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draws the figures of a run again, from its directory or its bundle.",
            "Accuracy per epoch (accuracy.png), weight histograms (weights.png), the energy estimates where the",
            "run made them (energy*.png, inference/energy*.png) and, for circuits that spike, the spike raster",
            "of a few test samples, half of them ones the circuit gets wrong (raster.png; needs the data set)."})
final class PlotCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "A run directory or a run bundle (.tar.gz).")
    Path source;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the PNG files go (default: the run's plots/).")
    Path out;

    @Option(names = "--raster-samples", paramLabel = "N", defaultValue = "3",
            description = "Test samples the raster shows; 0 for no raster (default ${DEFAULT-VALUE}).")
    int rasterSamples;

    @Mixin
    DataLocation data;

    @Override
    public Integer call() throws IOException {
        boolean bundle = source.getFileName().toString().endsWith(".tar.gz");
        return RunBundle.withRun(source, directory -> draw(RunDirectory.existing(directory),
                out != null ? out : bundle ? Path.of("plots") : directory.resolve("plots")));
    }

    private int draw(RunDirectory run, Path target) throws IOException {
        Map<String, int[][]> weights = WeightsFile.readWeights(run.finalWeights());
        // the run's circuit, options, hidden layers, backend and circuit seed, as its run.json recorded them
        Provenance.Session recorded = run.session();
        Experiment experiment = run.readExperiment();
        Extensions extensions = main.platform(spec.commandLine().getErr()).extensions();
        CircuitProvider circuit = recorded.circuitProvider(extensions, null, null);
        DatasetProvider dataset = extensions.datasets().get(recorded.dataset());
        CircuitSettings settings = org.synfire.cli.internal.run.TrainingJob.settings(dataset.dimension(),
                recorded.hidden(), dataset.classes(), recorded.parameters(), recorded.circuitSeed(), 1,
                org.synfire.cli.internal.run.TrainingJob.recordedOptions(circuit, recorded.options()));
        List<String> drawn = new ArrayList<>(List.of("accuracy.png", "weights.png"));
        // an annealed run's final weights belong to its last stage (CircuitProvider.settingsAt)
        try (TrainingSession session = circuit.open(circuit.settingsAt(settings, experiment.withDefaults().epochs() - 1),
                extensions.circuitModel(circuit).needsBackend() ? extensions.backends().get(recorded.backend()) : null)) {
            session.restore(weights);
            Figures.accuracyAndWeights(run, experiment, MetricsLog.open(run.path()).entries(), weights,
                    session.matrices(), target);
            if (rasterSamples > 0 && extensions.circuitModel(circuit).needsBackend()) {
                Samples test = dataset.load(data.options()).test();
                if (experiment.testSamples() != null) {
                    test = test.head(experiment.testSamples());
                }
                if (Figures.raster(session, test, session.evaluate(test), rasterSamples,
                        target.resolve("raster.png"))) {
                    drawn.add("raster.png");
                }
            }
        }
        for (String energy : new String[] {"energy.json", "energy-inference.json"}) {
            if (Files.isRegularFile(run.path().resolve(energy))) {
                boolean inference = energy.contains("inference");
                EnergyReport.redraw(run.path().resolve(energy), inference ? target.resolve("inference") : target);
                String prefix = inference ? "inference/" : "";
                drawn.addAll(List.of(prefix + "energy.png", prefix + "energy-events.png", prefix + "energy-phases.png"));
            }
        }
        spec.commandLine().getOut().println("drew " + String.join(", ", drawn) + " in " + target);
        return 0;
    }
}
