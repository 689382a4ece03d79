package org.synfire.circuits.dsl;

import java.util.List;
import java.util.Map;

import org.synfire.chip.api.network.Network;

/**
 * A circuit made concrete: the chip network, the size of every population and generator, and which
 * connections hold which weight matrix.
 *
 * @param description the circuit it was compiled from
 * @param network     the network to open on a chip backend
 * @param sizes       size of each population and generator, by name
 * @param matrixConnections the connections that hold a weight matrix, in the description's order
 * @param origin      the timestep in which the first sample starts (offset 0 of sample 0)
 */
public record CompiledCircuit(CircuitDescription description, Network network, Map<String, Integer> sizes,
        List<MatrixConnection> matrixConnections, int origin) {

    /**
     * A connection that holds a weight matrix (learning by the circuit's rule, if it has one).
     *
     * @param connection  the connection's name in the network
     * @param matrix      the matrix's name
     * @param orientation how it holds the matrix
     * @param rows        rows of the matrix
     * @param columns     columns of the matrix
     */
    public record MatrixConnection(String connection, String matrix, WeightExpression.Orientation orientation,
            int rows, int columns) {
    }

    /** The same circuit with these probes added to its network. */
    public CompiledCircuit withProbes(List<org.synfire.chip.api.network.Probe> probes) {
        List<org.synfire.chip.api.network.Probe> all = new java.util.ArrayList<>(network.probes());
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
