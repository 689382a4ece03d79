package org.synfire.cli.internal.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.cost.CostTable;
import org.synfire.chip.api.cost.Event;
import org.synfire.chip.api.cost.Figure;
import org.synfire.chip.api.cost.Measurement;

/** The shipped data file holds the spec's figures (Davies et al. 2018, Table 2; Renner et al. 2024, Table 1). */
class CostTablesTest {

    @Test
    void theDefaultTableIsDavies2018() {
        CostTable t = CostTables.defaultTable();
        assertEquals("loihi1-davies2018", t.id());
        assertTrue(t.source().contains("Davies"), t.source());
        assertEquals(new Figure(23.6, 3.5), t.figure(Event.SYNAPTIC_OPERATION));
        assertEquals(new Figure(120, 6.1), t.figure(Event.SYNAPTIC_UPDATE));
        assertEquals(new Figure(81, 8.4), t.figure(Event.NEURON_UPDATE_ACTIVE));
        assertEquals(new Figure(52, 5.3), t.figure(Event.NEURON_UPDATE_IDLE));
        assertEquals(new Figure(1.7, 2.1), t.figure(Event.SPIKE_WITHIN_TILE));
        assertEquals(new Figure(3.0, 4.1), t.figure(Event.HOP_EAST_WEST));
        assertEquals(new Figure(4.0, 6.5), t.figure(Event.HOP_NORTH_SOUTH));
        assertEquals(113, t.barrierNanoseconds(1), 1e-9);
        assertEquals(465, t.barrierNanoseconds(32), 1e-9);
        Measurement training = t.measurement("sbp", "training").orElseThrow();
        assertEquals(0.59e-3, training.joules(), 1e-12);
        assertEquals(1.5e-3, training.seconds(), 1e-12);
        Measurement inference = t.measurement("sbp", "inference").orElseThrow();
        assertEquals(2.5e-6, inference.joules(), 1e-15);
        assertEquals(0.17e-3, inference.seconds(), 1e-12);
    }

    @Test
    void anotherTableIsJustData() {
        String json = """
                {"id": "other", "source": "a paper",
                 "figures": {"synaptic-operation": {"pJ": 1, "ns": 2}, "synaptic-update": {"pJ": 1, "ns": 2},
                   "neuron-update-active": {"pJ": 1, "ns": 2}, "neuron-update-idle": {"pJ": 1, "ns": 2},
                   "spike-within-tile": {"pJ": 1, "ns": 2}, "hop-east-west": {"pJ": 1, "ns": 2},
                   "hop-north-south": {"pJ": 1, "ns": 2}, "chip-crossing": {"pJ": 9, "ns": 2}},
                 "barrier": {"oneTileNs": 10, "allTilesNs": 20, "tilesPerChip": 11}}
                """;
        CostTable t = CostTables.parse(json, "other.json");
        assertEquals(new Figure(9, 2), t.figure(Event.CHIP_CROSSING));
        // written before learning-visit and host-spike existed: it charges neither
        assertEquals(new Figure(0, 0), t.figure(Event.LEARNING_VISIT));
        assertEquals(new Figure(0, 0), t.figure(Event.HOST_SPIKE));
        assertEquals(15, t.barrierNanoseconds(6), 1e-9); // 10 + 10 * 5 / 10
        assertEquals(0, t.staticPower().watts(), "a table without staticPower has none");
        assertEquals("the table states no static power", t.staticPower().source());
        CostTable powered = CostTables.parse(json.replace("\"barrier\"",
                "\"staticPower\": {\"watts\": 0.36, \"source\": \"a measurement\"}, \"barrier\""), "powered.json");
        assertEquals(0.36, powered.staticPower().watts());
        assertEquals("a measurement", powered.staticPower().source());
        assertEquals(0, CostTables.defaultTable().staticPower().watts(), "Davies et al. 2018 give none");
        assertTrue(CostTables.defaultTable().staticPower().source().startsWith("none: "));
    }

    @Test
    void theVisitTableIsDaviesTable2WithTheLearningEngineChargedPerVisitAndBlouwsIdlePowerPerCore() {
        CostTable d = CostTables.read("loihi1-davies2018.json");
        CostTable v = CostTables.read("loihi1-davies2018-blouw2019.json");
        assertEquals("loihi1-davies2018-blouw2019", v.id());
        for (Event e : Event.values()) {
            if (e == Event.BARRIER) {
                continue;
            }
            Figure expected = switch (e) {
                case SYNAPTIC_UPDATE -> new Figure(0, 0); // its work is in the visits
                case LEARNING_VISIT -> d.figure(Event.SYNAPTIC_UPDATE); // Table 2: 120 pJ, 6.1 ns
                default -> d.figure(e);
            };
            assertEquals(expected, v.figure(e), e.key());
        }
        assertEquals(new Figure(0, 0), d.figure(Event.LEARNING_VISIT), "the per-event table is as before");
        assertEquals(0.029, v.staticPower().watts(), "Blouw et al. 2019, Table 1: Loihi idle 0.029 W");
        assertEquals(128, v.staticPower().coresPerChip());
        assertEquals(d.measurements(), v.measurements());
    }

    @Test
    void aMisspelledEventIsNamed() {
        String json = """
                {"id": "bad", "source": "x", "figures": {"synaptic-op": {"pJ": 1, "ns": 2}},
                 "barrier": {"oneTileNs": 10, "allTilesNs": 20, "tilesPerChip": 11}}
                """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CostTables.parse(json, "bad.json"));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("synaptic-op"), e.getMessage());
    }
}
