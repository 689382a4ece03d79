package org.synfire.cli.internal.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.synfire.cli.internal.run.CheckpointMetrics;
import org.synfire.cli.internal.run.Plots;

/** The figures of a sweep's report: the headline accuracy per epoch of every seed, and a box per group. */
final class SweepPlots {

    private static final Color SEED = new Color(0x1f, 0x4e, 0x9c, 0x80);
    private static final Color MEDIAN = new Color(0xc0, 0x39, 0x2b);

    private SweepPlots() {
    }

    /** The figure the plots show: the first figure of the circuit (its headline), e.g. {@code top1_spikes}. */
    static Optional<String> headline(Map<String, List<SweepReport.Row>> groups) {
        for (List<SweepReport.Row> rows : groups.values()) {
            for (SweepReport.Row r : rows) {
                for (CheckpointMetrics m : r.curve()) {
                    if (!m.metrics().isEmpty()) {
                        return Optional.of(m.metrics().keySet().iterator().next());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code accuracy.png}: a panel per group, each seed's headline figure per epoch as a thin line and their
     * median at each checkpoint as a thick one; the paper's figure dashed where given.
     */
    static void accuracy(SweepGrid grid, Map<String, List<SweepReport.Row>> groups, Optional<Double> paper, Path png)
            throws IOException {
        String metric = headline(groups).orElse("accuracy");
        boolean percent = SweepReport.percent(metric);
        double k = percent ? 100 : 1;
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, List<SweepReport.Row>> group : groups.entrySet()) {
            // the group in the title without the circuit-option. prefix of its keys: a long schedule still fits
            XYChart chart = new XYChartBuilder().width(900).height(480)
                    .title(grid.name() + (group.getKey().equals("all") ? ""
                            : ", " + group.getKey().replace("circuit-option.", "")) + ": " + metric + " per epoch")
                    .xAxisTitle("epoch").yAxisTitle(metric + " on the test samples" + (percent ? " (%)" : "")).build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            chart.getStyler().setXAxisMin(0.0);
            TreeMap<Double, List<Double>> byEpoch = new TreeMap<>();
            double lowest = Double.MAX_VALUE;
            double highest = -Double.MAX_VALUE;
            double lastEpoch = 0;
            boolean first = true;
            for (SweepReport.Row r : group.getValue()) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (CheckpointMetrics m : r.curve()) {
                    Double v = m.metrics().get(metric);
                    if (v != null) {
                        x.add(m.epoch());
                        y.add(v * k);
                        byEpoch.computeIfAbsent(m.epoch(), e -> new ArrayList<>()).add(v * k);
                        lowest = Math.min(lowest, v * k);
                        highest = Math.max(highest, v * k);
                        lastEpoch = Math.max(lastEpoch, m.epoch());
                    }
                }
                if (x.isEmpty()) {
                    continue;
                }
                // one legend entry stands for every seed; the others' names are blank
                XYSeries s = chart.addSeries(first ? "each seed (" + group.getValue().size() + ")"
                        : "\u200B".repeat(chart.getSeriesMap().size()), x, y);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(SEED);
                s.setLineWidth(1f);
                s.setShowInLegend(first);
                first = false;
            }
            if (!byEpoch.isEmpty()) {
                List<Double> x = new ArrayList<>(byEpoch.keySet());
                List<Double> y = byEpoch.values().stream().map(v -> Stats.of(v).median()).toList();
                XYSeries median = chart.addSeries("median", x, y);
                median.setMarker(SeriesMarkers.NONE);
                median.setLineColor(MEDIAN);
                median.setLineStyle(new BasicStroke(3.5f));
            }
            if (paper.isPresent() && percent && metric.equals("top1_spikes")) {
                double v = paper.get() * 100;
                XYSeries line = chart.addSeries(Plots.PAPER + " (Loihi, 60 epochs): " + String.format("%.1f %%", v),
                        new double[] {0, Math.max(1, lastEpoch)}, new double[] {v, v});
                line.setMarker(SeriesMarkers.NONE);
                line.setLineStyle(SeriesLines.DASH_DASH);
                line.setLineColor(Color.DARK_GRAY);
                highest = Math.max(highest, v);
                lowest = Math.min(lowest, v);
            }
            if (percent && lowest <= highest) {
                chart.getStyler().setYAxisMin(Math.max(0, Math.floor((lowest - 2) / 5) * 5));
                chart.getStyler().setYAxisMax(Math.min(100, Math.ceil((highest + 1) / 5) * 5));
            }
            charts.add(chart);
        }
        Plots.save(charts, 1, png);
    }

    /**
     * {@code boxplot.png}: the final headline figure of the points, a box per group; the paper's figure as a box
     * of its own (a line) beside them where given.
     */
    static void boxes(Map<String, List<SweepReport.Row>> groups, Optional<Double> paper, Path png) throws IOException {
        String metric = headline(groups).orElse("accuracy");
        double k = SweepReport.percent(metric) ? 100 : 1;
        // room for each box's label under it (a schedule's label is about 35 characters; xchart drops labels that overlap)
        BoxChart chart = new BoxChartBuilder().width(Math.max(560, 320 * (groups.size() + 1) + 80)).height(480)
                .title("Final " + metric + " per group (each box: the seeds)")
                .yAxisTitle(metric + (k == 100 ? " (%)" : "")).build();
        chart.getStyler().setLegendVisible(false);
        for (Map.Entry<String, List<SweepReport.Row>> group : groups.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (SweepReport.Row r : group.getValue()) {
                Double v = r.figures().get(metric);
                if (v != null) {
                    values.add(v * k);
                }
            }
            if (!values.isEmpty()) {
                chart.addSeries(group.getKey().replace("circuit-option.", "") + " (" + values.size() + ")", values);
            }
        }
        if (paper.isPresent() && metric.equals("top1_spikes")) {
            chart.addSeries(String.format("paper (Loihi): %.1f %%", paper.get() * 100),
                    new ArrayList<>(List.of(paper.get() * 100))); // xchart asks the list for nulls: List.of would throw
        }
        Plots.save(List.of(chart), 1, png);
    }
}
