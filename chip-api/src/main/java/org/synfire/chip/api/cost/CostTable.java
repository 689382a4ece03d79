package org.synfire.chip.api.cost;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A table of what each event costs on a chip, with its source, as a cost data file holds it.
 *
 * <p>The barrier's time depends on the tiles taking part: {@code barrierOneTile} ns for one tile,
 * {@code barrierAllTiles} ns for {@code tilesPerChip}, linear in between (the source gives only the two ends)
 * and extrapolated on the same line beyond one chip. The barrier costs no energy of its own here.
 *
 * @param id              the table's id
 * @param source          where the figures come from
 * @param figures         energy and time of every {@link Event} but {@link Event#BARRIER}
 * @param barrierOneTile  barrier time with one tile, ns
 * @param barrierAllTiles barrier time with {@code tilesPerChip} tiles, ns
 * @param tilesPerChip    the tiles of a chip
 * @param assumptions     how the figures are applied, in words
 * @param measurements    published measurements to report estimates beside
 * @param staticPower     static power charged for the estimated time, or none with the reason
 */
public record CostTable(String id, String source, Map<Event, Figure> figures, double barrierOneTile,
        double barrierAllTiles, int tilesPerChip, List<String> assumptions, List<Measurement> measurements,
        StaticPower staticPower) {

    /** A table without static power (the table does not state one). */
    public CostTable(String id, String source, Map<Event, Figure> figures, double barrierOneTile,
            double barrierAllTiles, int tilesPerChip, List<String> assumptions, List<Measurement> measurements) {
        this(id, source, figures, barrierOneTile, barrierAllTiles, tilesPerChip, assumptions, measurements,
                StaticPower.none("the table states no static power"));
    }

    public CostTable {
        figures = Map.copyOf(new EnumMap<>(figures));
        for (Event e : Event.values()) {
            if (e != Event.BARRIER && !figures.containsKey(e)) {
                throw new IllegalArgumentException("cost table " + id + ": no figure for " + e.key()
                        + "; give one (0 if the event is free) for every event but barrier");
            }
        }
        if (figures.containsKey(Event.BARRIER)) {
            throw new IllegalArgumentException("cost table " + id
                    + ": the barrier is given by barrierOneTile / barrierAllTiles, not as a figure");
        }
        if (tilesPerChip < 2 || !(barrierOneTile >= 0) || !(barrierAllTiles >= barrierOneTile)) {
            throw new IllegalArgumentException("cost table " + id + ": barrier " + barrierOneTile + " .. "
                    + barrierAllTiles + " ns for 1 .. " + tilesPerChip
                    + " tiles; expected 0 <= one tile <= all tiles and at least 2 tiles per chip");
        }
        assumptions = List.copyOf(assumptions);
        measurements = List.copyOf(measurements);
        java.util.Objects.requireNonNull(staticPower, "cost table " + id + ": static power");
    }

    /** The figure of {@code event} (not {@link Event#BARRIER}). */
    public Figure figure(Event event) {
        Figure f = figures.get(event);
        if (f == null) {
            throw new IllegalArgumentException("cost table " + id + " has no figure for " + event.key());
        }
        return f;
    }

    /** Barrier time in ns with {@code tiles} tiles taking part (see the class comment). */
    public double barrierNanoseconds(int tiles) {
        if (tiles < 1) {
            throw new IllegalArgumentException("barrier of " + tiles + " tiles: expected 1 or more");
        }
        return barrierOneTile + (barrierAllTiles - barrierOneTile) * (tiles - 1) / (tilesPerChip - 1);
    }

    /** The published measurement of {@code circuit} in {@code mode}, if the table holds one. */
    public java.util.Optional<Measurement> measurement(String circuit, String mode) {
        return measurements.stream().filter(m -> m.circuit().equals(circuit) && m.mode().equals(mode)).findFirst();
    }
}
