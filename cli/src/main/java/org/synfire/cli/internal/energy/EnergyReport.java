package org.synfire.cli.internal.energy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.ResourceUsage;
import org.synfire.chip.api.circuit.PhaseEvents;
import org.synfire.chip.api.cost.CostEstimate;
import org.synfire.chip.api.cost.CostModel;
import org.synfire.chip.api.cost.Event;
import org.synfire.chip.api.cost.Measurement;
import org.synfire.cli.internal.run.AtomicFiles;

/**
 * The energy, time and resource report of a chip run: estimates per sample from the events each phase
 * of the circuit counted and a {@link CostModel}, beside the published measurement of the circuit.
 * Time per sample is the sum of the phases' times (each the busiest core's work plus its barriers). Energy is
 * the events' dynamic energy plus the table's static power times the time (none if the table has none).
 *
 * @param circuit   the circuit's id (to find its published measurement)
 * @param mode      {@code training} or {@code inference}
 * @param model     the cost model
 * @param events    the events counted, per phase
 * @param perSample the dynamic estimate per sample over all phases (counts are the run's totals; see
 *                  {@link #toJson()} for counts per sample)
 * @param phases    the dynamic estimate per sample of each phase
 */
public record EnergyReport(String circuit, String mode, CostModel model, PhaseEvents events, CostEstimate perSample,
        List<CostEstimate> phases) {

    /** Static energy per sample: the table's static power times the time per sample. */
    public double staticJoules() {
        return model.table().staticPower().joules(perSample.seconds());
    }

    /** Energy per sample, dynamic and static. */
    public double joules() {
        return perSample.joules() + staticJoules();
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The report of {@code events}, or empty if no sample was counted. */
    public static Optional<EnergyReport> of(String circuit, String mode, CostModel model, PhaseEvents events) {
        if (events.samples() == 0) {
            return Optional.empty();
        }
        int tiles = Math.max(1, events.resources().tiles());
        List<CostEstimate> phases = new ArrayList<>();
        double seconds = 0;
        for (ChipEvents phase : events.phases()) {
            CostEstimate e = model.estimate(phase, tiles).perSample(events.samples());
            phases.add(e);
            seconds += e.seconds();
        }
        CostEstimate all = model.estimate(events.total(), tiles).perSample(events.samples());
        CostEstimate perSample = new CostEstimate(all.joules(), seconds, all.counts(), all.joulesBy(), all.secondsBy());
        return Optional.of(new EnergyReport(circuit, mode, model, events, perSample, List.copyOf(phases)));
    }

    /** The circuit's published measurement in this mode, if the table holds one. */
    public Optional<Measurement> measured() {
        return model.table().measurement(circuit, mode);
    }

    /** Lines for the run summary. */
    public void print(PrintWriter out) {
        ResourceUsage r = events.resources();
        out.printf("%-22s %d %s on %d %s, %d compartments, %d synapses, %.1f KiB synaptic memory%n",
                "chip resources", r.cores().size(), r.cores().size() == 1 ? "core" : "cores", r.tiles(),
                r.tiles() == 1 ? "tile" : "tiles", r.compartments(), r.synapses(), r.synapticMemoryBits() / 8192.0);
        out.printf("%-22s %s / %s per %s sample (estimate, %s, %d samples)%n", "energy / time",
                joules(joules()), seconds(perSample.seconds()), mode, model.table().id(), events.samples());
        out.printf("%-22s dynamic %s + static %s%n", "energy parts", joules(perSample.joules()),
                model.table().staticPower().present() ? joules(staticJoules()) + " ("
                        + model.table().staticPower().watts() + " W)" : "none (the table has no static power)");
        measured().ifPresent(m -> out.printf("%-22s %s / %s per %s sample (%s); estimate is %.3g x / %.3g x%n",
                "published on Loihi", joules(m.joules()), seconds(m.seconds()), mode, m.source(),
                joules() / m.joules(), perSample.seconds() / m.seconds()));
    }

    /**
     * Writes {@code json} and, in {@code plots}, bar charts: {@code energy.png} (estimate beside the published
     * measurement), {@code energy-events.png} (by event), {@code energy-phases.png} (by phase).
     */
    public void write(Path json, Path plots) throws IOException {
        AtomicFiles.write(json, o -> JSON.writeValue(o, toJson()));
        save(comparisonChart(), plots.resolve("energy.png"));
        save(eventChart(), plots.resolve("energy-events.png"));
        save(phaseChart(), plots.resolve("energy-phases.png"));
    }

    private static void save(CategoryChart chart, Path png) throws IOException {
        AtomicFiles.write(png, o -> BitmapEncoder.saveBitmap(chart, o, BitmapEncoder.BitmapFormat.PNG));
    }

    Map<String, Object> toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("circuit", circuit);
        j.put("mode", mode);
        j.put("samples", events.samples());
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("id", model.table().id());
        table.put("source", model.table().source());
        table.put("assumptions", model.table().assumptions());
        Map<String, Object> power = new LinkedHashMap<>();
        power.put("watts", model.table().staticPower().watts());
        power.put("source", model.table().staticPower().source());
        table.put("staticPower", power);
        j.put("costTable", table);
        ResourceUsage r = events.resources();
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("cores", r.cores().size());
        resources.put("tiles", r.tiles());
        resources.put("compartments", r.compartments());
        resources.put("synapses", r.synapses());
        resources.put("synapticMemoryBits", r.synapticMemoryBits());
        j.put("resources", resources);
        long n = events.samples();
        j.put("perSample", estimate(perSample, staticJoules(), n));
        CostEstimate total = new CostEstimate(perSample.joules() * n, perSample.seconds() * n, perSample.counts(),
                scaled(perSample.joulesBy(), n), scaled(perSample.secondsBy(), n));
        Map<String, Object> totals = estimate(total, staticJoules() * n, 1);
        totals.put("samples", n);
        j.put("total", totals);
        List<Object> byPhase = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            CostEstimate phase = phases.get(p);
            Map<String, Object> e = estimate(phase, model.table().staticPower().joules(phase.seconds()), n);
            e.put("phase", p + 1);
            byPhase.add(e);
        }
        j.put("phases", byPhase);
        measured().ifPresent(m -> {
            Map<String, Object> pub = new LinkedHashMap<>();
            pub.put("joules", m.joules());
            pub.put("seconds", m.seconds());
            pub.put("source", m.source());
            pub.put("estimateOverMeasuredEnergy", joules() / m.joules());
            pub.put("estimateOverMeasuredTime", perSample.seconds() / m.seconds());
            j.put("published", pub);
        });
        return j;
    }

    /**
     * An estimate as JSON: energy (dynamic and static), time, and by event its count, energy and serial time.
     * {@code e}'s counts are totals over the run; they are divided by {@code samples} (1: kept as totals).
     */
    private static Map<String, Object> estimate(CostEstimate e, double staticJoules, long samples) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("joules", e.joules() + staticJoules);
        m.put("dynamicJoules", e.joules());
        m.put("staticJoules", staticJoules);
        m.put("seconds", e.seconds());
        Map<String, Object> by = new LinkedHashMap<>();
        for (Event event : Event.values()) {
            Map<String, Object> x = new LinkedHashMap<>();
            long count = e.counts().get(event);
            x.put("count", samples == 1 ? (Object) count : (Object) ((double) count / samples));
            x.put("joules", e.joulesBy().get(event));
            x.put("serialSeconds", e.secondsBy().get(event));
            by.put(event.key(), x);
        }
        m.put("events", by);
        return m;
    }

    private static Map<Event, Double> scaled(Map<Event, Double> values, long factor) {
        Map<Event, Double> m = new java.util.EnumMap<>(Event.class);
        values.forEach((k, v) -> m.put(k, v * factor));
        return m;
    }

    /** Estimate beside the published measurement: energy in uJ and time in us, which fall in the same range. */
    private CategoryChart comparisonChart() {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560)
                .title("Per " + mode + " sample: estimate (" + model.table().id() + ") and published").build();
        List<String> names = List.of("energy (uJ)", "time (us)");
        chart.addSeries("estimate", names, List.of(joules() * 1e6, perSample.seconds() * 1e6));
        measured().ifPresent(m -> chart.addSeries("published on Loihi", names,
                List.of(m.joules() * 1e6, m.seconds() * 1e6)));
        return chart;
    }

    /** Energy per sample by kind of event. */
    private CategoryChart eventChart() {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560)
                .title("Estimated energy per " + mode + " sample by event").yAxisTitle("energy (uJ)").build();
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setLegendVisible(false);
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Event event : Event.values()) {
            names.add(event.key());
            values.add(perSample.joulesBy().get(event) * 1e6);
        }
        chart.addSeries("energy", names, values);
        return chart;
    }

    private CategoryChart phaseChart() {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560)
                .title("Estimate per " + mode + " sample by phase").xAxisTitle("phase")
                .yAxisTitle("energy (nJ) / time (ns / 10)").build();
        List<Integer> phase = new ArrayList<>();
        List<Double> energy = new ArrayList<>();
        List<Double> time = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            phase.add(p + 1);
            energy.add(phases.get(p).joules() * 1e9);
            time.add(phases.get(p).seconds() * 1e8);
        }
        chart.addSeries("energy (nJ)", phase, energy);
        chart.addSeries("time (ns / 10)", phase, time);
        return chart;
    }

    static String joules(double j) {
        return j >= 1e-3 ? String.format("%.3g mJ", j * 1e3) : j >= 1e-6 ? String.format("%.3g uJ", j * 1e6)
                : j >= 1e-9 ? String.format("%.3g nJ", j * 1e9) : String.format("%.3g pJ", j * 1e12);
    }

    static String seconds(double s) {
        return s >= 1e-3 ? String.format("%.3g ms", s * 1e3) : s >= 1e-6 ? String.format("%.3g us", s * 1e6)
                : String.format("%.3g ns", s * 1e9);
    }
}
