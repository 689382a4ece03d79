package org.synfire.cli.internal.energy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.synfire.chip.api.cost.CostTable;
import org.synfire.chip.api.cost.Event;
import org.synfire.chip.api.cost.Figure;
import org.synfire.chip.api.cost.Measurement;
import org.synfire.chip.api.cost.StaticPower;

/**
 * Reads cost tables from their data files: the tables this module ships are listed in the resource
 * {@code tables.txt} beside them, Loihi 1's first. Each is contributed to the platform by a
 * {@link TableCostModelProvider} subclass declared as a service. Which table a run uses is its backend's choice
 * ({@code ChipBackend.costTable()}) or the run's ({@code --cost-table}), not this class's.
 */
public final class CostTables {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "tables.txt";

    private CostTables() {
    }

    /** Every table shipped, Loihi 1's first. */
    public static List<CostTable> shipped() {
        List<CostTable> tables = new ArrayList<>();
        for (String line : resource(INDEX).split("\n")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                tables.add(read(file));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("cost tables: " + INDEX + " lists no table");
        }
        return tables;
    }

    /**
     * The first table shipped: Loihi 1's per-event figures alone, {@code loihi1-davies2018} (the loihi1 backend's
     * default is {@code loihi1-davies2018-blouw2019}, which builds on it).
     */
    public static CostTable defaultTable() {
        return shipped().get(0);
    }

    /**
     * The published measurement of {@code circuit} in {@code mode} from whichever shipped table holds it (the
     * sBP paper's Loihi-1 figures are in Loihi 1's), whatever table a run is costed with.
     */
    public static Optional<Measurement> published(String circuit, String mode) {
        return shipped().stream().flatMap(t -> t.measurement(circuit, mode).stream()).findFirst();
    }

    /** Reads the shipped table of this data file (beside this class). */
    public static CostTable read(String file) {
        return parse(resource(file), file);
    }

    /**
     * Parses a table's JSON text; {@code where} names it in errors. A table must give a figure for every event but
     * the barrier, except {@code learning-visit} and {@code host-spike}, added later: they cost 0 where it omits them.
     */
    public static CostTable parse(String json, String where) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<Event, Figure> figures = new EnumMap<>(Event.class);
            Iterator<Map.Entry<String, JsonNode>> fields = required(root, "figures", where).properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                figures.put(Event.of(f.getKey()), new Figure(number(f.getValue(), "pJ", where + " " + f.getKey()),
                        number(f.getValue(), "ns", where + " " + f.getKey())));
            }
            // the events added after the first tables: a table written before them charged neither
            for (Event added : List.of(Event.LEARNING_VISIT, Event.HOST_SPIKE)) {
                figures.putIfAbsent(added, new Figure(0, 0));
            }
            JsonNode barrier = required(root, "barrier", where);
            List<String> assumptions = new ArrayList<>();
            root.path("assumptions").forEach(a -> assumptions.add(a.asText()));
            List<Measurement> measurements = new ArrayList<>();
            for (JsonNode m : root.path("measurements")) {
                measurements.add(new Measurement(text(m, "circuit", where), text(m, "mode", where),
                        number(m, "joules", where), number(m, "seconds", where), text(m, "source", where)));
            }
            JsonNode power = root.get("staticPower");
            StaticPower staticPower = power == null || power.isNull()
                    ? StaticPower.none("the table states no static power")
                    : new StaticPower(number(power, "watts", where + " staticPower"),
                            text(power, "source", where + " staticPower"),
                            power.has("coresPerChip") ? (int) number(power, "coresPerChip", where + " staticPower") : 0);
            return new CostTable(text(root, "id", where), text(root, "source", where), figures,
                    number(barrier, "oneTileNs", where), number(barrier, "allTilesNs", where),
                    (int) number(barrier, "tilesPerChip", where), assumptions, measurements, staticPower);
        } catch (IOException e) {
            throw new IllegalArgumentException("cost table " + where + ": not valid JSON: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cost table " + where + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("cost table " + where + ": field '" + field + "' is missing");
        }
        return v;
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode v = required(node, field, where);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("cost table " + where + ": field '" + field + "' is " + v
                    + ", expected a number");
        }
        return v.asDouble();
    }

    private static String text(JsonNode node, String field, String where) {
        return required(node, field, where).asText();
    }

    private static String resource(String name) {
        try (InputStream in = CostTables.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("cost tables: resource " + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
