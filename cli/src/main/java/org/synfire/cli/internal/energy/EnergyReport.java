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

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.ResourceUsage;
import org.synfire.chip.api.circuit.PhaseEvents;
import org.synfire.chip.api.cost.CostEstimate;
import org.synfire.chip.api.cost.CostModel;
import org.synfire.chip.api.cost.Event;
import org.synfire.chip.api.cost.Measurement;
import org.synfire.chip.api.cost.StaticPower;
import org.synfire.cli.internal.run.AtomicFiles;
import org.synfire.cli.internal.run.Plots;

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
 * @param stages    how many stages of the circuit the events cover (1; more when a schedule reopened the circuit
 *                  between epochs and the events of every stage were added, see {@link #combined})
 */
public record EnergyReport(String circuit, String mode, CostModel model, PhaseEvents events, CostEstimate perSample,
        List<CostEstimate> phases, int stages) {

    public EnergyReport {
        if (stages < 1) {
            throw new IllegalArgumentException("stages " + stages + " must be at least 1");
        }
    }

    /** Static energy per sample: the table's static power (of the cores in use) times the time per sample. */
    public double staticJoules() {
        return staticJoules(perSample.seconds());
    }

    private double staticJoules(double seconds) {
        return model.table().staticPower().joules(seconds, events.resources().cores().size());
    }

    /** Energy per sample, dynamic and static. */
    public double joules() {
        return perSample.joules() + staticJoules();
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The report of {@code events} of one stage of the circuit, or empty if no sample was counted. */
    public static Optional<EnergyReport> of(String circuit, String mode, CostModel model, PhaseEvents events) {
        return of(circuit, mode, model, events, 1);
    }

    /**
     * The report of {@code events} counted over {@code stages} stages of the circuit (each reopened between epochs,
     * their events added with {@link #combined}), or empty if no sample was counted.
     */
    public static Optional<EnergyReport> of(String circuit, String mode, CostModel model, PhaseEvents events,
            int stages) {
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
        return Optional.of(new EnergyReport(circuit, mode, model, events, perSample, List.copyOf(phases), stages));
    }

    /**
     * The events of two stages of one circuit run one after the other (the circuit reopened between epochs with
     * other settings, e.g. a halved step): samples and each phase's events added; the resources and phase names of
     * the later stage (a schedule changes weights and exponents, not the circuit's shape).
     *
     * @throws IllegalArgumentException if the stages have different phases
     */
    public static PhaseEvents combined(PhaseEvents earlier, PhaseEvents later) {
        if (earlier.phases().size() != later.phases().size()) {
            throw new IllegalArgumentException("stages of " + earlier.phases().size() + " and "
                    + later.phases().size() + " phases cannot be added");
        }
        List<ChipEvents> phases = new ArrayList<>();
        for (int p = 0; p < later.phases().size(); p++) {
            phases.add(earlier.phases().get(p).plus(later.phases().get(p)));
        }
        return new PhaseEvents(earlier.samples() + later.samples(), phases, later.resources(), later.names());
    }

    /** The circuit's published measurement in this mode, if the table holds one. */
    public Optional<Measurement> measured() {
        return model.table().measurement(circuit, mode);
    }

    /**
     * The dynamic energy per sample by part of the chip, in joules: synaptic operations, compartment updates, the
     * learning engine (its synaptic updates and visits), spike messages (within a tile, hops, chip crossings) and
     * host spikes. The parts sum to the dynamic energy.
     */
    public Map<String, Double> parts() {
        Map<Event, Double> by = perSample.joulesBy();
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("synapses", by.get(Event.SYNAPTIC_OPERATION));
        parts.put("neurons", by.get(Event.NEURON_UPDATE_ACTIVE) + by.get(Event.NEURON_UPDATE_IDLE));
        parts.put("learning engine", by.get(Event.SYNAPTIC_UPDATE) + by.get(Event.LEARNING_VISIT));
        parts.put("messages", by.get(Event.SPIKE_WITHIN_TILE) + by.get(Event.HOP_EAST_WEST)
                + by.get(Event.HOP_NORTH_SOUTH) + by.get(Event.CHIP_CROSSING) + by.get(Event.BARRIER));
        parts.put("host", by.get(Event.HOST_SPIKE));
        return parts;
    }

    /** Lines for the run summary. */
    public void print(PrintWriter out) {
        ResourceUsage r = events.resources();
        out.printf("%-22s %d %s on %d %s, %d compartments, %d synapses, %.1f KiB synaptic memory%n",
                "chip resources", r.cores().size(), r.cores().size() == 1 ? "core" : "cores", r.tiles(),
                r.tiles() == 1 ? "tile" : "tiles", r.compartments(), r.synapses(), r.synapticMemoryBits() / 8192.0);
        out.printf("%-22s %s / %s per %s sample (estimate, %s, %d samples%s)%n", "energy / time",
                joules(joules()), seconds(perSample.seconds()), mode, model.table().id(), events.samples(),
                stages == 1 ? "" : ", " + stages + " stages of the step");
        StaticPower power = model.table().staticPower();
        StringBuilder parts = new StringBuilder();
        parts().forEach((name, j) -> parts.append(parts.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(j == 0 ? "0" : joules(j)));
        out.printf("%-22s dynamic %s + static %s; dynamic: %s%n", "energy parts", joules(perSample.joules()),
                !power.present() ? "none (the table has no static power)"
                        : power.coresPerChip() == 0 ? joules(staticJoules()) + " (" + power.watts() + " W)"
                        : String.format("%s (%.3g W: %s W x %d of %d cores)", joules(staticJoules()),
                                power.watts(r.cores().size()), power.watts(), r.cores().size(),
                                power.coresPerChip()),
                parts);
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
        figures().draw(plots);
    }

    /** Draws the charts of {@link #write} again from the JSON file it wrote, into {@code plots}. */
    public static void redraw(Path json, Path plots) throws IOException {
        Figures.of(JSON.readTree(json.toFile())).draw(plots);
    }

    /** What the charts show: all per sample, in joules and seconds. */
    record Figures(String mode, String table, double joules, double seconds, Map<String, Double> joulesByEvent,
            List<String> phaseNames, List<Double> phaseJoules, List<Double> phaseSeconds,
            Optional<Measurement> published) {

        static Figures of(com.fasterxml.jackson.databind.JsonNode j) {
            Map<String, Double> byEvent = new LinkedHashMap<>();
            j.path("perSample").path("events").properties()
                    .forEach(e -> byEvent.put(e.getKey(), e.getValue().path("joules").asDouble()));
            List<String> names = new ArrayList<>();
            List<Double> joules = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode phase : j.path("phases")) {
                names.add(phase.has("name") ? phase.path("name").asText()
                        : Integer.toString(phase.path("phase").asInt() - 1));
                joules.add(phase.path("joules").asDouble());
                seconds.add(phase.path("seconds").asDouble());
            }
            com.fasterxml.jackson.databind.JsonNode pub = j.path("published");
            Optional<Measurement> published = pub.isMissingNode() ? Optional.empty()
                    : Optional.of(new Measurement(j.path("circuit").asText(), j.path("mode").asText(),
                            pub.path("joules").asDouble(), pub.path("seconds").asDouble(), pub.path("source").asText()));
            return new Figures(j.path("mode").asText(), j.path("costTable").path("id").asText(),
                    j.path("perSample").path("joules").asDouble(), j.path("perSample").path("seconds").asDouble(),
                    byEvent, names, joules, seconds, published);
        }

        void draw(Path plots) throws IOException {
            Plots.save(comparisonCharts(), 2, plots.resolve("energy.png"));
            Plots.save(List.of(eventChart()), 1, plots.resolve("energy-events.png"));
            Plots.save(phaseCharts(), 1, plots.resolve("energy-phases.png"));
        }

        /** Estimate beside the published measurement: energy (uJ) and time (us), each on its own axis. */
        List<CategoryChart> comparisonCharts() {
            return List.of(comparison("Energy per " + mode + " sample", "energy (uJ)", joules * 1e6,
                            published.map(m -> m.joules() * 1e6)),
                    comparison("Time per " + mode + " sample", "time (us)", seconds * 1e6,
                            published.map(m -> m.seconds() * 1e6)));
        }

        private CategoryChart comparison(String title, String axis, double estimate, Optional<Double> measured) {
            CategoryChart chart = new CategoryChartBuilder().width(450).height(500).title(title).yAxisTitle(axis)
                    .build();
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisDecimalPattern("0.###");
            // the table under the axis: under a bar its long id runs into the next label
            chart.setXAxisTitle("estimate: " + table);
            List<String> names = new ArrayList<>(List.of("estimate"));
            List<Double> values = new ArrayList<>(List.of(estimate));
            measured.ifPresent(m -> {
                names.add("published on Loihi");
                values.add(m);
            });
            chart.addSeries(axis, names, values);
            return chart;
        }

        /** Energy per sample by kind of event. */
        CategoryChart eventChart() {
            CategoryChart chart = new CategoryChartBuilder().width(900).height(560)
                    .title("Estimated energy per " + mode + " sample by event (" + table + ")")
                    .yAxisTitle("energy (uJ)").build();
            chart.getStyler().setXAxisLabelRotation(45);
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setYAxisDecimalPattern("0.###");
            chart.addSeries("energy (uJ)", new ArrayList<>(joulesByEvent.keySet()),
                    joulesByEvent.values().stream().map(v -> v * 1e6).toList());
            return chart;
        }

        /** Energy (uJ) and time (us) per sample in each phase, named as the circuit names them, one above the other. */
        List<CategoryChart> phaseCharts() {
            return List.of(phase("Estimated energy per " + mode + " sample by phase (" + table + ")", "energy (uJ)",
                            phaseJoules),
                    phase("Estimated time per " + mode + " sample by phase", "time (us)", phaseSeconds));
        }

        private CategoryChart phase(String title, String axis, List<Double> values) {
            CategoryChart chart = new CategoryChartBuilder().width(Math.max(900, 160 + 40 * phaseNames.size()))
                    .height(400).title(title).xAxisTitle("phase").yAxisTitle(axis).build();
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisDecimalPattern("0.###");
            chart.getStyler().setXAxisLabelRotation(phaseNames.size() > 16 ? 90 : 0);
            chart.addSeries(axis, phaseNames, values.stream().map(v -> v * 1e6).toList());
            return chart;
        }
    }

    /** What the charts of this report show. */
    Figures figures() {
        Map<String, Double> byEvent = new LinkedHashMap<>();
        for (Event event : Event.values()) {
            byEvent.put(event.key(), perSample.joulesBy().get(event));
        }
        return new Figures(mode, model.table().id(), joules(), perSample.seconds(), byEvent,
                events.names(), phases.stream().map(p -> p.joules() + staticJoules(p.seconds())).toList(),
                phases.stream().map(CostEstimate::seconds).toList(), measured());
    }

    Map<String, Object> toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("circuit", circuit);
        j.put("mode", mode);
        j.put("samples", events.samples());
        j.put("stages", stages);
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("id", model.table().id());
        table.put("source", model.table().source());
        table.put("assumptions", model.table().assumptions());
        Map<String, Object> power = new LinkedHashMap<>();
        power.put("watts", model.table().staticPower().watts());
        power.put("source", model.table().staticPower().source());
        power.put("coresPerChip", model.table().staticPower().coresPerChip());
        power.put("wattsCharged", model.table().staticPower().watts(events.resources().cores().size()));
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
        Map<String, Object> per = estimate(perSample, staticJoules(), n);
        Map<String, Object> parts = new LinkedHashMap<>(parts());
        parts.put("static", staticJoules());
        per.put("parts", parts);
        j.put("perSample", per);
        CostEstimate total = new CostEstimate(perSample.joules() * n, perSample.seconds() * n, perSample.counts(),
                scaled(perSample.joulesBy(), n), scaled(perSample.secondsBy(), n));
        Map<String, Object> totals = estimate(total, staticJoules() * n, 1);
        totals.put("samples", n);
        j.put("total", totals);
        List<Object> byPhase = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            CostEstimate phase = phases.get(p);
            Map<String, Object> e = estimate(phase, staticJoules(phase.seconds()), n);
            e.put("phase", p + 1);
            e.put("name", events.names().get(p));
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

    static String joules(double j) {
        return j >= 1e-3 ? String.format("%.3g mJ", j * 1e3) : j >= 1e-6 ? String.format("%.3g uJ", j * 1e6)
                : j >= 1e-9 ? String.format("%.3g nJ", j * 1e9) : String.format("%.3g pJ", j * 1e12);
    }

    static String seconds(double s) {
        return s >= 1e-3 ? String.format("%.3g ms", s * 1e3) : s >= 1e-6 ? String.format("%.3g us", s * 1e6)
                : String.format("%.3g ns", s * 1e9);
    }

    private static Map<Event, Double> scaled(Map<Event, Double> values, long factor) {
        Map<Event, Double> m = new java.util.EnumMap<>(Event.class);
        values.forEach((k, v) -> m.put(k, v * factor));
        return m;
    }
}
