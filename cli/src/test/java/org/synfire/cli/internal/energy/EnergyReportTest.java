package org.synfire.cli.internal.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.ResourceUsage;
import org.synfire.chip.api.CoreEvents;
import org.synfire.chip.api.circuit.PhaseEvents;
import org.synfire.chip.api.cost.CostModel;
import org.synfire.chip.api.cost.CostTable;
import org.synfire.chip.api.cost.StaticPower;

/** Per-sample figures from per-phase counts, worked out by hand with the shipped Davies et al. 2018 table. */
class EnergyReportTest {

    @TempDir
    Path temp;

    /** Two samples of a two-phase circuit on one core of one tile. */
    private static PhaseEvents events() {
        // phase 1 over both samples: 2 timesteps, 4 synaptic ops, 2 idle updates; phase 2: 2 timesteps,
        // 2 synaptic updates, 2 active updates, 2 messages of 1 east-west hop
        ChipEvents phase1 = new ChipEvents(2, 0, 0, 0, 0, List.of(new CoreEvents(0, 4, 0, 0, 2)));
        ChipEvents phase2 = new ChipEvents(2, 2, 2, 0, 0, List.of(new CoreEvents(0, 0, 2, 2, 0)));
        return new PhaseEvents(2, List.of(phase1, phase2), new ResourceUsage(1, 128, 4, List.of(new ResourceUsage.Core(0, 1, 1, 2, 1))));
    }

    @Test
    void perSampleEnergyAndTimeAreThePhasesSums() {
        EnergyReport r = EnergyReport.of("sbp", "training", new CostModel(CostTables.defaultTable()), events())
                .orElseThrow();
        // energy per sample: (4 x 23.6 + 2 x 52 + 2 x 120 + 2 x 81 + 2 x (1.7 + 3.0)) / 2
        //   = (94.4 + 104 + 240 + 162 + 9.4) / 2 = 304.9 pJ
        assertEquals(304.9e-12, r.perSample().joules(), 1e-21);
        // time per sample: phase 1 (4 x 3.5 + 2 x 5.3 + 2 x 113) / 2 = 125.3 ns;
        // phase 2 (2 x 6.1 + 2 x 8.4 + 2 x 113) / 2 = 127.5 ns; total 252.8 ns
        assertEquals(125.3e-9, r.phases().get(0).seconds(), 1e-17);
        assertEquals(127.5e-9, r.phases().get(1).seconds(), 1e-17);
        assertEquals(252.8e-9, r.perSample().seconds(), 1e-17);
    }

    @Test
    void reportsBesideThePublishedMeasurement() throws Exception {
        EnergyReport r = EnergyReport.of("sbp", "training", new CostModel(CostTables.defaultTable()), events())
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> published = (Map<String, Object>) r.toJson().get("published");
        assertEquals(0.59e-3, (double) published.get("joules"), 1e-15);
        assertEquals(304.9e-12 / 0.59e-3, (double) published.get("estimateOverMeasuredEnergy"), 1e-12);
        StringWriter text = new StringWriter();
        r.print(new PrintWriter(text, true));
        assertTrue(text.toString().contains("305 pJ / 253 ns per training sample"), text.toString());
        Files.createDirectories(temp.resolve("plots"));
        r.write(temp.resolve("energy.json"), temp.resolve("plots"));
        assertTrue(Files.size(temp.resolve("plots/energy.png")) > 0);
        assertTrue(Files.readString(temp.resolve("energy.json")).contains("\"synaptic-update\""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void perSampleFiguresArePerSampleAndTotalsSitUnderTotal() {
        EnergyReport r = EnergyReport.of("sbp", "training", new CostModel(CostTables.defaultTable()), events())
                .orElseThrow();
        Map<String, Object> json = r.toJson();
        Map<String, Object> perSample = (Map<String, Object>) json.get("perSample");
        Map<String, Object> total = (Map<String, Object>) json.get("total");
        Map<String, Object> ops = (Map<String, Object>) ((Map<String, Object>) perSample.get("events"))
                .get("synaptic-operation");
        Map<String, Object> allOps = (Map<String, Object>) ((Map<String, Object>) total.get("events"))
                .get("synaptic-operation");
        assertEquals(2.0, ops.get("count"), "4 synaptic operations over 2 samples");
        assertEquals(4L, allOps.get("count"));
        assertEquals(2L, total.get("samples"));
        assertEquals(2 * 304.9e-12, (double) total.get("joules"), 1e-21);
        assertEquals(304.9e-12, (double) perSample.get("dynamicJoules"), 1e-21);
        assertEquals(0.0, (double) perSample.get("staticJoules"));
        Map<String, Object> phase2 = (Map<String, Object>) ((List<Object>) json.get("phases")).get(1);
        assertEquals(1.0, ((Map<String, Object>) ((Map<String, Object>) phase2.get("events"))
                .get("synaptic-update")).get("count"), "2 synaptic updates over 2 samples");
        Map<String, Object> power = (Map<String, Object>) ((Map<String, Object>) json.get("costTable"))
                .get("staticPower");
        assertEquals(0.0, power.get("watts"));
        assertTrue(((String) power.get("source")).startsWith("none: Davies et al. 2018"), power.toString());
        StringWriter text = new StringWriter();
        r.print(new PrintWriter(text, true));
        assertTrue(text.toString().contains("dynamic 305 pJ + static none"), text.toString());
        // the parts per sample: synapses 4 x 23.6 / 2 = 47.2 pJ; neurons (2 x 52 + 2 x 81) / 2 = 133 pJ; learning
        // engine 2 x 120 / 2 = 120 pJ; messages 2 x (1.7 + 3.0) / 2 = 4.7 pJ; host 0
        assertTrue(text.toString().contains("dynamic: synapses 47.2 pJ, neurons 133 pJ, learning engine 120 pJ, "
                + "messages 4.70 pJ, host 0"), text.toString());
        Map<String, Object> parts = (Map<String, Object>) perSample.get("parts");
        assertEquals(120e-12, (double) parts.get("learning engine"), 1e-21);
        assertEquals(0.0, (double) parts.get("static"));
    }

    @Test
    void theVisitTableChargesTheLearningEngineAndEachCoreInUseItsShareOfStaticPower() {
        CostTable t = CostTables.read("loihi1-davies2018-blouw2019.json");
        // one core: 100 plastic synapses visited per sample (200 over the 2 samples), 2 synapses whose dependency
        // held (free here: their work is in the visits), 3 host spikes; 1 timestep, 1 tile
        ChipEvents e = new ChipEvents(2, 0, 0, 0, 0, 3, List.of(new CoreEvents(0, 0, 2, 0, 0, 200)));
        PhaseEvents events = new PhaseEvents(2, List.of(e), new ResourceUsage(1, 128, 4,
                List.of(new ResourceUsage.Core(0, 1, 1, 2, 1))));
        EnergyReport r = EnergyReport.of("sbp", "training", new CostModel(t), events).orElseThrow();
        // dynamic: 100 x 120 pJ = 12 nJ per sample; time: (200 x 6.1 + 2 x 113) / 2 = 723 ns per sample
        assertEquals(12e-9, r.perSample().joules(), 1e-18);
        assertEquals(723e-9, r.perSample().seconds(), 1e-16);
        // static: 0.029 W x 1 / 128 cores = 226.5625 uW, over 723 ns: 163.80469 pJ
        assertEquals(0.029 / 128 * 723e-9, r.staticJoules(), 1e-20);
        assertEquals(12e-9 + 0.029 / 128 * 723e-9, r.joules(), 1e-18);
        StringWriter text = new StringWriter();
        r.print(new PrintWriter(text, true));
        assertTrue(text.toString().contains("+ static 164 pJ (0.000227 W: 0.029 W x 1 of 128 cores); dynamic: "
                + "synapses 0, neurons 0, learning engine 12.0 nJ, messages 0, host 0"), text.toString());
    }

    @Test
    void aStaticPowerTermIsChargedForTheTime() {
        CostTable d = CostTables.defaultTable();
        CostTable withStatic = new CostTable(d.id(), d.source(), d.figures(), d.barrierOneTile(), d.barrierAllTiles(),
                d.tilesPerChip(), d.assumptions(), d.measurements(), new StaticPower(0.5, "a test"));
        EnergyReport r = EnergyReport.of("sbp", "training", new CostModel(withStatic), events()).orElseThrow();
        // 0.5 W x 252.8 ns = 126.4 nJ per sample
        assertEquals(126.4e-9, r.staticJoules(), 1e-18);
        assertEquals(304.9e-12 + 126.4e-9, r.joules(), 1e-18);
        StringWriter text = new StringWriter();
        r.print(new PrintWriter(text, true));
        assertTrue(text.toString().contains("dynamic 305 pJ + static 126 nJ (0.5 W)"), text.toString());
    }

    @Test
    void noSamplesNoReport() {
        PhaseEvents none = new PhaseEvents(0, events().phases(), events().resources());
        assertTrue(EnergyReport.of("sbp", "training", new CostModel(CostTables.defaultTable()), none).isEmpty());
    }

    @Test
    void energyAndTimePerPhaseHaveTheirOwnAxesInPlainUnitsOverThePhaseNames() throws Exception {
        PhaseEvents named = new PhaseEvents(2, events().phases(), events().resources(), List.of("x", "w1+"));
        EnergyReport r = EnergyReport.of("sbp", "training", new CostModel(CostTables.defaultTable()), named)
                .orElseThrow();

        List<org.knowm.xchart.CategoryChart> phases = r.figures().phaseCharts();
        assertEquals("energy (uJ)", phases.get(0).getYAxisTitle());
        assertEquals("time (us)", phases.get(1).getYAxisTitle());
        assertEquals(List.of("x", "w1+"), phases.get(1).getSeriesMap().get("time (us)").getXData());
        assertEquals(125.3e-3, phases.get(1).getSeriesMap().get("time (us)").getYData().iterator().next()
                .doubleValue(), 1e-12);
        List<org.knowm.xchart.CategoryChart> comparison = r.figures().comparisonCharts();
        assertEquals("energy (uJ)", comparison.get(0).getYAxisTitle());
        assertEquals(List.of(304.9e-6, 590.0), comparison.get(0).getSeriesMap().get("energy (uJ)").getYData()
                .stream().map(v -> Math.round(v.doubleValue() * 1e7) / 1e7).toList());
        assertEquals("time (us)", comparison.get(1).getYAxisTitle());

        r.write(temp.resolve("energy.json"), temp.resolve("plots"));
        EnergyReport.redraw(temp.resolve("energy.json"), temp.resolve("again"));
        for (String png : List.of("energy.png", "energy-events.png", "energy-phases.png")) {
            assertTrue(Files.size(temp.resolve("plots").resolve(png)) > 1000, png);
            assertEquals(-1L, Files.mismatch(temp.resolve("plots").resolve(png), temp.resolve("again").resolve(png)),
                    png + " is drawn again from energy.json as it was");
        }
    }
}
