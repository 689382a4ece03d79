package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.synfire.chip.api.circuit.SpikeRaster;

class PlotsTest {

    @TempDir
    Path temp;

    private static final List<CheckpointMetrics> METRICS = List.of(
            withTraining(MetricsLogTest.metrics(0.5, 30000, 0.8, 0.9, 0.92, 0.1, 5000), 0.95),
            withTraining(MetricsLogTest.metrics(1.0, 60000, 0.85, 0.93, 0.95, 0.08, 5000), 0.97),
            withTraining(MetricsLogTest.metrics(1.5, 90000, 0.86, 0.94, 0.95, 0.07, 5000), 0.98));

    private static CheckpointMetrics withTraining(CheckpointMetrics m, double top1Spikes) {
        Map<String, Double> figures = new java.util.LinkedHashMap<>(m.metrics());
        figures.put(TrainingLoop.TRAINING_PREFIX + "top1_spikes", top1Spikes);
        return new CheckpointMetrics(m.epoch(), m.samples(), figures, m.samplesPerSecond());
    }

    @Test
    void drawsTheAccuracyCurveAsAPng() throws IOException {
        Path png = temp.resolve("accuracy.png");

        Plots.accuracy(METRICS, png);

        assertDrawn(png, 900, 420 + 300);
    }

    @Test
    void accuracyIsInPercentOverWholeEpochsBesideThePapersFigure() {
        Optional<Plots.Reference> paper = Plots.paperReference("sbp", "mnist20", List.of(400));
        List<XYChart> charts = Plots.accuracyCharts(METRICS, paper);

        XYChart accuracy = charts.get(0);
        assertEquals(List.of("top1_spikes (test)", "top1_potential (test)", "exact (test)",
                "top1_spikes (training subset)", paper.orElseThrow().label()),
                List.copyOf(accuracy.getSeriesMap().keySet()));
        assertEquals("accuracy (%)", accuracy.getYAxisTitle());
        assertEquals(97.0, accuracy.getSeriesMap().get("top1_spikes (training subset)").getYData()[1], 1e-9);
        assertEquals("epoch", accuracy.getXAxisTitle());
        assertEquals(96.3, accuracy.getSeriesMap().get(paper.get().label()).getYData()[0], 1e-9);
        assertEquals(93.0, accuracy.getSeriesMap().get("top1_spikes (test)").getYData()[1], 1e-9);
        assertEquals("1", accuracy.getStyler().getxAxisTickLabelsFormattingFunction().apply(1.0));
        assertEquals(" ", accuracy.getStyler().getxAxisTickLabelsFormattingFunction().apply(0.5));
        assertEquals(Double.valueOf(2.0), accuracy.getStyler().getXAxisMax());
        assertEquals(Double.valueOf(100.0), accuracy.getStyler().getYAxisMax());
        assertEquals("90 %", accuracy.getStyler().getyAxisTickLabelsFormattingFunction().apply(90.0));
        XYChart loss = charts.get(1);
        assertEquals(List.of("loss"), List.copyOf(loss.getSeriesMap().keySet()), "the loss is not a percentage");
        assertEquals(0.08, loss.getSeriesMap().get("loss").getYData()[1], 1e-12);
    }

    @Test
    void onlyThePapersSettingHasTheReference() {
        assertTrue(Plots.paperReference("sbp", "mnist20", List.of(400)).isPresent());
        assertFalse(Plots.paperReference("sbp", "mnist20-mini", List.of(400)).isPresent());
        assertFalse(Plots.paperReference("sbp", "mnist20", List.of(400, 400)).isPresent());
        assertFalse(Plots.paperReference("sbp-functional", "mnist20", List.of(400)).isPresent());
        assertEquals(4, Plots.accuracyCharts(METRICS, Optional.empty()).get(0).getSeriesMap().size());
    }

    @Test
    void drawsOnePanelPerMatrixWithItsInitialAndFinalDistribution() throws IOException {
        Map<String, int[]> last = new java.util.LinkedHashMap<>();
        last.put("w1", new int[] {-256, -2, 0, 2, 254});
        last.put("w2", new int[] {10, 12});
        List<XYChart> charts = Plots.weightCharts(last, Map.of("w1", new int[] {0, 0, 0, 0, 0}), -256, 254, 16);

        assertEquals(2, charts.size());
        assertEquals("w1 (5 synapses)", charts.get(0).getTitle());
        assertEquals(List.of("initial", "final"), List.copyOf(charts.get(0).getSeriesMap().keySet()));
        assertEquals(List.of("final"), List.copyOf(charts.get(1).getSeriesMap().keySet()), "no initial w2 kept");
        double[] initial = charts.get(0).getSeriesMap().get("initial").getYData();
        assertEquals(100.0, initial[16], 1e-9, "all initial weights are 0, in the bin 0 .. 15");
        assertEquals("synapses (%)", charts.get(0).getYAxisTitle());

        Path png = temp.resolve("weights.png");
        Plots.weightHistograms(last, Map.of("w1", new int[] {0, 0, 0, 0, 0}), -256, 254, 16, png);
        assertDrawn(png, 1200, 420);
    }

    private static SpikeRaster raster() {
        List<SpikeRaster.Population> populations = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            populations.add(new SpikeRaster.Population("g" + g, 1, new int[] {g, 4 + g}, new int[] {0, 0}));
        }
        populations.add(new SpikeRaster.Population("x", 5, new int[] {1, 1, 5}, new int[] {0, 4, 2}));
        populations.add(new SpikeRaster.Population("d+", 3, new int[] {6}, new int[] {1}));
        populations.add(new SpikeRaster.Population("quiet", 2, new int[0], new int[0]));
        return new SpikeRaster(4, 2, populations, List.of("inhibit", "x", "settle", "settle"));
    }

    @Test
    void theRasterHasABandPerPopulationNamedOnTheAxisAndThePhasesNamed() throws IOException {
        XYChart chart = Plots.rasterChart(raster(), List.of("sample 3: label 1, predicted right",
                "sample 5: label 2, predicted 0 (wrong)"));

        assertEquals(List.of("g0..g3", "x (5)", "d+ (3)"), List.copyOf(chart.getSeriesMap().keySet()),
                "the gates share a band; a population without spikes has no series");
        assertFalse(chart.getStyler().isLegendVisible());
        var y = chart.getStyler().getyAxisTickLabelsFormattingFunction();
        assertEquals(List.of("quiet (2)", "d+ (3)", "x (5)", "g0..g3"), List.of(y.apply(0.0), y.apply(1.0),
                y.apply(2.0), y.apply(3.0)), "the first population at the top");
        var x = chart.getStyler().getxAxisTickLabelsFormattingFunction();
        assertEquals("inhibit", x.apply(0.0));
        assertEquals("settle", x.apply(2.0));
        assertEquals("settle", x.apply(3.0).replace("\u200B", ""));
        assertEquals("x", x.apply(5.0).strip().replace("\u200B", ""));
        Set<String> labels = new HashSet<>();
        for (int t = -3; t < 12; t++) {
            assertTrue(labels.add(x.apply((double) t)), "XChart 3.8.8 drops repeated labels: " + t);
        }
        double[] xs = chart.getSeriesMap().get("x (5)").getYData();
        assertTrue(xs[0] > xs[1], "neuron 0 above neuron 4");
        assertTrue(xs[0] < 2.5 && xs[1] > 1.5, "in the band of x");

        Path png = temp.resolve("raster.png");
        Plots.raster(raster(), List.of("a", "b"), png);
        assertDrawn(png, chart.getWidth(), chart.getHeight());
    }

    @Test
    void theRasterShowsSamplesTheCircuitGetsWrong() {
        int[] labels = {0, 1, 2, 3, 4, 5};
        assertArrayEquals(new int[] {0, 2, 4}, Plots.rasterSamples(new int[] {0, 1, 1, 3, 0, 5}, labels, 3));
        assertArrayEquals(new int[] {0, 1, 2}, Plots.rasterSamples(labels, labels, 3), "all right");
        assertArrayEquals(new int[] {0, 1, 2}, Plots.rasterSamples(new int[] {9, 9, 9, 9, 9, 9}, labels, 3),
                "all wrong");
        assertArrayEquals(new int[] {0, 3}, Plots.rasterSamples(new int[] {0, 1, 2, 0, 0, 5}, labels, 2));
    }

    private static void assertDrawn(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 3, "the picture is almost blank: " + colours.size() + " colours");
    }
}
