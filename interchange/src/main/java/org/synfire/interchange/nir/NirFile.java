package org.synfire.interchange.nir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;

/**
 * NIR graphs as HDF5 files, in the layout of NIR 1.0 as its reference package ({@code nir.read},
 * {@code nir.write}) has it: a root dataset {@code version} (string) and a group {@code node} that is the
 * graph, with a dataset {@code type} = {@code "NIRGraph"}, a group {@code nodes} holding one group per node
 * and a dataset {@code edges} of source and target names ({@code n x 2} strings), and a group
 * {@code metadata} of one dataset per entry. Each node's group holds its {@code type} as a string dataset
 * and its parameters as datasets under NIR's names ({@code weight}, {@code bias}, {@code threshold},
 * {@code r}, {@code tau}, {@code v_threshold}, ...; {@code Input} and {@code Output} their {@code shape}).
 * Written parameters are float32, as NIR exporters write them; read ones may be any numeric type.
 *
 * <p>HDF5 through jhdf, in pure Java. Reading is bounded by one memory budget, {@link #MAX_BYTES}: each
 * numeric dataset ({@link #BYTES_PER_VALUE} per value) and the edge list ({@link #BYTES_PER_EDGE} per edge)
 * are counted from their declared sizes before they are read, with what an import makes of them, so that a
 * small compressed file that declares many values fails at once.
 */
public final class NirFile {

    /** The version written to the root {@code version} dataset. */
    public static final String VERSION = "1.0";
    /** The memory budget of reading a graph and importing it, as the command line's: 512 MiB. */
    public static final long MAX_BYTES = 512L << 20;
    /**
     * Bytes counted per numeric value read: the value as a double here, and what {@code synfire import} makes of
     * a weight (effective and quantised copies, the int matrix, the network's JSON). Measured end to end with
     * the project's {@code scripts/memory-budget} (docs/benchmarks.md, "Memory budget"): 181 bytes, an Affine of
     * 1,000 x 1,000 against 2,000 x 2,000 float32 weights; rounded up.
     */
    public static final long BYTES_PER_VALUE = 192;
    /**
     * Bytes counted per edge: two names as strings, their arrays and the edge record, as jhdf reads an edge list
     * of variable-length strings (measured 687, 200,000 against 800,000 edges, as above).
     */
    public static final long BYTES_PER_EDGE = 768;

    private NirFile() {
    }

    /**
     * Writes {@code graph} as an HDF5 file at {@code file}, created or truncated. The write is not atomic and
     * follows what is at the path: a caller that replaces a file a user named writes to a temporary file beside
     * it and moves that over (the command line does, through its one output helper).
     *
     * @throws IllegalArgumentException for an {@link NirNode.Other} node, which has nothing to write
     * @throws IOException              naming the file; the library's failure (e.g. a full disk) is its cause
     */
    public static void write(NirGraph graph, Path file) throws IOException {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("version", VERSION);
            WritableGroup root = hdf.putGroup("node");
            root.putDataset("type", "NIRGraph");
            WritableGroup nodes = root.putGroup("nodes");
            graph.nodes().forEach((name, node) -> writeNode(nodes.putGroup(name), name, node));
            String[][] edges = new String[graph.edges().size()][];
            for (int e = 0; e < edges.length; e++) {
                edges[e] = new String[] {graph.edges().get(e).source(), graph.edges().get(e).target()};
            }
            root.putDataset("edges", edges);
            if (!graph.metadata().isEmpty()) {
                WritableGroup metadata = root.putGroup("metadata");
                graph.metadata().forEach(metadata::putDataset);
            }
        } catch (HdfException e) {
            throw new IOException(file + ": cannot write HDF5: " + e.getMessage(), e);
        }
    }

    private static void writeNode(WritableGroup g, String name, NirNode node) {
        g.putDataset("type", node.type());
        switch (node) {
            case NirNode.Input n -> g.putDataset("shape", new long[] {n.size()});
            case NirNode.Output n -> g.putDataset("shape", new long[] {n.size()});
            case NirNode.Affine n -> {
                g.putDataset("weight", matrix(n.weight(), n.outputs(), n.inputs()));
                g.putDataset("bias", floats(n.bias()));
            }
            case NirNode.Linear n -> g.putDataset("weight", matrix(n.weight(), n.outputs(), n.inputs()));
            case NirNode.Threshold n -> g.putDataset("threshold", floats(n.threshold()));
            case NirNode.IF n -> {
                g.putDataset("r", floats(n.r()));
                g.putDataset("v_threshold", floats(n.vThreshold()));
                g.putDataset("v_reset", floats(n.vReset()));
            }
            case NirNode.LIF n -> {
                g.putDataset("tau", floats(n.tau()));
                g.putDataset("r", floats(n.r()));
                g.putDataset("v_leak", floats(n.vLeak()));
                g.putDataset("v_threshold", floats(n.vThreshold()));
                g.putDataset("v_reset", floats(n.vReset()));
            }
            case NirNode.CubaLIF n -> {
                g.putDataset("tau_syn", floats(n.tauSyn()));
                g.putDataset("tau_mem", floats(n.tauMem()));
                g.putDataset("r", floats(n.r()));
                g.putDataset("v_leak", floats(n.vLeak()));
                g.putDataset("v_threshold", floats(n.vThreshold()));
                g.putDataset("v_reset", floats(n.vReset()));
                g.putDataset("w_in", floats(n.wIn()));
            }
            case NirNode.Other n -> throw new IllegalArgumentException("node '" + name + "': type " + n.type()
                    + " has no parameters Synfire knows; it cannot be written");
        }
    }

    private static float[] floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    private static float[][] matrix(double[] values, int rows, int columns) {
        float[][] m = new float[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                m[r][c] = (float) values[r * columns + c];
            }
        }
        return m;
    }

    /**
     * Reads a NIR graph. Nodes of types Synfire does not model come back as {@link NirNode.Other}.
     *
     * @throws IOException naming the file, and the node where there is one, for a file that is not HDF5,
     *                     not a NIR graph, or holds a node whose parameters are missing or malformed
     */
    public static NirGraph read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            Group root = group(hdf, "node", file + ": no group 'node'; not a NIR file");
            String type = string(root, "type", file + ": the root node");
            if (!type.equals("NIRGraph")) {
                throw new IOException(file + ": the root node is a " + type + ", not a NIRGraph");
            }
            long[] budget = {MAX_BYTES};
            Map<String, NirNode> nodes = new LinkedHashMap<>();
            for (Map.Entry<String, Node> n : group(root, "nodes", file + ": the graph has no group 'nodes'")
                    .getChildren().entrySet()) {
                String where = file + ": node '" + n.getKey() + "'";
                if (!(n.getValue() instanceof Group g)) {
                    throw new IOException(where + " is not a group");
                }
                try {
                    nodes.put(n.getKey(), readNode(g, where, budget));
                } catch (IllegalArgumentException e) {
                    throw new IOException(where + ": " + e.getMessage(), e);
                }
            }
            List<NirGraph.Edge> edges = readEdges(root, file, budget);
            Map<String, Object> metadata = new LinkedHashMap<>();
            if (root.getChild("metadata") instanceof Group m) {
                for (Map.Entry<String, Node> entry : m.getChildren().entrySet()) {
                    if (entry.getValue() instanceof Dataset d && d.isScalar()) {
                        Object v = d.getData();
                        if (v instanceof String || v instanceof Long || v instanceof Double) {
                            metadata.put(entry.getKey(), v);
                        } else if (v instanceof Number number) {
                            metadata.put(entry.getKey(), v instanceof Float ? (Object) number.doubleValue()
                                    : (Object) number.longValue());
                        }
                    }
                }
            }
            try {
                return new NirGraph(nodes, edges, metadata);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        } catch (HdfException e) {
            throw new IOException(file + ": not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
    }

    private static NirNode readNode(Group g, String where, long[] budget) throws IOException {
        String type = string(g, "type", where);
        return switch (type) {
            case "Input" -> new NirNode.Input(size(g, where, budget));
            case "Output" -> new NirNode.Output(size(g, where, budget));
            case "Affine" -> {
                Dataset w = dataset(g, "weight", where);
                int[] shape = w.getDimensions();
                if (shape.length != 2) {
                    throw new IOException(where + ": weight has " + shape.length + " dimensions; expected 2");
                }
                yield new NirNode.Affine(shape[0], shape[1], values(w, where, budget),
                        values(dataset(g, "bias", where), where, budget));
            }
            case "Linear" -> {
                Dataset w = dataset(g, "weight", where);
                int[] shape = w.getDimensions();
                if (shape.length != 2) {
                    throw new IOException(where + ": weight has " + shape.length + " dimensions; expected 2");
                }
                yield new NirNode.Linear(shape[0], shape[1], values(w, where, budget));
            }
            case "Threshold" -> new NirNode.Threshold(values(dataset(g, "threshold", where), where, budget));
            case "IF" -> {
                double[] vth = values(dataset(g, "v_threshold", where), where, budget);
                yield new NirNode.IF(values(dataset(g, "r", where), where, budget), vth,
                        optional(g, "v_reset", vth.length, 0, where, budget));
            }
            case "LIF" -> {
                double[] vth = values(dataset(g, "v_threshold", where), where, budget);
                yield new NirNode.LIF(values(dataset(g, "tau", where), where, budget),
                        values(dataset(g, "r", where), where, budget),
                        values(dataset(g, "v_leak", where), where, budget), vth,
                        optional(g, "v_reset", vth.length, 0, where, budget));
            }
            case "CubaLIF" -> {
                double[] vth = values(dataset(g, "v_threshold", where), where, budget);
                yield new NirNode.CubaLIF(values(dataset(g, "tau_syn", where), where, budget),
                        values(dataset(g, "tau_mem", where), where, budget),
                        values(dataset(g, "r", where), where, budget),
                        values(dataset(g, "v_leak", where), where, budget), vth,
                        optional(g, "v_reset", vth.length, 0, where, budget),
                        optional(g, "w_in", vth.length, 1, where, budget));
            }
            default -> new NirNode.Other(type);
        };
    }

    private static List<NirGraph.Edge> readEdges(Group root, Path file, long[] budget) throws IOException {
        Dataset d = dataset(root, "edges", file + ": the graph");
        if (d.isEmpty()) {
            return List.of();
        }
        int[] dimensions = d.getDimensions();
        long count = dimensions.length == 0 ? 1 : dimensions[0];
        // a fixed-length string costs its length twice (bytes read, then the String) for each of the two names
        long perEdge = BYTES_PER_EDGE + 4L * Math.max(0, d.getDataType().getSize());
        charge(budget, saturatingMultiply(count, perEdge), file + ": the graph's edges: " + count + " edges");
        if (d.getDimensions().length != 2 || d.getDimensions()[1] != 2 || !(d.getData() instanceof String[][] pairs)) {
            throw new IOException(file + ": edges are not pairs of node names (n x 2 strings)");
        }
        java.util.ArrayList<NirGraph.Edge> edges = new java.util.ArrayList<>(pairs.length);
        for (String[] pair : pairs) {
            edges.add(new NirGraph.Edge(pair[0], pair[1]));
        }
        return edges;
    }

    private static int size(Group g, String where, long[] budget) throws IOException {
        double[] shape = values(dataset(g, "shape", where), where, budget);
        if (shape.length != 1 || shape[0] < 1 || shape[0] > Integer.MAX_VALUE || shape[0] != Math.rint(shape[0])) {
            throw new IOException(where + ": shape " + java.util.Arrays.toString(shape)
                    + " is not one dimension of 1 or more units; Synfire reads flat vectors only");
        }
        return (int) shape[0];
    }

    /** A per-unit parameter NIR lets out (e.g. {@code v_reset}, 0 by default): {@code fill} for each unit. */
    private static double[] optional(Group g, String name, int size, double fill, String where, long[] budget)
            throws IOException {
        if (g.getChild(name) == null) {
            double[] v = new double[size];
            java.util.Arrays.fill(v, fill);
            return v;
        }
        return values(dataset(g, name, where), where, budget);
    }

    private static Group group(Group parent, String name, String missing) throws IOException {
        if (parent.getChild(name) instanceof Group g) {
            return g;
        }
        throw new IOException(missing);
    }

    private static Dataset dataset(Group g, String name, String where) throws IOException {
        if (g.getChild(name) instanceof Dataset d) {
            return d;
        }
        throw new IOException(where + ": no dataset '" + name + "'");
    }

    private static String string(Group g, String name, String where) throws IOException {
        Dataset d = dataset(g, name, where);
        if (d.getSize() != 1) { // read nothing larger than the one string asked for
            throw new IOException(where + ": '" + name + "' is not a string (it holds " + d.getSize() + " values)");
        }
        Object v = d.getData();
        if (v instanceof String s) {
            return s;
        }
        throw new IOException(where + ": '" + name + "' is not a string");
    }

    /**
     * What reading and importing {@code graph} is counted in the memory budget ({@link #BYTES_PER_VALUE} per
     * parameter value, {@link #BYTES_PER_EDGE} per edge), so that a caller can add what it reads besides (e.g.
     * input spikes) to the same budget.
     */
    public static long budgetedBytes(NirGraph graph) {
        long values = 0;
        for (NirNode node : graph.nodes().values()) {
            values += switch (node) {
                case NirNode.Input n -> 1;
                case NirNode.Output n -> 1;
                case NirNode.Affine n -> (long) n.outputs() * n.inputs() + n.outputs();
                case NirNode.Linear n -> (long) n.outputs() * n.inputs();
                case NirNode.Threshold n -> n.threshold().length;
                case NirNode.IF n -> 3L * n.r().length;
                case NirNode.LIF n -> 5L * n.r().length;
                case NirNode.CubaLIF n -> 7L * n.r().length;
                case NirNode.Other n -> 0;
            };
        }
        return saturatingMultiply(values, BYTES_PER_VALUE) + saturatingMultiply(graph.edges().size(), BYTES_PER_EDGE);
    }

    /** Counts {@code bytes} against what is left of the budget, or refuses in one line naming {@code what}. */
    private static void charge(long[] budget, long bytes, String what) throws IOException {
        if (bytes > budget[0]) {
            long total = MAX_BYTES - budget[0] + bytes;
            throw new IOException(what + " bring the graph to about " + (total < 0 ? Long.MAX_VALUE : total)
                    + " bytes, more than the memory budget of " + MAX_BYTES + " bytes (512 MiB)");
        }
        budget[0] -= bytes;
    }

    private static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }

    /**
     * A numeric dataset, any shape, flattened in row-major order: every integer (signed or not, 8 to 64 bits)
     * and floating-point type jhdf reads, as doubles.
     */
    private static double[] values(Dataset d, String where, long[] budget) throws IOException {
        long size = d.getSize();
        charge(budget, saturatingMultiply(size, BYTES_PER_VALUE), where + ": dataset '" + d.getName() + "' of "
                + size + " values would");
        Object data = d.isScalar() ? d.getData() : d.getDataFlat();
        double[] v;
        switch (data) {
            case double[] a -> v = a.clone();
            case float[] a -> {
                v = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    v[i] = a[i];
                }
            }
            case long[] a -> {
                v = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    v[i] = a[i];
                }
            }
            case int[] a -> {
                v = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    v[i] = a[i];
                }
            }
            case short[] a -> {
                v = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    v[i] = a[i];
                }
            }
            case byte[] a -> {
                v = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    v[i] = a[i];
                }
            }
            case Object[] a when a.getClass().getComponentType() == java.math.BigInteger.class -> { // uint64
                v = new double[a.length];
                for (int i = 0; i < a.length; i++) {
                    v[i] = ((java.math.BigInteger) a[i]).doubleValue();
                }
            }
            case Number n -> v = new double[] {n.doubleValue()};
            default -> throw new IOException(where + ": dataset '" + d.getName() + "' is not numeric (it holds "
                    + d.getJavaType().getSimpleName() + " values; expected integers or floating-point numbers)");
        }
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IOException(where + ": dataset '" + d.getName() + "' holds " + x + "; expected finite numbers");
            }
        }
        return v;
    }
}
