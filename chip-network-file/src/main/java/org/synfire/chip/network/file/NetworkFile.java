package org.synfire.chip.network.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.CoreRange;
import org.synfire.chip.api.network.Mask;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.NeuronModel;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.ReinforcementChannel;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.TraceSettings;
import org.synfire.chip.model.loihi2.LavaLif;

/**
 * Reads and writes networks as JSON (format {@value #FORMAT}; described in {@code network-format.md} of this
 * module). Reading is strict: an unknown or missing field, or a value of the wrong type, is refused with its
 * path, e.g. {@code connections[2].weights[7]: expected an integer, got "x"}; values are then checked by the
 * network description itself.
 */
public final class NetworkFile {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "synfire-network/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The memory budget a network file may claim, as the data sets' readers have (datasets'
     * {@code DataLimits.MAX_DATA_BYTES}): 512 MiB. Checked before the file's JSON tree is built (its
     * arrays, objects and values counted in a streaming pass: {@link #BYTES_PER_JSON_CONTAINER},
     * {@link #BYTES_PER_JSON_VALUE}) and while reading, before a group's, a generator's or a connection's
     * arrays are made, with the estimates {@link #BYTES_PER_COMPARTMENT}, {@link #BYTES_PER_SYNAPSE} and
     * {@link #BYTES_PER_SPIKE} for what the emulator keeps of each. The figures are measured (the
     * project's docs/benchmarks.md, "Memory budget").
     */
    public static final long MAX_NETWORK_BYTES = 512L << 20;
    /** Estimated bytes per compartment: the emulator's state arrays (current, voltage, traces, counters). */
    public static final long BYTES_PER_COMPARTMENT = 64;
    /**
     * Bytes per synapse: weight, delay, tag and indexes, in the network and in the emulator. Measured 100 (an
     * all-to-all of 1,000 x 1,000 against 2,000 x 2,000, one weight) and 106 (500 x 500 against 1,000 x 1,000,
     * a dense weight matrix); it was 32, a third of that.
     */
    public static final long BYTES_PER_SYNAPSE = 112;
    /** Bytes per spike of a generator's list: its time and neuron, here and in the emulator. */
    public static final long BYTES_PER_SPIKE = 16;
    /**
     * Bytes per array or object of the file's JSON tree (the node, its list and the list's slots): with
     * {@link #BYTES_PER_JSON_VALUE}, measured 151 bytes per {@code [t, n]} spike pair, tree and arrays.
     */
    public static final long BYTES_PER_JSON_CONTAINER = 120;
    /** Bytes per number, string or other value of the file's JSON tree (a node and its slot). */
    public static final long BYTES_PER_JSON_VALUE = 24;
    /** The longest network file read: its JSON tree takes several times its size. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private NetworkFile() {
    }

    /** Reads the network in {@code file}. */
    public static Network read(Path file) throws IOException {
        long length = Files.size(file);
        if (length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file.getFileName() + ": the file is " + length + " bytes; a network"
                    + " file may have at most " + MAX_FILE_BYTES + " bytes (64 MiB)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a network from {@code in} (not closed), of at most {@link #MAX_FILE_BYTES}: its JSON is counted in a
     * streaming pass and refused if its tree would pass the memory budget, before the tree is built.
     */
    public static Network read(InputStream in) throws IOException {
        byte[] text = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (text.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("the file is more than " + MAX_FILE_BYTES + " bytes; a network file may"
                    + " have at most " + MAX_FILE_BYTES + " bytes (64 MiB)");
        }
        JsonNode root;
        long treeBytes;
        try {
            treeBytes = treeBytes(text);
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new Reader(treeBytes).network(root);
    }

    /**
     * What the JSON tree of {@code text}, and the text itself, will take, counted token by token without
     * building the tree; refused in one line once it passes the budget.
     */
    private static long treeBytes(byte[] text) throws IOException {
        long containers = 0;
        long values = 0;
        try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(text)) {
            for (com.fasterxml.jackson.core.JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == com.fasterxml.jackson.core.JsonToken.START_ARRAY
                        || t == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    containers++;
                } else if (t.isScalarValue()) {
                    values++;
                }
                long bytes = text.length + containers * BYTES_PER_JSON_CONTAINER + values * BYTES_PER_JSON_VALUE;
                if (bytes > MAX_NETWORK_BYTES) {
                    throw new IllegalArgumentException("the file's JSON holds more than " + containers + " arrays and"
                            + " objects and " + values + " values: about " + bytes + " bytes as a tree (and more as a"
                            + " network), more than the memory budget of " + MAX_NETWORK_BYTES + " bytes (512 MiB)");
                }
            }
        }
        return text.length + containers * BYTES_PER_JSON_CONTAINER + values * BYTES_PER_JSON_VALUE;
    }

    /** Writes {@code network} to {@code file}. */
    public static void write(Network network, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(network, out);
        }
    }

    /** Writes {@code network} to {@code out} (not closed). */
    public static void write(Network network, OutputStream out) throws IOException {
        JSON.writeValue(new NonClosing(out), Writer.network(network));
    }

    /** The network as JSON text. */
    public static String toJson(Network network) {
        try {
            return JSON.writeValueAsString(Writer.network(network));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns the JSON tree into a network, checking fields and types with their paths. */
    private static final class Reader {

        /** Sizes of the groups and generators read so far, by name. */
        private final java.util.Map<String, Integer> sizes = new java.util.HashMap<>();
        /** The JSON tree and text, alive while the network is read from them. */
        private final long treeBytes;
        private long compartments;
        private long synapses;
        private long spikes;

        Reader(long treeBytes) {
            this.treeBytes = treeBytes;
        }

        /** The estimate so far; saturates at Long.MAX_VALUE (an all-to-all of two huge groups is 2^62 synapses). */
        private long bytes() {
            long sum = treeBytes;
            for (long b : new long[] {times(compartments, BYTES_PER_COMPARTMENT), times(synapses, BYTES_PER_SYNAPSE),
                times(spikes, BYTES_PER_SPIKE)}) {
                sum = sum + b < 0 ? Long.MAX_VALUE : sum + b;
            }
            return sum;
        }

        private static long times(long count, long each) {
            return count > Long.MAX_VALUE / each ? Long.MAX_VALUE : count * each;
        }

        /** Counts a generator's spikes against the memory budget before its arrays are made. */
        private void budgetSpikes(String at, int count) {
            spikes += count;
            long bytes = bytes();
            if (bytes > MAX_NETWORK_BYTES) {
                throw new IllegalArgumentException(at + ".spikes: " + count + " spikes bring the network to about "
                        + bytes + " bytes with the file's JSON, more than the memory budget of " + MAX_NETWORK_BYTES
                        + " bytes (512 MiB)");
            }
        }

        /** Counts a group's compartments against the memory budget before anything of its size is made. */
        private void budgetCompartments(String at, int size) {
            budgetNeurons(at, size, "compartments");
        }

        /**
         * Counts a group's compartments or a generator's neurons (the emulator keeps per-neuron state for
         * both) against the memory budget before anything of their size is made.
         */
        private void budgetNeurons(String at, int size, String what) {
            compartments += Math.max(size, 0);
            long bytes = bytes();
            if (bytes > MAX_NETWORK_BYTES) {
                throw new IllegalArgumentException(at + ".size: " + size + " " + what + " bring the network to "
                        + compartments + " neurons and compartments, about " + bytes + " bytes, more than the memory"
                        + " budget of " + MAX_NETWORK_BYTES + " bytes (512 MiB)");
            }
        }

        /** Counts a connection's synapses against the memory budget before its arrays are made. */
        private void budgetSynapses(String at, Mask mask, String source, String target) {
            Integer pre = sizes.get(source);
            Integer post = sizes.get(target);
            if (pre == null || post == null) {
                return; // the network's own checks name the missing group
            }
            long count = switch (mask) {
                case Mask.AllToAll m -> (long) pre * post;
                case Mask.OneToOne m -> pre;
                case Mask.OneToAll m -> post;
                case Mask.Explicit m -> m.pres().length;
            };
            String kind = switch (mask) {
                case Mask.AllToAll m -> "an all-to-all mask";
                case Mask.OneToOne m -> "a one-to-one mask";
                case Mask.OneToAll m -> "a one-to-all mask";
                case Mask.Explicit m -> "an explicit mask";
            };
            synapses = synapses + count < 0 ? Long.MAX_VALUE : synapses + count;
            long bytes = bytes();
            if (bytes > MAX_NETWORK_BYTES) {
                throw new IllegalArgumentException(at + ": " + kind + " of " + pre + " x " + post + " is " + count
                        + " synapses, bringing the network to about " + bytes + " bytes, more than the memory budget of "
                        + MAX_NETWORK_BYTES + " bytes (512 MiB)");
            }
        }

        Network network(JsonNode root) {
            object(root, "(top level)", Set.of("format", "groups", "generators", "connections", "channels",
                    "probes"));
            String format = text(root, "format", "(top level)");
            if (!format.equals(FORMAT)) {
                throw new IllegalArgumentException("format: '" + format + "' is not supported; expected '" + FORMAT
                        + "'");
            }
            Network.Builder b = Network.builder();
            int i = 0;
            for (JsonNode g : array(root, "groups", "(top level)", true)) {
                b.add(group(g, "groups[" + i++ + "]"));
            }
            i = 0;
            for (JsonNode g : array(root, "generators", "(top level)", false)) {
                b.add(generator(g, "generators[" + i++ + "]"));
            }
            i = 0;
            for (JsonNode c : array(root, "channels", "(top level)", false)) {
                String at = "channels[" + i++ + "]";
                object(c, at, Set.of("name", "source"));
                b.add(new ReinforcementChannel(text(c, "name", at), text(c, "source", at)));
            }
            i = 0;
            for (JsonNode c : array(root, "connections", "(top level)", false)) {
                connection(b, c, "connections[" + i++ + "]");
            }
            i = 0;
            for (JsonNode p : array(root, "probes", "(top level)", false)) {
                String at = "probes[" + i++ + "]";
                object(p, at, Set.of("name", "kind", "target", "t0", "every"));
                b.add(new Probe(text(p, "name", at), enumValue(Probe.Kind.class, p, "kind", at), text(p, "target", at),
                        integer(p, "t0", at, 0), integer(p, "every", at, 1)));
            }
            return b.build();
        }

        private CompartmentGroup group(JsonNode g, String at) {
            String model = g.has("model") ? text(g, "model", at) : CompartmentPrototype.MODEL;
            boolean lava = model.equals(LavaLif.MODEL);
            if (!lava && !model.equals(CompartmentPrototype.MODEL)) {
                throw new IllegalArgumentException(at + ".model: " + model + " is not a neuron model of this format; "
                        + "expected " + CompartmentPrototype.MODEL + " (the default) or " + LavaLif.MODEL);
            }
            object(g, at, lava ? Set.of("name", "size", "model", "du", "dv", "vth", "biasMant", "biasExp",
                    "refractoryPeriod", "pin") : Set.of("name", "size", "model", "dU", "dV", "vThMant", "biasMant",
                    "biasExp", "refractoryDelay", "learningSeesSpikes", "pin"));
            String name = text(g, "name", at);
            int size = integer(g, "size", at, null);
            budgetCompartments(at, size);
            sizes.putIfAbsent(name, size);
            // a bias field is one number for the group or a list of one per compartment
            int[] biasMants = perCompartment(g, "biasMant", at, name, size);
            int[] biasExps = perCompartment(g, "biasExp", at, name, size);
            int biasMant = biasMants.length > 0 ? 0 : integer(g, "biasMant", at, 0);
            int biasExp = biasExps.length > 0 ? 0 : integer(g, "biasExp", at, 0);
            NeuronModel p;
            try {
                p = lava ? new LavaLif(integer(g, "du", at, 0), integer(g, "dv", at, 0), integer(g, "vth", at, null),
                        biasMant, biasExp, integer(g, "refractoryPeriod", at, 0))
                        : new CompartmentPrototype(integer(g, "dU", at, 4096), integer(g, "dV", at, 4096),
                                integer(g, "vThMant", at, null), biasMant, biasExp,
                                integer(g, "refractoryDelay", at, 1), bool(g, "learningSeesSpikes", at, true));
            } catch (IllegalArgumentException e) {
                // the prototype does not know its group: say which one
                throw new IllegalArgumentException(at + " (group " + name + "): " + e.getMessage(), e);
            }
            Optional<CoreRange> pin = Optional.empty();
            if (g.has("pin")) {
                int[] range = ints(g.get("pin"), at + ".pin");
                if (range.length != 2) {
                    throw new IllegalArgumentException(at + ".pin: expected [first, last], got " + range.length
                            + " numbers");
                }
                pin = Optional.of(new CoreRange(range[0], range[1]));
            }
            try {
                return new CompartmentGroup(name, size, p, pin, biasMants, biasExps);
            } catch (IllegalArgumentException e) {
                // e.g. "group h, compartment 3: biasMant 5000 is out of range -4096..4095"
                throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
        }

        /** The list of one value per compartment in {@code field}, or an empty array if it is one number or absent. */
        private static int[] perCompartment(JsonNode g, String field, String at, String name, int size) {
            JsonNode v = g.get(field);
            if (v == null || !v.isArray()) {
                return new int[0];
            }
            int[] values = ints(v, at + "." + field);
            if (values.length != size) {
                throw new IllegalArgumentException(at + "." + field + " (group " + name + "): " + values.length
                        + " values for " + size + " compartments; expected one number or a list of one per"
                        + " compartment");
            }
            return values;
        }

        private SpikeGenerator generator(JsonNode g, String at) {
            object(g, at, Set.of("name", "size", "spikes"));
            JsonNode spikes = g.has("spikes") ? g.get("spikes") : JSON.createArrayNode();
            if (!spikes.isArray()) {
                throw new IllegalArgumentException(at + ".spikes: expected an array of [timestep, neuron] pairs");
            }
            budgetSpikes(at, spikes.size());
            int[] times = new int[spikes.size()];
            int[] neurons = new int[spikes.size()];
            for (int k = 0; k < spikes.size(); k++) {
                int[] pair = ints(spikes.get(k), at + ".spikes[" + k + "]");
                if (pair.length != 2) {
                    throw new IllegalArgumentException(at + ".spikes[" + k + "]: expected [timestep, neuron]");
                }
                times[k] = pair[0];
                neurons[k] = pair[1];
            }
            int size = integer(g, "size", at, null);
            budgetNeurons(at, size, "neurons");
            sizes.putIfAbsent(text(g, "name", at), size);
            return new SpikeGenerator(text(g, "name", at), size, times, neurons);
        }

        private void connection(Network.Builder b, JsonNode c, String at) {
            object(c, at, Set.of("name", "source", "target", "mask", "weights", "delays", "tags", "tagBits",
                    "exponent", "signMode", "weightBits", "learning"));
            ConnectionGroup.Builder cb = b.connect(text(c, "source", at), text(c, "target", at));
            if (c.has("name")) {
                cb.name(text(c, "name", at));
            }
            Mask mask = mask(c.get("mask"), at + ".mask");
            budgetSynapses(at, mask, text(c, "source", at), text(c, "target", at));
            cb.mask(mask);
            JsonNode w = required(c, "weights", at);
            if (w.isArray() && w.size() > 0 && w.get(0).isArray()) {
                int[][] matrix = new int[w.size()][];
                for (int i = 0; i < w.size(); i++) {
                    matrix[i] = ints(w.get(i), at + ".weights[" + i + "]");
                }
                cb.weights(matrix);
            } else if (w.isArray()) {
                cb.weights(ints(w, at + ".weights"));
            } else {
                cb.weight(integer(c, "weights", at, null));
            }
            if (c.has("delays")) {
                if (c.get("delays").isArray()) {
                    cb.delays(ints(c.get("delays"), at + ".delays"));
                } else {
                    cb.delay(integer(c, "delays", at, 0));
                }
            }
            if (c.has("tags")) {
                cb.tags(integer(c, "tagBits", at, null), ints(c.get("tags"), at + ".tags"));
            } else if (c.has("tagBits")) {
                throw new IllegalArgumentException(at + ".tagBits: given without tags");
            }
            cb.exponent(integer(c, "exponent", at, 0));
            if (c.has("signMode")) {
                cb.signMode(enumValue(SignMode.class, c, "signMode", at));
            }
            cb.weightBits(integer(c, "weightBits", at, 8));
            if (c.has("learning")) {
                cb.learning(learning(c.get("learning"), at + ".learning"));
            }
            cb.add();
        }

        private Mask mask(JsonNode m, String at) {
            if (m == null) {
                return new Mask.AllToAll();
            }
            if (m.isTextual()) {
                return switch (m.asText()) {
                    case "all-to-all" -> new Mask.AllToAll();
                    case "one-to-one" -> new Mask.OneToOne();
                    case "one-to-all" -> new Mask.OneToAll();
                    default -> throw new IllegalArgumentException(at + ": '" + m.asText() + "' is not a mask; expected"
                            + " all-to-all, one-to-one, one-to-all or {\"pre\": [...], \"post\": [...]}");
                };
            }
            object(m, at, Set.of("pre", "post"));
            return new Mask.Explicit(ints(required(m, "pre", at), at + ".pre"), ints(required(m, "post", at),
                    at + ".post"));
        }

        private LearningSettings learning(JsonNode l, String at) {
            object(l, at, Set.of("rule", "tEpoch", "rewardChannel", "x1", "x2", "y1", "y2", "y3", "r1"));
            Optional<String> reward = l.has("rewardChannel") ? Optional.of(text(l, "rewardChannel", at))
                    : Optional.empty();
            return new LearningSettings(text(l, "rule", at), integer(l, "tEpoch", at, 1), reward, trace(l, "x1", at),
                    trace(l, "x2", at), trace(l, "y1", at), trace(l, "y2", at), trace(l, "y3", at), trace(l, "r1", at));
        }

        private TraceSettings trace(JsonNode l, String field, String at) {
            if (!l.has(field)) {
                return TraceSettings.NONE;
            }
            String here = at + "." + field;
            object(l.get(field), here, Set.of("impulse", "timeConstant"));
            return new TraceSettings(integer(l.get(field), "impulse", here, 0),
                    integer(l.get(field), "timeConstant", here, 0));
        }

        private static void object(JsonNode node, String at, Set<String> fields) {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(at + ": expected an object");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!fields.contains(f)) {
                    throw new IllegalArgumentException(at + "." + f + ": unknown field; expected one of "
                            + new java.util.TreeSet<>(fields));
                }
            }
        }

        private static JsonNode required(JsonNode node, String field, String at) {
            JsonNode v = node.get(field);
            if (v == null) {
                throw new IllegalArgumentException(at + "." + field + ": missing");
            }
            return v;
        }

        private static Iterable<JsonNode> array(JsonNode node, String field, String at, boolean needed) {
            JsonNode v = node.get(field);
            if (v == null && !needed) {
                return JSON.createArrayNode();
            }
            if (v == null || !v.isArray()) {
                throw new IllegalArgumentException(field + ": expected an array");
            }
            return v;
        }

        private static String text(JsonNode node, String field, String at) {
            JsonNode v = required(node, field, at);
            if (!v.isTextual()) {
                throw new IllegalArgumentException(at + "." + field + ": expected a string, got " + v);
            }
            return v.asText();
        }

        private static int integer(JsonNode node, String field, String at, Integer fallback) {
            JsonNode v = node.get(field);
            if (v == null) {
                if (fallback == null) {
                    throw new IllegalArgumentException(at + "." + field + ": missing");
                }
                return fallback;
            }
            return integer(v, at + "." + field);
        }

        private static int integer(JsonNode v, String at) {
            if (!v.isInt()) {
                throw new IllegalArgumentException(at + ": expected an integer, got " + v);
            }
            return v.intValue();
        }

        private static boolean bool(JsonNode node, String field, String at, boolean fallback) {
            JsonNode v = node.get(field);
            if (v == null) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw new IllegalArgumentException(at + "." + field + ": expected true or false, got " + v);
            }
            return v.booleanValue();
        }

        private static int[] ints(JsonNode v, String at) {
            if (!v.isArray()) {
                throw new IllegalArgumentException(at + ": expected an array of integers, got " + v);
            }
            int[] out = new int[v.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = integer(v.get(k), at + "[" + k + "]");
            }
            return out;
        }

        private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String field, String at) {
            String s = text(node, field, at);
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "." + field + ": '" + s + "' is not one of "
                        + java.util.Arrays.toString(type.getEnumConstants()), e);
            }
        }
    }

    /** Turns a network into a JSON tree; every value is written, so the file is complete on its own. */
    private static final class Writer {

        static ObjectNode network(Network n) {
            ObjectNode root = JSON.createObjectNode();
            root.put("format", FORMAT);
            ArrayNode groups = root.putArray("groups");
            for (CompartmentGroup g : n.groups()) {
                ObjectNode o = groups.addObject().put("name", g.name()).put("size", g.size());
                switch (g.prototype()) {
                    case LavaLif l -> o.put("model", LavaLif.MODEL).put("du", l.du()).put("dv", l.dv())
                            .put("vth", l.vth());
                    case CompartmentPrototype p -> o.put("dU", p.dU()).put("dV", p.dV()).put("vThMant", p.vThMant());
                    default -> throw new IllegalArgumentException("network file " + FORMAT + ": neuron model "
                            + g.prototype().modelName() + " cannot be written (group " + g.name() + "); the format "
                            + "holds " + CompartmentPrototype.MODEL + " and " + LavaLif.MODEL);
                }
                // a list only where the compartments differ (the group keeps one only then)
                int[] biasMants = g.biasMants();
                int[] biasExps = g.biasExps();
                if (biasMants.length > 0) {
                    ints(o.putArray("biasMant"), biasMants);
                } else {
                    o.put("biasMant", g.prototype().biasMant());
                }
                if (biasExps.length > 0) {
                    ints(o.putArray("biasExp"), biasExps);
                } else {
                    o.put("biasExp", g.prototype().biasExp());
                }
                if (g.prototype() instanceof LavaLif l) {
                    o.put("refractoryPeriod", l.refractoryPeriod());
                } else if (g.prototype() instanceof CompartmentPrototype p) {
                    o.put("refractoryDelay", p.refractoryDelay()).put("learningSeesSpikes", p.learningSeesSpikes());
                }
                g.pin().ifPresent(r -> o.putArray("pin").add(r.first()).add(r.last()));
            }
            ArrayNode generators = root.putArray("generators");
            for (SpikeGenerator g : n.generators()) {
                ArrayNode spikes = generators.addObject().put("name", g.name()).put("size", g.size())
                        .putArray("spikes");
                for (int k = 0; k < g.spikeCount(); k++) {
                    spikes.addArray().add(g.time(k)).add(g.neuron(k));
                }
            }
            ArrayNode channels = root.putArray("channels");
            n.channels().forEach(c -> channels.addObject().put("name", c.name()).put("source", c.source()));
            ArrayNode connections = root.putArray("connections");
            for (ConnectionGroup c : n.connections()) {
                ObjectNode o = connections.addObject().put("name", c.name()).put("source", c.source())
                        .put("target", c.target());
                switch (c.mask()) {
                    case Mask.AllToAll m -> o.put("mask", "all-to-all");
                    case Mask.OneToOne m -> o.put("mask", "one-to-one");
                    case Mask.OneToAll m -> o.put("mask", "one-to-all");
                    case Mask.Explicit m -> {
                        ObjectNode e = o.putObject("mask");
                        ints(e.putArray("pre"), m.pres());
                        ints(e.putArray("post"), m.posts());
                    }
                }
                ints(o.putArray("weights"), c.weights());
                ints(o.putArray("delays"), c.delays());
                o.put("tagBits", c.tagBits());
                ints(o.putArray("tags"), c.tags());
                o.put("exponent", c.exponent()).put("signMode", c.signMode().name()).put("weightBits", c.weightBits());
                c.learning().map(l -> LearningSettings.of(c, "network file " + FORMAT)).ifPresent(l -> {
                    ObjectNode lo = o.putObject("learning").put("rule", l.rule()).put("tEpoch", l.tEpoch());
                    l.rewardChannel().ifPresent(r -> lo.put("rewardChannel", r));
                    trace(lo, "x1", l.x1());
                    trace(lo, "x2", l.x2());
                    trace(lo, "y1", l.y1());
                    trace(lo, "y2", l.y2());
                    trace(lo, "y3", l.y3());
                    trace(lo, "r1", l.r1());
                });
            }
            ArrayNode probes = root.putArray("probes");
            n.probes().forEach(p -> probes.addObject().put("name", p.name()).put("kind", p.kind().name())
                    .put("target", p.target()).put("t0", p.t0()).put("every", p.every()));
            return root;
        }

        private static void trace(ObjectNode o, String name, TraceSettings t) {
            o.putObject(name).put("impulse", t.impulse()).put("timeConstant", t.timeConstant());
        }

        private static void ints(ArrayNode a, int[] values) {
            for (int v : values) {
                a.add(v);
            }
        }
    }

    /** Keeps Jackson from closing a stream the caller owns. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
