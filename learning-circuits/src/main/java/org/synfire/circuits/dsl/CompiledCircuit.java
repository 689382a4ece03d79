package org.synfire.circuits.dsl;

import java.util.List;
import java.util.Map;

import org.synfire.chip.api.network.Network;

/**
 * A circuit made concrete: the chip network, the size of every population and generator, and which
 * connections hold which plastic matrix.
 *
 * @param description the circuit it was compiled from
 * @param network     the network to open on a chip backend
 * @param sizes       size of each population and generator, by name
 * @param plastic     the plastic connections, in the description's order
 * @param origin      the timestep in which the first sample starts (offset 0 of sample 0)
 */
public record CompiledCircuit(CircuitDescription description, Network network, Map<String, Integer> sizes,
        List<PlasticConnection> plastic, int origin) {

    /**
     * A connection that holds a plastic matrix.
     *
     * @param connection  the connection's name in the network
     * @param matrix      the matrix's name
     * @param orientation how it holds the matrix
     * @param rows        rows of the matrix
     * @param columns     columns of the matrix
     */
    public record PlasticConnection(String connection, String matrix, WeightExpression.Orientation orientation,
            int rows, int columns) {
    }

    /** The first timestep of sample {@code n}. */
    public int sampleStart(long n) {
        return Math.toIntExact(origin + n * description.phases());
    }
}
