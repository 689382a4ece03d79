package org.synfire.interchange.nir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A NIR graph: nodes by name (in the order given), directed edges between them, and metadata (strings,
 * whole numbers and reals). Edges must name nodes of the graph; nothing else is checked here, so a graph
 * read from a file can be refused later with the node and the reason.
 *
 * @param nodes    the nodes by name
 * @param edges    source to target
 * @param metadata the graph's metadata: {@code String}, {@code Long} or {@code Double} values
 */
public record NirGraph(Map<String, NirNode> nodes, List<Edge> edges, Map<String, Object> metadata) {

    public NirGraph {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        for (Edge e : edges) {
            for (String end : List.of(e.source(), e.target())) {
                if (!nodes.containsKey(end)) {
                    throw new IllegalArgumentException("edge " + e + " names node '" + end + "', which the graph has not");
                }
            }
        }
        for (Map.Entry<String, Object> m : metadata.entrySet()) {
            Object v = m.getValue();
            if (!(v instanceof String || v instanceof Long || v instanceof Double)) {
                throw new IllegalArgumentException("metadata " + m.getKey() + ": " + v
                        + " is not a string, whole number or real");
            }
        }
    }

    /** A directed edge. */
    public record Edge(String source, String target) {
        public Edge {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String toString() {
            return source + " -> " + target;
        }
    }

    /** The nodes with an edge to {@code name}, in edge order. */
    public List<String> sources(String name) {
        List<String> from = new ArrayList<>();
        for (Edge e : edges) {
            if (e.target().equals(name)) {
                from.add(e.source());
            }
        }
        return from;
    }

    /** The nodes {@code name} has an edge to, in edge order. */
    public List<String> targets(String name) {
        List<String> to = new ArrayList<>();
        for (Edge e : edges) {
            if (e.source().equals(name)) {
                to.add(e.target());
            }
        }
        return to;
    }

    /**
     * The node names from the one {@code Input} to the one {@code Output} when the graph is a simple chain
     * (each node has one edge in and one out, the input none in, the output none out).
     *
     * @throws IllegalArgumentException naming the node where the graph stops being a chain
     */
    public List<String> chain() {
        String input = null;
        for (Map.Entry<String, NirNode> n : nodes.entrySet()) {
            if (n.getValue() instanceof NirNode.Input) {
                if (input != null) {
                    throw new IllegalArgumentException("nodes '" + input + "' and '" + n.getKey()
                            + "' are both inputs; expected a chain from one Input to one Output");
                }
                input = n.getKey();
            }
        }
        if (input == null) {
            throw new IllegalArgumentException("the graph has no Input node");
        }
        List<String> chain = new ArrayList<>();
        String at = input;
        while (true) {
            chain.add(at);
            if (chain.size() > nodes.size()) {
                throw new IllegalArgumentException("node '" + at + "': the graph loops back; expected a chain");
            }
            if (nodes.get(at) instanceof NirNode.Output) {
                break;
            }
            List<String> next = targets(at);
            if (next.size() != 1) {
                throw new IllegalArgumentException("node '" + at + "' has " + next.size()
                        + " outgoing edges; expected a chain from one Input to one Output");
            }
            at = next.get(0);
            if (sources(at).size() != 1) {
                throw new IllegalArgumentException("node '" + at + "' has " + sources(at).size()
                        + " incoming edges; expected a chain from one Input to one Output");
            }
        }
        if (chain.size() != nodes.size()) {
            List<String> off = new ArrayList<>(nodes.keySet());
            off.removeAll(chain);
            throw new IllegalArgumentException("node '" + off.get(0) + "' is not on the chain from '" + input
                    + "' to '" + at + "'");
        }
        return chain;
    }
}
