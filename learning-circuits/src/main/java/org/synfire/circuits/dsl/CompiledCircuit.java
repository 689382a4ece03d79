package org.synfire.circuits.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;

/**
 * A circuit made concrete: the chip network, the size of every population and generator, and which
 * connections hold which weight matrix.
 *
 * @param description       the circuit it was compiled from
 * @param network           the network to open on a chip backend
 * @param sizes             size of each population and generator, by name
 * @param matrixConnections the connections that hold a weight matrix, in the description's order
 * @param origin            the timestep in which the first sample starts (offset 0 of sample 0)
 */
public record CompiledCircuit(CircuitDescription description, Network network, Map<String, Integer> sizes,
        List<MatrixConnection> matrixConnections, int origin) {

    /**
     * A connection that holds a weight matrix (learning by the matrix's rule, if it has one). The
     * connections that hold a matrix the same way are copies of one view of it: {@code W} is saved as the
     * matrix's name, {@code W^T} as the name with {@code Tp}, {@code -W^T} with {@code Tm} (as the published
     * sBP code names them); the first connection of a view is its primary copy, the others are saved as
     * {@code view@connection}.
     *
     * @param connection  the connection's name in the network
     * @param matrix      the matrix's name
     * @param orientation how it holds the matrix
     * @param rows        rows of the matrix
     * @param columns     columns of the matrix
     * @param primary     whether it is the first connection of its view
     */
    public record MatrixConnection(String connection, String matrix, WeightExpression.Orientation orientation,
            int rows, int columns, boolean primary) {

        /** The name of its view: {@code w1}, {@code w2Tp} or {@code w2Tm}. */
        public String view() {
            return viewName(matrix, orientation);
        }

        /** Its name in a weights file: the view's for the primary copy, else {@code view@connection}. */
        public String key() {
            return primary ? view() : view() + "@" + connection;
        }

        /** Whether the connection's synapses are [rows][columns] of the matrix (else transposed). */
        public boolean direct() {
            return orientation == WeightExpression.Orientation.DIRECT;
        }
    }

    /** The name under which a view of a matrix is saved. */
    static String viewName(String matrix, WeightExpression.Orientation orientation) {
        return switch (orientation) {
            case DIRECT -> matrix;
            case TRANSPOSED -> matrix + "Tp";
            case NEGATED_TRANSPOSED -> matrix + "Tm";
        };
    }

    /** The same circuit with these probes added to its network. */
    public CompiledCircuit withProbes(List<Probe> probes) {
        List<Probe> all = new ArrayList<>(network.probes());
        all.addAll(probes);
        Network probed = new Network(network.groups(), network.generators(), network.connections(),
                network.channels(), all);
        return new CompiledCircuit(description, probed, sizes, matrixConnections, origin);
    }

    /** The first timestep of sample {@code n}. */
    public int sampleStart(long n) {
        return Math.toIntExact(origin + n * description.phases());
    }
}
