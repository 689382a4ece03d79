package org.synfire.chip.emulator.internal;

import static org.synfire.chip.emulator.internal.Loihi1Constants.CORE_COMPARTMENTS;
import static org.synfire.chip.emulator.internal.Loihi1Constants.CORE_FAN_IN_AXONS;
import static org.synfire.chip.emulator.internal.Loihi1Constants.CORE_SYNAPSE_WORDS;

import java.util.Arrays;

import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.CoreRange;

/**
 * Places compartments on cores, in layout order: each core takes compartments until the next one would
 * exceed one of its limits (compartments, fan-in axons, synaptic memory), then the next core opens. A group
 * pinned to a core range starts on its first core and must end by its last. A network that does not fit is
 * refused with the limit, the group and the core; nothing is ever dropped.
 */
final class CoreMapper {

    private final Layout layout;
    private final Mesh mesh;
    /** Incoming synapses of each compartment, as (connection, presynaptic index) pairs. */
    private final int[] inStart;
    private final int[] inConn;
    private final int[] inPre;
    /** Per connection and presynaptic index: on which core (plus one) its list grew last, and its length there. */
    private final int[][] listCore;
    private final int[][] listLength;
    private final int[] sourceCore;
    private final int[] sourceTentative;

    private int core;
    private int coreCompartments;
    private int coreFanIn;
    private int attempts;
    private int coreWords;

    /** Compartments a core takes at most: the chip's limit, or fewer to spread populations out. */
    private final int compartmentsPerCore;

    CoreMapper(Layout layout, Mesh mesh) {
        this(layout, mesh, CORE_COMPARTMENTS);
    }

    /** A mapper that puts at most {@code compartmentsPerCore} (1 .. 1024) compartments on a core. */
    CoreMapper(Layout layout, Mesh mesh, int compartmentsPerCore) {
        this.compartmentsPerCore = compartmentsPerCore;
        this.layout = layout;
        this.mesh = mesh;
        int n = layout.compartments;
        inStart = new int[n + 1];
        for (Synapses s : layout.synapses) {
            for (int p : s.post) {
                inStart[s.postBase + p + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            inStart[i + 1] += inStart[i];
        }
        inConn = new int[inStart[n]];
        inPre = new int[inStart[n]];
        int[] fill = Arrays.copyOf(inStart, n);
        listCore = new int[layout.synapses.size()][];
        listLength = new int[layout.synapses.size()][];
        for (Synapses s : layout.synapses) {
            for (int i = 0; i < s.preSize; i++) {
                for (int k = s.rowStart[i]; k < s.rowStart[i + 1]; k++) {
                    int slot = fill[s.postBase + s.post[k]]++;
                    inConn[slot] = s.index;
                    inPre[slot] = i;
                }
            }
            listCore[s.index] = new int[s.preSize];
            listLength[s.index] = new int[s.preSize];
        }
        sourceCore = new int[layout.sources];
        sourceTentative = new int[layout.sources];
    }

    /** What each core in use holds, filled as {@link #place()} closes the cores. */
    private final java.util.List<org.synfire.chip.api.ResourceUsage.Core> usage = new java.util.ArrayList<>();
    private long coreSynapses;

    /** The cores {@link #place()} filled. */
    java.util.List<org.synfire.chip.api.ResourceUsage.Core> usage() {
        return java.util.List.copyOf(usage);
    }

    /** The core of every compartment. */
    int[] place() {
        int[] coreOf = new int[layout.compartments];
        core = 0;
        open(0);
        for (CompartmentGroup g : layout.network.groups()) {
            int first = layout.base.get(g.name());
            CoreRange pin = g.pin().orElse(null);
            if (pin != null) {
                if (pin.last() >= mesh.cores()) {
                    throw new IllegalArgumentException("group " + g.name() + " is pinned to cores " + pin.first()
                            + ".." + pin.last() + ", but the board has only " + mesh.cores() + " cores ("
                            + mesh.chips() + " chips)");
                }
                if (core > pin.last()) {
                    throw new IllegalArgumentException("group " + g.name() + " is pinned to cores " + pin.first()
                            + ".." + pin.last() + ", but groups declared before it already occupy cores up to "
                            + core + "; declare it earlier or pin it higher");
                }
                if (core < pin.first()) {
                    open(pin.first());
                }
            }
            for (int j = 0; j < g.size(); j++) {
                int c = first + j;
                String limit = tryAdd(c);
                if (limit != null) {
                    if (coreCompartments == 0) {
                        throw new IllegalArgumentException("group " + g.name() + ", compartment " + j
                                + " does not fit on an empty core (core " + core + "): it alone exceeds " + limit);
                    }
                    int full = core;
                    if (pin != null && core + 1 > pin.last()) {
                        throw new IllegalArgumentException("group " + g.name() + " does not fit on its pinned cores "
                                + pin.first() + ".." + pin.last() + ": core " + full + " is full at compartment " + j
                                + " (limit: " + limit + ")");
                    }
                    if (core + 1 >= mesh.cores()) {
                        throw new IllegalArgumentException("network does not fit on " + mesh.chips() + " chip(s) of "
                                + mesh.cores() / mesh.chips() + " cores: group " + g.name() + ", compartment " + j
                                + " would need core " + (core + 1) + " after core " + full + " filled up (limit: "
                                + limit + ")");
                    }
                    open(core + 1);
                    limit = tryAdd(c);
                    if (limit != null) {
                        throw new IllegalArgumentException("group " + g.name() + ", compartment " + j
                                + " does not fit on an empty core (core " + core + "): it alone exceeds " + limit);
                    }
                }
                coreOf[c] = core;
            }
        }
        close();
        return coreOf;
    }

    private void close() {
        if (coreCompartments > 0) {
            usage.add(new org.synfire.chip.api.ResourceUsage.Core(core, coreCompartments, coreFanIn, coreSynapses,
                    coreWords));
        }
    }

    private void open(int newCore) {
        close();
        core = newCore;
        coreSynapses = 0;
        coreCompartments = 0;
        coreFanIn = 0;
        coreWords = 0;
    }

    /** Adds compartment {@code c} to the open core, or returns the limit it would exceed (and changes nothing). */
    private String tryAdd(int c) {
        int stamp = core + 1;
        // a mark of this attempt alone: a compartment retried on a fresh core must count its sources again
        int attempt = ++attempts;
        int newFanIn = 0;
        int newWords = 0;
        for (int s = inStart[c]; s < inStart[c + 1]; s++) {
            Synapses syn = layout.synapses.get(inConn[s]);
            int source = syn.preSource + inPre[s];
            if (sourceCore[source] != stamp && sourceTentative[source] != attempt) {
                sourceTentative[source] = attempt;
                newFanIn++;
            }
            int length = listCore[syn.index][inPre[s]] == stamp ? listLength[syn.index][inPre[s]] : 0;
            int bits = syn.synapseBits;
            newWords += Loihi1Constants.listWords(length + 1, bits) - Loihi1Constants.listWords(length, bits);
        }
        if (coreCompartments + 1 > compartmentsPerCore) {
            return compartmentsPerCore == CORE_COMPARTMENTS ? CORE_COMPARTMENTS + " compartments per core"
                    : compartmentsPerCore + " compartments per core (spread out for the output axons' limit)";
        }
        if (coreFanIn + newFanIn > CORE_FAN_IN_AXONS) {
            return CORE_FAN_IN_AXONS + " fan-in axons per core (needs " + (coreFanIn + newFanIn) + ")";
        }
        if (coreWords + newWords > CORE_SYNAPSE_WORDS) {
            return CORE_SYNAPSE_WORDS + " words (128 KiB) of synaptic memory per core (needs "
                    + (coreWords + newWords) + ")";
        }
        for (int s = inStart[c]; s < inStart[c + 1]; s++) {
            Synapses syn = layout.synapses.get(inConn[s]);
            sourceCore[syn.preSource + inPre[s]] = stamp;
            int pre = inPre[s];
            if (listCore[syn.index][pre] != stamp) {
                listCore[syn.index][pre] = stamp;
                listLength[syn.index][pre] = 0;
            }
            listLength[syn.index][pre]++;
        }
        coreCompartments++;
        coreSynapses += inStart[c + 1] - inStart[c];
        coreFanIn += newFanIn;
        coreWords += newWords;
        return null;
    }
}
