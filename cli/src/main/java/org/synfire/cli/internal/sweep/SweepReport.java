package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import org.synfire.chip.api.cost.Measurement;
import org.synfire.cli.internal.energy.CostTables;
import org.synfire.cli.internal.experiment.Experiment;
import org.synfire.cli.internal.run.AtomicFiles;
import org.synfire.cli.internal.run.CheckpointMetrics;
import org.synfire.cli.internal.run.MetricsLog;
import org.synfire.cli.internal.run.RunResult;

/**
 * A sweep's report, in its {@code report/}: {@code points.csv} (every point's final figures, dead units, energy
 * per sample, wall time), {@code summary.csv} and {@code summary.md} (per group of points that differ only by
 * seed: mean, sd, median, min, max and the stalled runs) and the figures ({@link SweepPlots}). A run is counted
 * as stalled when it ends with a dead output unit (one whose potential never exceeded 0: it gets no error signal
 * and never learns). Where the experiment is the paper's, the paper's figures stand beside ours.
 */
public final class SweepReport {

    /** Columns of points.csv that are not figures of the circuit. */
    static final String ENERGY = "energy_uj_per_sample";
    static final String CHIP_TIME = "chip_time_ms_per_sample";
    static final String INFERENCE_ENERGY = "inference_energy_uj_per_sample";
    static final String INFERENCE_TIME = "inference_chip_time_ms_per_sample";
    static final String WALL = "wall_seconds";

    private SweepReport() {
    }

    /** One finished point's figures, in the report's units, by column name. */
    record Row(SweepPoint point, Map<String, Double> figures, Map<String, Long> counts, List<CheckpointMetrics> curve) {
        boolean stalled() {
            return counts.getOrDefault("dead_outputs", 0L) > 0;
        }
    }

    /**
     * Writes the report of the points done so far and returns summary.md's text.
     *
     * @param views every point's status (the report counts the points not done, and lists the failed ones)
     */
    public static String write(SweepDirectory dir, SweepGrid grid, List<PointView> views) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (PointView v : views) {
            if (v.status() != PointStatus.DONE) {
                continue;
            }
            Path run = dir.point(v.point().id());
            RunResult r = RunResult.read(run).orElseThrow();
            Map<String, Double> figures = new LinkedHashMap<>(r.metrics());
            figures.remove("samples_per_second");
            put(figures, ENERGY, r.energyJoules(), 1e6);
            put(figures, CHIP_TIME, r.timeSeconds(), 1e3);
            put(figures, INFERENCE_ENERGY, r.inferenceEnergyJoules(), 1e6);
            put(figures, INFERENCE_TIME, r.inferenceTimeSeconds(), 1e3);
            figures.put(WALL, v.state().map(PointState::wallSeconds).filter(w -> w > 0).orElse(r.wallSeconds()));
            rows.add(new Row(v.point(), figures, r.counts(), MetricsLog.open(run).entries()));
        }
        Files.createDirectories(dir.report());
        AtomicFiles.writeString(dir.report().resolve("points.csv"), pointsCsv(grid, rows, views));
        Map<String, List<Row>> groups = groups(grid, rows);
        AtomicFiles.writeString(dir.report().resolve("summary.csv"), summaryCsv(grid, groups));
        String markdown = summaryMarkdown(dir, grid, groups, views);
        AtomicFiles.writeString(dir.report().resolve("summary.md"), markdown);
        if (!rows.isEmpty()) {
            SweepPlots.accuracy(grid, groups, paper(grid).map(p -> p.top1()), dir.report().resolve("accuracy.png"));
            SweepPlots.boxes(groups, paper(grid).map(p -> p.top1()), dir.report().resolve("boxplot.png"));
        }
        return markdown;
    }

    private static void put(Map<String, Double> figures, String name, Double value, double scale) {
        if (value != null) {
            figures.put(name, value * scale);
        }
    }

    /** Groups of rows by the grid's varied settings, in the grid's order (groups without a done point left out). */
    static Map<String, List<Row>> groups(SweepGrid grid, List<Row> rows) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (SweepPoint p : grid.points()) {
            groups.putIfAbsent(p.group(), new ArrayList<>());
        }
        rows.forEach(r -> groups.get(r.point().group()).add(r));
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    private static String pointsCsv(SweepGrid grid, List<Row> rows, List<PointView> views) {
        Set<String> figures = new LinkedHashSet<>();
        Set<String> counts = new LinkedHashSet<>();
        rows.forEach(r -> {
            figures.addAll(r.figures().keySet());
            counts.addAll(r.counts().keySet());
        });
        StringJoiner header = new StringJoiner(",").add("point").add("status");
        grid.varied().forEach(header::add);
        header.add("seed").add("epochs");
        figures.forEach(header::add);
        counts.forEach(header::add);
        header.add("stalled").add("attempts");
        StringBuilder csv = new StringBuilder(header.toString()).append('\n');
        for (PointView v : views) {
            Optional<Row> row = rows.stream().filter(r -> r.point().id().equals(v.point().id())).findFirst();
            StringJoiner line = new StringJoiner(",").add(csv(v.point().id())).add(v.status().word());
            grid.varied().forEach(k -> line.add(csv(v.point().settings().get(k))));
            line.add(Long.toString(v.point().seed())).add(Integer.toString(v.point().experiment().epochs()));
            figures.forEach(f -> line.add(row.map(r -> r.figures().get(f)).map(SweepReport::number).orElse("")));
            counts.forEach(c -> line.add(row.map(r -> r.counts().get(c)).map(String::valueOf).orElse("")));
            line.add(row.map(r -> r.stalled() ? "1" : "0").orElse(""));
            line.add(Integer.toString(v.state().map(PointState::attempts).orElse(0)));
            csv.append(line).append('\n');
        }
        return csv.toString();
    }

    /** The figures summarised: every figure of the points and the dead-unit counts. */
    private static List<String> summarised(List<Row> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.figures().keySet()));
        rows.forEach(r -> names.addAll(r.counts().keySet()));
        return new ArrayList<>(names);
    }

    private static List<Double> values(List<Row> rows, String name) {
        List<Double> values = new ArrayList<>();
        for (Row r : rows) {
            Double f = r.figures().get(name);
            if (f == null && r.counts().containsKey(name)) {
                f = r.counts().get(name).doubleValue();
            }
            if (f != null) {
                values.add(f);
            }
        }
        return values;
    }

    private static String summaryCsv(SweepGrid grid, Map<String, List<Row>> groups) {
        StringJoiner header = new StringJoiner(",").add("group");
        grid.varied().forEach(header::add);
        header.add("figure").add("count").add("mean").add("sd").add("median").add("min").add("max").add("stalled");
        StringBuilder csv = new StringBuilder(header.toString()).append('\n');
        groups.forEach((group, rows) -> {
            long stalled = rows.stream().filter(Row::stalled).count();
            for (String name : summarised(rows)) {
                List<Double> values = values(rows, name);
                if (values.isEmpty()) {
                    continue;
                }
                Stats s = Stats.of(values);
                StringJoiner line = new StringJoiner(",").add(csv(group));
                grid.varied().forEach(k -> line.add(csv(rows.get(0).point().settings().get(k))));
                line.add(name).add(Integer.toString(s.count())).add(number(s.mean())).add(number(s.sd()))
                        .add(number(s.median())).add(number(s.min())).add(number(s.max())).add(Long.toString(stalled));
                csv.append(line).append('\n');
            }
        });
        return csv.toString();
    }

    /** The paper's figures (Renner et al. 2024, Table 1), for a sweep of the paper's setting. */
    record Paper(double top1, Measurement training, Measurement inference) {
    }

    /** The paper's figures when the sweep's experiment is the paper's setting: sBP, MNIST 20x20, 400 hidden. */
    static Optional<Paper> paper(SweepGrid grid) {
        Experiment e = grid.experiment();
        boolean circuits = grid.points().stream().allMatch(p -> p.experiment().circuit().startsWith("sbp")
                && p.experiment().dataset().equals("mnist20") && List.of(400).equals(p.experiment().hidden()));
        // the paper's own measurements on Loihi 1, beside the sweep whatever table costed its points
        Optional<Measurement> training = CostTables.published("sbp", "training");
        Optional<Measurement> inference = CostTables.published("sbp", "inference");
        if (!circuits || e == null || training.isEmpty() || inference.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Paper(0.963, training.get(), inference.get()));
    }

    private static String summaryMarkdown(SweepDirectory dir, SweepGrid grid, Map<String, List<Row>> groups,
            List<PointView> views) {
        StringBuilder md = new StringBuilder("# Sweep " + grid.name() + "\n\n");
        md.append("Experiment `").append(grid.experiment().name()).append("` (").append(grid.experiment().circuit())
                .append(", ").append(grid.experiment().dataset()).append(grid.experiment().hidden() == null ? "" : ", hidden " + grid.experiment().hidden())
                .append(", ").append(grid.experiment().epochs()).append(" epochs), seeds ")
                .append(Seeds.format(grid.seeds()));
        grid.set().forEach((k, v) -> md.append(", ").append(k).append(" = ").append(String.join(" | ", v)));
        md.append(". ").append(SweepStatus.line(views)).append(".\n\n");
        md.append("Accuracies in %; energy and chip time per sample are the emulator's estimates (none for a "
                + "functional run); a run is stalled when it ends with a dead output unit.\n");
        groups.forEach((group, rows) -> {
            long stalled = rows.stream().filter(Row::stalled).count();
            md.append("\n## ").append(group).append("\n\n");
            md.append(rows.size()).append(rows.size() == 1 ? " run" : " runs").append(", ").append(stalled)
                    .append(" stalled.\n\n");
            md.append("| figure | mean +- sd | median | min | max |\n| --- | --- | --- | --- | --- |\n");
            for (String name : summarised(rows)) {
                List<Double> values = values(rows, name);
                if (values.isEmpty()) {
                    continue;
                }
                Stats s = Stats.of(values);
                double k = percent(name) ? 100 : 1;
                md.append(String.format(Locale.ROOT, "| %s | %s +- %s | %s | %s | %s |%n", name, fixed(s.mean() * k),
                        fixed(s.sd() * k), fixed(s.median() * k), fixed(s.min() * k), fixed(s.max() * k)));
            }
        });
        paper(grid).ifPresent(p -> md.append("\n").append(besidePaper(p, groups)));
        List<PointView> failed = views.stream().filter(v -> v.status() == PointStatus.FAILED).toList();
        if (!failed.isEmpty()) {
            md.append("\n## Failed points\n\n");
            failed.forEach(v -> md.append("- `").append(v.point().id()).append("`: ").append(v.detail()).append('\n'));
        }
        return md.toString();
    }

    /** Each group's medians beside the paper's row (Table 1 of Renner et al. 2024). */
    static String besidePaper(Paper p, Map<String, List<Row>> groups) {
        StringBuilder md = new StringBuilder("## Beside the paper\n\n");
        md.append("| | top-1 from spikes | top-1 from potential | training energy / sample | training time / sample "
                + "| inference energy / sample | inference time / sample | stalled |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| paper (Loihi, 60 epochs) | %.1f %% | | %.2f mJ | %.1f ms | %.1f uJ "
                + "| %.2f ms | |%n", p.top1() * 100, p.training().joules() * 1e3, p.training().seconds() * 1e3,
                p.inference().joules() * 1e6, p.inference().seconds() * 1e3));
        groups.forEach((group, rows) -> {
            md.append("| ").append(group.equals("all") ? "this sweep" : group).append(", median of ")
                    .append(rows.size()).append(" |");
            md.append(median(rows, "top1_spikes", 100, "%.2f %%")).append(median(rows, "top1_potential", 100, "%.2f %%"))
                    .append(median(rows, ENERGY, 1e-3, "%.3f mJ")).append(median(rows, CHIP_TIME, 1, "%.2f ms"))
                    .append(median(rows, INFERENCE_ENERGY, 1, "%.2f uJ")).append(median(rows, INFERENCE_TIME, 1, "%.3f ms"))
                    .append(' ').append(rows.stream().filter(Row::stalled).count()).append(" of ").append(rows.size())
                    .append(" |\n");
        });
        if (groups.values().stream().flatMap(List::stream).anyMatch(r -> !r.figures().containsKey(ENERGY))) {
            md.append("\nEnergy and time are empty where the functional model ran: it counts no chip events.\n");
        }
        return md.toString();
    }

    private static String median(List<Row> rows, String name, double scale, String format) {
        List<Double> values = values(rows, name);
        return values.isEmpty() ? " |" : " " + String.format(Locale.ROOT, format, Stats.of(values).median() * scale)
                + " |";
    }

    /** Whether a figure is a fraction shown in percent (the circuit's accuracies). */
    static boolean percent(String name) {
        return name.contains("top1") || name.equals("exact");
    }

    /** Two decimals, none from 1000 on, four below 1 (a loss of 0.0128 is not "0.01"). */
    static String fixed(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 1 || a == 0 ? "%.2f" : "%.4f", v);
    }

    private static String number(double v) {
        return Double.toString(v);
    }

    private static String csv(String text) {
        return text.matches("[^,\"\\n\\r]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
