package org.synfire.chip.emulator.internal;

import static org.synfire.chip.emulator.internal.Loihi1Constants.CORE_FAN_OUT_AXONS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts every connection's rows at core boundaries and wires the result: for each core, its input axons
 * (one per source that reaches it) and their synapse segments; for each source, its routes
 * (target core, input axon there). Refuses a core whose compartments need more output axons than it has.
 */
final class Wiring {

    /** Routes of source {@code s}: {@code routeStart[s] .. routeStart[s + 1] - 1}. */
    final int[] routeStart;
    final int[] routeCore;
    final int[] routeAxon;
    /** Per core: axonStart, segmentConnection, segmentStart, segmentEnd (empty for unused cores). */
    final int[][] axonStart;
    final int[][] segmentConnection;
    final int[][] segmentStart;
    final int[][] segmentEnd;

    Wiring(Layout layout, int[] coreOf, Mesh mesh) {
        int cores = mesh.cores();
        Map<Integer, List<Synapses>> byPreSource = new HashMap<>();
        for (Synapses s : layout.synapses) {
            byPreSource.computeIfAbsent(s.preSource, k -> new ArrayList<>()).add(s);
        }
        List<String> sourceNames = new ArrayList<>();
        layout.network.groups().forEach(g -> sourceNames.add(g.name()));
        layout.network.generators().forEach(g -> sourceNames.add(g.name()));

        IntList[] segConn = new IntList[cores];
        IntList[] segStart = new IntList[cores];
        IntList[] segEnd = new IntList[cores];
        IntList[] segAxon = new IntList[cores];
        int[] axons = new int[cores];
        int[] outputAxons = new int[cores];
        int[] coreStamp = new int[cores];
        int[] coreAxon = new int[cores];
        Arrays.fill(coreStamp, -1);
        routeStart = new int[layout.sources + 1];
        IntList routeCores = new IntList();
        IntList routeAxons = new IntList();

        for (String name : sourceNames) {
            int base = layout.base.get(name);
            List<Synapses> conns = byPreSource.getOrDefault(base, List.of());
            for (int source = base; source < base + layout.network.sizeOf(name); source++) {
                for (Synapses s : conns) {
                    int i = source - s.preSource;
                    int k = s.rowStart[i];
                    while (k < s.rowStart[i + 1]) {
                        int core = coreOf[s.postBase + s.post[k]];
                        int runEnd = k + 1;
                        while (runEnd < s.rowStart[i + 1] && coreOf[s.postBase + s.post[runEnd]] == core) {
                            runEnd++;
                        }
                        if (coreStamp[core] != source) {
                            coreStamp[core] = source;
                            coreAxon[core] = axons[core]++;
                            routeCores.add(core);
                            routeAxons.add(coreAxon[core]);
                            if (source < layout.compartments) {
                                outputAxons[coreOf[source]]++;
                            }
                            if (segConn[core] == null) {
                                segConn[core] = new IntList();
                                segStart[core] = new IntList();
                                segEnd[core] = new IntList();
                                segAxon[core] = new IntList();
                            }
                        }
                        segConn[core].add(s.index);
                        segStart[core].add(k);
                        segEnd[core].add(runEnd);
                        segAxon[core].add(coreAxon[core]);
                        k = runEnd;
                    }
                }
                routeStart[source + 1] = routeCores.size();
            }
        }
        routeCore = routeCores.toArray();
        routeAxon = routeAxons.toArray();
        for (int c = 0; c < cores; c++) {
            if (outputAxons[c] > CORE_FAN_OUT_AXONS) {
                String group = "?";
                for (int i = 0; i < coreOf.length; i++) {
                    if (coreOf[i] == c) {
                        group = layout.groupName(i);
                        break;
                    }
                }
                throw new FanOutExceeded("core " + c + " (group " + group + " and any others on it) needs "
                        + outputAxons[c] + " output axons (routes from its compartments to target cores), more than "
                        + "its " + CORE_FAN_OUT_AXONS);
            }
        }
        axonStart = new int[cores][];
        segmentConnection = new int[cores][];
        segmentStart = new int[cores][];
        segmentEnd = new int[cores][];
        for (int c = 0; c < cores; c++) {
            int[] start = new int[axons[c] + 1];
            if (segConn[c] != null) {
                int[] axon = segAxon[c].toArray();
                for (int a : axon) {
                    start[a + 1]++;
                }
                for (int a = 0; a < axons[c]; a++) {
                    start[a + 1] += start[a];
                }
                // segments were added source by source, so axon ids are already in order
                segmentConnection[c] = segConn[c].toArray();
                segmentStart[c] = segStart[c].toArray();
                segmentEnd[c] = segEnd[c].toArray();
            } else {
                segmentConnection[c] = new int[0];
                segmentStart[c] = new int[0];
                segmentEnd[c] = new int[0];
            }
            axonStart[c] = start;
        }
    }

    /** A growable list of ints, for building the tables. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
