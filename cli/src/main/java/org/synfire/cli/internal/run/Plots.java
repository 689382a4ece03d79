package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.synfire.chip.api.circuit.SpikeRaster;

/** The figures of a run, drawn as PNG files with XChart. */
public final class Plots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** The circuit's figures on the test samples per epoch, in percent (a classifier's accuracies and loss). */
    public static void accuracy(List<CheckpointMetrics> metrics, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Test figures").xAxisTitle("epoch").yAxisTitle("%").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        metrics.forEach(m -> names.addAll(m.metrics().keySet()));
        for (String name : names) {
            List<CheckpointMetrics> having = metrics.stream().filter(m -> m.metrics().containsKey(name)).toList();
            addSeries(chart, name, having.stream().map(CheckpointMetrics::epoch).toList(),
                    having.stream().map(m -> 100 * m.metric(name)).toList());
        }
        save(chart, png);
    }

    /**
     * Histograms of weight matrices, one series per matrix, over the weight range in bins of
     * {@code binWidth} mantissa units; each in percent of its matrix's synapses, so that matrices of
     * different sizes compare.
     */
    public static void weightHistograms(Map<String, int[]> weights, int min, int max, int binWidth, Path png)
            throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Weight distributions").xAxisTitle("weight mantissa (bin start)").yAxisTitle("synapses (%)")
                .build();
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisLabelRotation(90);
        int bins = (max - min) / binWidth + 1;
        List<Integer> starts = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            starts.add(min + b * binWidth);
        }
        weights.forEach((name, values) -> {
            long[] counts = new long[bins];
            for (int w : values) {
                int bin = Math.floorDiv(Math.max(min, Math.min(max, w)) - min, binWidth);
                counts[bin]++;
            }
            List<Double> series = new ArrayList<>();
            for (long c : counts) {
                series.add(values.length == 0 ? 0.0 : 100.0 * c / values.length);
            }
            chart.addSeries(name, starts, series);
        });
        save(chart, png);
    }

    /**
     * A spike raster like the paper's figure 3: one row per neuron, populations stacked in the
     * circuit's order (first at the top) and coloured apart, time in phases across the samples shown,
     * with a grid line at every sample's start.
     */
    public static void raster(SpikeRaster raster, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(Math.max(HEIGHT, 900))
                .title("Spikes over " + raster.samples() + " samples (" + raster.phases() + " phases each)")
                .xAxisTitle("timestep (phase)").yAxisTitle("neuron (populations stacked)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(-0.5);
        chart.getStyler().setXAxisMax(raster.phases() * raster.samples() - 0.5);
        chart.getStyler().setXAxisTickMarkSpacingHint(40);
        int total = raster.populations().stream().mapToInt(SpikeRaster.Population::size).sum();
        int base = total;
        for (SpikeRaster.Population population : raster.populations()) {
            base -= population.size();
            int[] t = population.timesteps();
            int[] n = population.neurons();
            if (t.length == 0) {
                continue;
            }
            double[] x = new double[t.length];
            double[] y = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                x[i] = t[i];
                y[i] = base + population.size() - 1 - n[i];
            }
            chart.addSeries(population.name() + " (" + population.size() + ")", x, y);
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no spikes", new double[] {0}, new double[] {0});
        }
        save(chart, png);
    }

    /** Histograms of the matrices a circuit learns ({@code matrices}, out of all its {@code weights}). */
    public static void learnedWeights(Map<String, int[][]> weights, List<String> matrices, Path png)
            throws IOException {
        Map<String, int[]> learned = new java.util.LinkedHashMap<>();
        for (String name : matrices) {
            int[][] matrix = weights.get(name);
            if (matrix != null) {
                learned.put(name, java.util.Arrays.stream(matrix).flatMapToInt(java.util.Arrays::stream).toArray());
            }
        }
        weightHistograms(learned, -256, 254, 16, png);
    }

    private static void addSeries(XYChart chart, String name, List<Double> x, List<Double> y) {
        if (!x.isEmpty()) {
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        }
    }

    private static void save(Chart<?, ?> chart, Path png) throws IOException {
        AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
