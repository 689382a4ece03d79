package org.synfire.chip.api.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.CoreEvents;

/** The model's arithmetic against numbers worked out by hand from Davies et al. 2018, Table 2 (the spec's table). */
class CostModelTest {

    private static final double PJ = 1e-12;
    private static final double NS = 1e-9;

    static CostTable davies() {
        Map<Event, Figure> f = new EnumMap<>(Event.class);
        f.put(Event.SYNAPTIC_OPERATION, new Figure(23.6, 3.5));
        f.put(Event.SYNAPTIC_UPDATE, new Figure(120, 6.1));
        f.put(Event.NEURON_UPDATE_ACTIVE, new Figure(81, 8.4));
        f.put(Event.NEURON_UPDATE_IDLE, new Figure(52, 5.3));
        f.put(Event.SPIKE_WITHIN_TILE, new Figure(1.7, 2.1));
        f.put(Event.HOP_EAST_WEST, new Figure(3.0, 4.1));
        f.put(Event.HOP_NORTH_SOUTH, new Figure(4.0, 6.5));
        f.put(Event.CHIP_CROSSING, new Figure(0, 0));
        f.put(Event.LEARNING_VISIT, new Figure(0, 0));
        f.put(Event.HOST_SPIKE, new Figure(0, 0));
        return new CostTable("test", "Davies et al. 2018", f, 113, 465, 32, List.of(), List.of());
    }

    /** As {@link #davies()}, but the learning engine charged per visit (Table 2's synaptic-update figure). */
    static CostTable perVisit() {
        Map<Event, Figure> f = new EnumMap<>(davies().figures());
        f.put(Event.SYNAPTIC_UPDATE, new Figure(0, 0));
        f.put(Event.LEARNING_VISIT, new Figure(120, 6.1));
        return new CostTable("visits", "Davies et al. 2018", f, 113, 465, 32, List.of(), List.of());
    }

    private static final CostModel MODEL = new CostModel(davies());

    private static ChipEvents messages(long messages, long eastWest, long northSouth) {
        return new ChipEvents(0, messages, eastWest, northSouth, 0, List.of());
    }

    @Test
    void aSpikeCrossingTwoTilesCostsOneMessageAndTwoHops() {
        // 1.7 pJ within the tile + 2 x 3.0 pJ east-west = 7.7 pJ
        assertEquals(7.7 * PJ, MODEL.estimate(messages(1, 2, 0), 1).joules(), 1e-9 * PJ);
        // north-south: 1.7 + 4.0 = 5.7 pJ
        assertEquals(5.7 * PJ, MODEL.estimate(messages(1, 0, 1), 1).joules(), 1e-9 * PJ);
    }

    @Test
    void barrierGrowsLinearlyWithTheTilesInUse() {
        CostTable t = davies();
        assertEquals(113, t.barrierNanoseconds(1), 1e-9);
        assertEquals(465, t.barrierNanoseconds(32), 1e-9);
        // 16 tiles: 113 + (465 - 113) * 15 / 31 = 283.3226 ns
        assertEquals(283.32258, t.barrierNanoseconds(16), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> t.barrierNanoseconds(0));
    }

    @Test
    void oneTimestepOfOneCore() {
        // 5 synaptic ops, 4 synaptic updates, 2 active and 3 idle compartment updates, 1 message of 2 hops,
        // on a network of 2 tiles.
        ChipEvents e = new ChipEvents(1, 1, 2, 0, 0, List.of(new CoreEvents(0, 5, 4, 2, 3)));
        CostEstimate c = MODEL.estimate(e, 2);
        // energy: 5 x 23.6 + 4 x 120 + 2 x 81 + 3 x 52 + 1.7 + 2 x 3.0 = 118 + 480 + 162 + 156 + 7.7 = 923.7 pJ
        assertEquals(923.7 * PJ, c.joules(), 1e-9 * PJ);
        assertEquals(480 * PJ, c.joulesBy().get(Event.SYNAPTIC_UPDATE), 1e-9 * PJ);
        // time: core 5 x 3.5 + 4 x 6.1 + 2 x 8.4 + 3 x 5.3 = 74.6 ns; barrier of 2 tiles 113 + 352 / 31 = 124.3548 ns
        assertEquals((74.6 + 124.354839) * NS, c.seconds(), 1e-5 * NS);
        assertEquals(1L, c.counts().get(Event.BARRIER));
    }

    @Test
    void aPerVisitTableChargesTheLearningEngineForEveryPlasticSynapseVisited() {
        // 1 timestep of one core: 5 synaptic ops, 4 synapses whose dependency held, 1000 plastic synapses visited,
        // 2 active and 3 idle updates; 7 host spikes; no messages; 1 tile
        ChipEvents e = new ChipEvents(1, 0, 0, 0, 0, 7, List.of(new CoreEvents(0, 5, 4, 2, 3, 1000)));
        CostEstimate c = new CostModel(perVisit()).estimate(e, 1);
        // energy: 5 x 23.6 + 1000 x 120 + 2 x 81 + 3 x 52 = 118 + 120000 + 162 + 156 = 120436 pJ (updates, host: 0)
        assertEquals(120436 * PJ, c.joules(), 1e-9 * PJ);
        assertEquals(120000 * PJ, c.joulesBy().get(Event.LEARNING_VISIT), 1e-9 * PJ);
        assertEquals(0.0, c.joulesBy().get(Event.SYNAPTIC_UPDATE));
        assertEquals(7L, c.counts().get(Event.HOST_SPIKE));
        assertEquals(1000L, c.counts().get(Event.LEARNING_VISIT));
        // time: 5 x 3.5 + 1000 x 6.1 + 2 x 8.4 + 3 x 5.3 = 17.5 + 6100 + 16.8 + 15.9 = 6150.2 ns, + 113 ns barrier
        assertEquals((6150.2 + 113) * NS, c.seconds(), 1e-5 * NS);
        // the per-event table charges the same counts as before: visits and host spikes cost nothing there
        CostEstimate old = MODEL.estimate(e, 1);
        assertEquals((118 + 480 + 162 + 156) * PJ, old.joules(), 1e-9 * PJ);
    }

    @Test
    void theBusiestCoreSetsTheTime() {
        // core 0: 10 synaptic ops = 35 ns; core 4: 3 active updates = 25.2 ns; 1 timestep on 2 tiles
        ChipEvents e = new ChipEvents(1, 0, 0, 0, 0,
                List.of(new CoreEvents(0, 10, 0, 0, 0), new CoreEvents(4, 0, 0, 3, 0)));
        CostEstimate c = MODEL.estimate(e, 2);
        assertEquals((35 + 124.354839) * NS, c.seconds(), 1e-5 * NS);
        // energy adds over cores: 10 x 23.6 + 3 x 81 = 479 pJ
        assertEquals(479 * PJ, c.joules(), 1e-9 * PJ);
    }

    @Test
    void perSampleDividesEnergyAndTime() {
        ChipEvents e = new ChipEvents(3, 0, 0, 0, 0, List.of(new CoreEvents(0, 0, 0, 0, 3)));
        CostEstimate c = MODEL.estimate(e, 1).perSample(3);
        // per sample: 1 idle update (52 pJ); time: 3 x 5.3 ns + 3 barriers of 113 ns, over 3 samples
        assertEquals(52 * PJ, c.joules(), 1e-9 * PJ);
        assertEquals((5.3 + 113) * NS, c.seconds(), 1e-5 * NS);
    }

    @Test
    void aTableMustGiveEveryEvent() {
        Map<Event, Figure> f = new EnumMap<>(davies().figures());
        f.remove(Event.HOP_NORTH_SOUTH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CostTable("partial", "nowhere", f, 113, 465, 32, List.of(), List.of()));
        assertTrue(e.getMessage().contains("hop-north-south"), e.getMessage());
    }
}
