package org.synfire.cli.internal.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.synfire.chip.api.circuit.SpikeRaster;

/**
 * The figures of a run, drawn as PNG files with XChart. Each figure is built as charts first (which the
 * tests read) and then painted, one chart per panel, into one PNG.
 */
public final class Plots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    /** Where the accuracy figure of the paper's setting is from. */
    public static final String PAPER = "Renner et al. 2024";

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /**
     * A published figure to draw beside a run's: {@code value} (a fraction) of the figure {@code metric}.
     *
     * @param label  what the line is called in the legend
     * @param metric the circuit's figure it compares with, e.g. {@code top1_spikes}
     * @param value  the published value, a fraction
     */
    public record Reference(String label, String metric, double value) {
    }

    /**
     * The published accuracy of the paper's setting (sBP, 400 hidden units, MNIST 20 x 20, on Loihi: 96.3 %
     * top-1 from the output spikes after 60 epochs), for a run of that setting; empty for any other run.
     */
    public static Optional<Reference> paperReference(String circuit, String dataset, List<Integer> hidden) {
        if ("sbp".equals(circuit) && "mnist20".equals(dataset) && List.of(400).equals(hidden)) {
            return Optional.of(new Reference(PAPER + " (Loihi, 60 epochs): 96.3 %", "top1_spikes", 0.963));
        }
        return Optional.empty();
    }

    /** The accuracy figure without a published reference. */
    public static void accuracy(List<CheckpointMetrics> metrics, Path png) throws IOException {
        accuracy(metrics, Optional.empty(), png);
    }

    /**
     * The circuit's figures on the test samples per epoch: its accuracies in percent (and, where published,
     * the paper's as a dashed line), and its loss, if it has one, in a panel of its own below.
     */
    public static void accuracy(List<CheckpointMetrics> metrics, Optional<Reference> reference, Path png)
            throws IOException {
        save(accuracyCharts(metrics, reference), 1, png);
    }

    static List<XYChart> accuracyCharts(List<CheckpointMetrics> metrics, Optional<Reference> reference) {
        Set<String> names = new LinkedHashSet<>();
        metrics.forEach(m -> names.addAll(m.metrics().keySet()));
        double lastEpoch = metrics.stream().mapToDouble(CheckpointMetrics::epoch).max().orElse(1);
        double maxEpoch = Math.max(1, Math.ceil(lastEpoch - 1e-9));
        boolean hasLoss = names.remove("loss");
        boolean training = names.stream().anyMatch(name -> name.startsWith(TrainingLoop.TRAINING_PREFIX));
        XYChart accuracy = epochChart(training ? "Accuracy on the test samples and on a training subset"
                : "Accuracy on the test samples", "accuracy (%)", maxEpoch, hasLoss ? 420 : HEIGHT);
        accuracy.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        accuracy.getStyler().setYAxisMax(100.0);
        accuracy.getStyler().setyAxisTickLabelsFormattingFunction(v -> String.format("%.0f %%", v));
        double lowest = 100;
        for (String name : names) {
            List<CheckpointMetrics> having = metrics.stream().filter(m -> m.metrics().containsKey(name)).toList();
            List<Double> y = having.stream().map(m -> 100 * m.metric(name)).toList();
            lowest = Math.min(lowest, y.stream().mapToDouble(Double::doubleValue).min().orElse(100));
            String label = name.startsWith(TrainingLoop.TRAINING_PREFIX)
                    ? name.substring(TrainingLoop.TRAINING_PREFIX.length()) + " (training subset)"
                    : name + " (test)";
            addSeries(accuracy, label, having.stream().map(CheckpointMetrics::epoch).toList(), y);
        }
        if (reference.isPresent()) {
            double value = 100 * reference.get().value();
            lowest = Math.min(lowest, value);
            XYSeries line = accuracy.addSeries(reference.get().label(), new double[] {0, maxEpoch},
                    new double[] {value, value});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(SeriesLines.DASH_DASH);
            line.setLineColor(Color.DARK_GRAY);
        }
        accuracy.getStyler().setYAxisMin(Math.max(0, Math.floor((lowest - 5) / 10) * 10));
        if (accuracy.getSeriesMap().isEmpty()) {
            accuracy.addSeries("no checkpoint", new double[] {0}, new double[] {0});
        }
        List<XYChart> charts = new ArrayList<>(List.of(accuracy));
        if (hasLoss) {
            XYChart loss = epochChart("Loss on the test samples", "loss (mean squared error per output)", maxEpoch,
                    300);
            loss.getStyler().setLegendVisible(false);
            loss.getStyler().setYAxisDecimalPattern("0.000");
            List<CheckpointMetrics> having = metrics.stream().filter(m -> m.metrics().containsKey("loss")).toList();
            addSeries(loss, "loss", having.stream().map(CheckpointMetrics::epoch).toList(),
                    having.stream().map(m -> m.metric("loss")).toList());
            charts.add(loss);
        }
        return charts;
    }

    /** A chart over epochs 0 .. {@code maxEpoch}, labelled at whole epochs only. */
    private static XYChart epochChart(String title, String yTitle, double maxEpoch, int height) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(height).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(maxEpoch);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(v -> Math.abs(v - Math.rint(v)) < 1e-9
                ? Long.toString(Math.round(v)) : " ");
        return chart;
    }

    /**
     * Histograms of weight matrices, one panel per matrix, over the weight range in bins of {@code binWidth}
     * mantissa units, each in percent of its matrix's synapses: the final weights, and the initial ones where
     * given ({@code initial} may be empty or lack a matrix).
     */
    public static void weightHistograms(Map<String, int[]> weights, Map<String, int[]> initial, int min, int max,
            int binWidth, Path png) throws IOException {
        save(weightCharts(weights, initial, min, max, binWidth), weights.size() > 1 ? 2 : 1, png);
    }

    /** Histograms of the final weights only. */
    public static void weightHistograms(Map<String, int[]> weights, int min, int max, int binWidth, Path png)
            throws IOException {
        weightHistograms(weights, Map.of(), min, max, binWidth, png);
    }

    static List<XYChart> weightCharts(Map<String, int[]> weights, Map<String, int[]> initial, int min, int max,
            int binWidth) {
        List<XYChart> charts = new ArrayList<>();
        int width = weights.size() > 1 ? 600 : WIDTH;
        weights.forEach((name, values) -> {
            XYChart chart = new XYChartBuilder().width(width).height(420)
                    .title(name + " (" + values.length + " synapses)").xAxisTitle("weight (mantissa units)")
                    .yAxisTitle("synapses (%)").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            chart.getStyler().setXAxisMin((double) min);
            chart.getStyler().setXAxisMax((double) max + 2);
            chart.getStyler().setYAxisMin(0.0);
            int[] start = initial.get(name);
            if (start != null) {
                histogram(chart, "initial", start, min, max, binWidth, Color.GRAY, SeriesLines.DASH_DASH);
            }
            histogram(chart, "final", values, min, max, binWidth, new Color(0x1f, 0x4e, 0x9c), SeriesLines.SOLID);
            charts.add(chart);
        });
        return charts;
    }

    private static void histogram(XYChart chart, String name, int[] values, int min, int max, int binWidth,
            Color colour, BasicStroke line) {
        int bins = (max - min) / binWidth + 1;
        long[] counts = new long[bins];
        for (int w : values) {
            counts[Math.floorDiv(Math.max(min, Math.min(max, w)) - min, binWidth)]++;
        }
        // a step outline: each bin's share from its start to the next bin's
        double[] x = new double[bins + 1];
        double[] y = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            x[b] = min + (double) b * binWidth;
            y[b] = values.length == 0 ? 0 : 100.0 * counts[Math.min(b, bins - 1)] / values.length;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setLineStyle(line);
    }

    /** Histograms of the matrices a circuit learns ({@code matrices}, out of all its {@code weights}). */
    public static void learnedWeights(Map<String, int[][]> weights, List<String> matrices, Path png)
            throws IOException {
        learnedWeights(weights, Map.of(), matrices, png);
    }

    /**
     * Histograms of the matrices a circuit learns ({@code matrices}, out of all its {@code weights}), each
     * beside its initial distribution where {@code initial} holds it (may be empty).
     */
    public static void learnedWeights(Map<String, int[][]> weights, Map<String, int[][]> initial,
            List<String> matrices, Path png) throws IOException {
        Map<String, int[]> learned = flatten(weights, matrices);
        weightHistograms(learned, flatten(initial, matrices), -256, 254, 16, png);
    }

    private static Map<String, int[]> flatten(Map<String, int[][]> weights, List<String> matrices) {
        Map<String, int[]> flat = new LinkedHashMap<>();
        for (String name : matrices) {
            int[][] matrix = weights.get(name);
            if (matrix != null) {
                flat.put(name, Arrays.stream(matrix).flatMapToInt(Arrays::stream).toArray());
            }
        }
        return flat;
    }

    /** The test samples a raster shows: wrongly classified ones first, so that the error populations fire. */
    public static int[] rasterSamples(int[] predictions, int[] labels, int count) {
        int wanted = Math.min(count, labels.length);
        int wrongWanted = (wanted + 1) / 2;
        List<Integer> wrong = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            (predictions[i] == labels[i] ? right : wrong).add(i);
        }
        int w = Math.min(wrong.size(), wrongWanted);
        List<Integer> chosen = new ArrayList<>(wrong.subList(0, w));
        for (int i = 0; i < right.size() && chosen.size() < wanted; i++) {
            chosen.add(right.get(i));
        }
        for (int i = w; i < wrong.size() && chosen.size() < wanted; i++) {
            chosen.add(wrong.get(i));
        }
        return chosen.stream().sorted().mapToInt(Integer::intValue).toArray();
    }

    /** The samples {@code indices} of {@code samples}, in that order. */
    public static org.synfire.chip.api.data.Samples select(org.synfire.chip.api.data.Samples samples, int[] indices) {
        int d = samples.dimension();
        byte[] inputs = new byte[indices.length * d];
        int[] labels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(samples.inputs(), indices[k] * d, inputs, k * d, d);
            labels[k] = samples.labels()[indices[k]];
        }
        return new org.synfire.chip.api.data.Samples(indices.length, d, inputs, labels, samples.classes());
    }

    /** A raster without captions for its samples. */
    public static void raster(SpikeRaster raster, Path png) throws IOException {
        raster(raster, List.of(), png);
    }

    /**
     * A spike raster like the paper's figure 3: one band per population with its name on the y axis (the first
     * at the top; single-neuron populations named alike, such as the gates g0, g1, .., share one band), each
     * neuron a row of its band; time on the x axis, each timestep labelled with the circuit's name of its
     * phase, a line at each sample's start and the sample's caption (e.g. its label and the prediction) above.
     */
    public static void raster(SpikeRaster raster, List<String> sampleCaptions, Path png) throws IOException {
        save(List.of(rasterChart(raster, sampleCaptions)), 1, png);
    }

    /** A band of the raster: populations drawn in one band, and the neuron offset of each. */
    record Band(String name, List<SpikeRaster.Population> populations, int size) {
    }

    /** The bands of a raster: populations in order, runs of single neurons named prefix + number merged. */
    static List<Band> bands(SpikeRaster raster) {
        List<Band> bands = new ArrayList<>();
        List<SpikeRaster.Population> run = new ArrayList<>();
        String runPrefix = null;
        for (SpikeRaster.Population p : raster.populations()) {
            String prefix = p.size() == 1 && p.name().matches("[A-Za-z_]+[0-9]+") ? p.name().replaceAll("[0-9]+$", "")
                    : null;
            if (runPrefix != null && !runPrefix.equals(prefix)) {
                bands.add(merged(run));
                run.clear();
                runPrefix = null;
            }
            if (prefix != null) {
                run.add(p);
                runPrefix = prefix;
            } else {
                bands.add(new Band(p.name() + " (" + p.size() + ")", List.of(p), p.size()));
            }
        }
        if (!run.isEmpty()) {
            bands.add(merged(run));
        }
        return bands;
    }

    private static Band merged(List<SpikeRaster.Population> run) {
        String name = run.size() == 1 ? run.get(0).name() + " (1)"
                : run.get(0).name() + ".." + run.get(run.size() - 1).name();
        return new Band(name, List.copyOf(run), run.size());
    }

    private static final Color[] BAND_COLOURS = {new Color(0x1f, 0x4e, 0x9c), new Color(0x40, 0x40, 0x40)};
    /**
     * A zero-width space: XChart 3.8.8 trims tick labels and widens the tick step until they all differ, so
     * labels that repeat (a phase's name in each sample) differ by a number of these.
     */
    private static final String INVISIBLE = "\u200B";

    static XYChart rasterChart(SpikeRaster raster, List<String> sampleCaptions) {
        List<Band> bands = bands(raster);
        int timesteps = raster.phases() * raster.samples();
        int width = Math.max(WIDTH, 220 + 26 * timesteps);
        int height = Math.max(HEIGHT, 200 + 34 * bands.size());
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title("Spikes of every population over " + raster.samples() + " test samples ("
                        + raster.phases() + " phases each)")
                .xAxisTitle("phase").yAxisTitle("population (neurons)").build();
        var styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setMarkerSize(3);
        styler.setLegendVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setPlotGridHorizontalLinesVisible(false);
        styler.setXAxisMin(-0.5);
        styler.setXAxisMax(timesteps - 0.5);
        // XChart 3.8.8 widens the tick step until all tick labels differ: label every whole timestep (a
        // sample's phases again after one space per sample before it) and hint at one tick per timestep
        styler.setXAxisTickMarkSpacingHint(Math.max(12, (width - 200) / Math.max(1, timesteps)));
        styler.setXAxisLabelRotation(90);
        styler.setYAxisMin(-0.5);
        styler.setYAxisMax(bands.size() - 0.5 + (sampleCaptions.isEmpty() ? 0 : 0.8));
        styler.setYAxisTickMarkSpacingHint(Math.max(10, (height - 220) / (bands.size() + 1)));
        // a phase's name at each timestep; names that repeat (in each sample, or twice in one: "settle") made
        // distinct by a number of zero-width spaces
        String[] timestepNames = new String[timesteps];
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int t = 0; t < timesteps; t++) {
            String name = raster.phaseNames().get(t % raster.phases());
            timestepNames[t] = name + INVISIBLE.repeat(seen.merge(name, 1, Integer::sum) - 1);
        }
        styler.setxAxisTickLabelsFormattingFunction(v -> {
            long t = Math.round(v);
            if (Math.abs(v - t) > 1e-6) {
                return String.format("%.2f", v); // not reached with one tick per timestep
            }
            if (t < 0 || t >= timesteps) { // XChart labels ticks beyond the axis too: blank and distinct
                return INVISIBLE.repeat((int) (t < 0 ? 2 * -t : 2 * (t - timesteps) + 1));
            }
            return timestepNames[(int) t];
        });
        String[] bandNames = new String[bands.size()];
        for (int b = 0; b < bands.size(); b++) {
            Band band = bands.get(b);
            int row = bands.size() - 1 - b; // the first band at the top
            bandNames[row] = band.name();
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            int offset = 0;
            for (SpikeRaster.Population p : band.populations()) {
                int[] t = p.timesteps();
                int[] n = p.neurons();
                for (int i = 0; i < t.length; i++) {
                    x.add((double) t[i]);
                    // neuron 0 at the top of the band, the band's rows spread over 80 % of its height
                    y.add(row + 0.4 - 0.8 * (offset + n[i] + 0.5) / band.size());
                }
                offset += p.size();
            }
            if (!x.isEmpty()) {
                XYSeries series = chart.addSeries(band.name(), x, y);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setMarkerColor(BAND_COLOURS[b % BAND_COLOURS.length]);
            }
        }
        styler.setyAxisTickLabelsFormattingFunction(v -> {
            long r = Math.round(v);
            if (Math.abs(v - r) > 1e-6) {
                return String.format("%.2f", v); // not reached with one tick per band
            }
            return r >= 0 && r < bandNames.length ? bandNames[(int) r]
                    : INVISIBLE.repeat((int) (r < 0 ? 2 * -r : 2 * (r - bandNames.length) + 1)); // beyond the bands
        });
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no spikes", new double[] {0}, new double[] {0});
        }
        for (int s = 1; s < raster.samples(); s++) {
            chart.addAnnotation(new AnnotationLine(s * raster.phases() - 0.5, true, false));
        }
        for (int s = 0; s < raster.samples() && s < sampleCaptions.size(); s++) {
            chart.addAnnotation(new AnnotationText(sampleCaptions.get(s), (s + 0.5) * raster.phases() - 0.5,
                    bands.size() - 0.1, false));
        }
        return chart;
    }

    /** A line through the points, each marked where there are few (up to 30: a marker per checkpoint). */
    private static void addSeries(XYChart chart, String name, List<Double> x, List<Double> y) {
        if (!x.isEmpty()) {
            chart.addSeries(name, x, y).setMarker(x.size() <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
    }

    /**
     * Paints {@code charts} into one PNG, {@code columns} panels a row (each at its own size; a row as high as
     * its highest panel).
     */
    public static void save(List<? extends Chart<?, ?>> charts, int columns, Path png) throws IOException {
        List<int[]> rows = new ArrayList<>();
        int width = 0;
        int height = 0;
        for (int start = 0; start < charts.size(); start += columns) {
            int w = 0;
            int h = 0;
            for (int k = start; k < Math.min(charts.size(), start + columns); k++) {
                w += charts.get(k).getWidth();
                h = Math.max(h, charts.get(k).getHeight());
            }
            rows.add(new int[] {start, h});
            width = Math.max(width, w);
            height += h;
        }
        BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int y = 0;
            for (int[] row : rows) {
                int x = 0;
                for (int k = row[0]; k < Math.min(charts.size(), row[0] + columns); k++) {
                    Chart<?, ?> chart = charts.get(k);
                    Graphics2D panel = (Graphics2D) g.create(x, y, chart.getWidth(), chart.getHeight());
                    try {
                        chart.paint(panel, chart.getWidth(), chart.getHeight());
                    } finally {
                        panel.dispose();
                    }
                    x += chart.getWidth();
                }
                y += row[1];
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.write(png, out -> ImageIO.write(image, "png", out));
    }
}
