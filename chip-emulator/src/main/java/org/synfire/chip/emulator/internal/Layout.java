package org.synfire.chip.emulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.SpikeGenerator;

/**
 * Global numbering of a network: compartments {@code 0 .. N - 1} group after group (each group contiguous),
 * then generator sources {@code N .. N + G - 1}; and the synapses of every connection.
 */
final class Layout {

    final Network network;
    final int compartments;
    final int sources;
    /** First global index of each group or generator, by name. */
    final Map<String, Integer> base = new HashMap<>();
    /** The group each compartment belongs to (index into network.groups()). */
    final int[] groupOf;
    final List<Synapses> synapses = new ArrayList<>();
    final Map<String, Synapses> synapsesByName = new HashMap<>();

    Layout(Network network) {
        this.network = network;
        int n = 0;
        for (CompartmentGroup g : network.groups()) {
            base.put(g.name(), n);
            n += g.size();
        }
        compartments = n;
        groupOf = new int[n];
        for (int gi = 0; gi < network.groups().size(); gi++) {
            CompartmentGroup g = network.groups().get(gi);
            java.util.Arrays.fill(groupOf, base.get(g.name()), base.get(g.name()) + g.size(), gi);
        }
        for (SpikeGenerator g : network.generators()) {
            base.put(g.name(), n);
            n += g.size();
        }
        sources = n;
        for (ConnectionGroup c : network.connections()) {
            Synapses s = new Synapses(c, synapses.size(), network.sizeOf(c.source()), network.sizeOf(c.target()),
                    base.get(c.source()), base.get(c.target()));
            synapses.add(s);
            synapsesByName.put(c.name(), s);
        }
    }

    /** Name of the group compartment {@code i} belongs to. */
    String groupName(int compartment) {
        return network.groups().get(groupOf[compartment]).name();
    }

    /** Index of compartment {@code i} within its group. */
    int indexInGroup(int compartment) {
        return compartment - base.get(groupName(compartment));
    }
}
