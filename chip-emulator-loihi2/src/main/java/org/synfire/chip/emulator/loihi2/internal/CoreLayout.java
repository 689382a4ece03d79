package org.synfire.chip.emulator.loihi2.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.synfire.chip.api.ResourceUsage;

/**
 * Where a network's compartments sit on Loihi-2 cores, and what follows from it for counting: the runs of one group on
 * one core that the update visits, each source's synaptic operations per core, messages and chip crossings per spike,
 * and the resources of every core in use.
 */
final class CoreLayout {

    /** The board core of each compartment. */
    final int[] coreOf;
    /** The cores in use, in core order; counts are kept per entry ("slot"). */
    final int[] activeCores;
    /** Update runs: compartments {@code updFirst .. updEnd - 1} of group {@code updGroup}, on slot {@code updCoreSlot}. */
    final int[] updFirst;
    final int[] updEnd;
    final int[] updGroup;
    final int[] updCoreSlot;
    /** Per source, entries {@code opsStart[s] .. opsStart[s + 1] - 1}: a slot and the synapses a spike reaches there. */
    final int[] opsStart;
    final int[] opsCoreSlot;
    final int[] opsCount;
    /** Per source, the target cores one spike reaches (messages) and how many of them are on another chip. */
    final int[] messagesOf;
    final int[] crossingsOf;
    final ResourceUsage resources;

    /**
     * @param coreOf     the core of each compartment ({@link #place})
     * @param chips      chips on the board
     * @param groupFirst the first compartment of each group
     * @param groupSize  the size of each group
     * @param sources    compartments plus generator sources
     * @param synapses   the network's synapses
     * @param connBits   per connection, the bits one synapse takes (weight, plus delay if it has delays)
     */
    CoreLayout(int[] coreOf, int chips, int[] groupFirst, int[] groupSize, int sources, SynapseTable synapses,
            int[] connBits) {
        this.coreOf = coreOf;
        int compartments = coreOf.length;
        int[] slotOfCore = new int[chips * Loihi2Chip.CORES_PER_CHIP];
        Arrays.fill(slotOfCore, -1);
        List<Integer> used = new ArrayList<>();
        for (int core : coreOf) {
            if (slotOfCore[core] < 0) {
                slotOfCore[core] = used.size();
                used.add(core);
            }
        }
        activeCores = used.stream().mapToInt(Integer::intValue).toArray();
        int cores = activeCores.length;
        List<int[]> runs = new ArrayList<>();
        for (int g = 0; g < groupFirst.length; g++) {
            int first = groupFirst[g];
            int end = first + groupSize[g];
            while (first < end) {
                int stop = first;
                while (stop < end && coreOf[stop] == coreOf[first]) {
                    stop++;
                }
                runs.add(new int[] {first, stop, g, slotOfCore[coreOf[first]]});
                first = stop;
            }
        }
        updFirst = runs.stream().mapToInt(r -> r[0]).toArray();
        updEnd = runs.stream().mapToInt(r -> r[1]).toArray();
        updGroup = runs.stream().mapToInt(r -> r[2]).toArray();
        updCoreSlot = runs.stream().mapToInt(r -> r[3]).toArray();

        opsStart = new int[sources + 1];
        messagesOf = new int[sources];
        crossingsOf = new int[sources];
        List<int[]> ops = new ArrayList<>();
        int[] perCore = new int[cores];
        long[] coreSynapses = new long[cores];
        long[] coreBits = new long[cores];
        int[] fanIn = new int[cores];
        int[] lastSource = new int[cores];
        Arrays.fill(lastSource, -1);
        for (int src = 0; src < sources; src++) {
            Arrays.fill(perCore, 0);
            for (int seg = synapses.segStart[src]; seg < synapses.segStart[src + 1]; seg++) {
                int k = synapses.segConnection[seg];
                for (int at = synapses.segFirst[seg]; at < synapses.segEnd[seg]; at++) {
                    int slot = slotOfCore[coreOf[synapses.targetCompartment(k, synapses.synTarget[at])]];
                    perCore[slot]++;
                    coreSynapses[slot]++;
                    coreBits[slot] += connBits[k];
                    if (lastSource[slot] != src) {
                        lastSource[slot] = src;
                        fanIn[slot]++;
                    }
                }
            }
            opsStart[src] = ops.size();
            int srcChip = src < compartments ? coreOf[src] / Loihi2Chip.CORES_PER_CHIP : -1;
            for (int slot = 0; slot < cores; slot++) {
                if (perCore[slot] > 0) {
                    ops.add(new int[] {slot, perCore[slot]});
                    messagesOf[src]++;
                    if (srcChip >= 0 && activeCores[slot] / Loihi2Chip.CORES_PER_CHIP != srcChip) {
                        crossingsOf[src]++;
                    }
                }
            }
        }
        opsStart[sources] = ops.size();
        opsCoreSlot = ops.stream().mapToInt(o -> o[0]).toArray();
        opsCount = ops.stream().mapToInt(o -> o[1]).toArray();

        int[] compartmentsOnCore = new int[cores];
        for (int core : coreOf) {
            compartmentsOnCore[slotOfCore[core]]++;
        }
        List<ResourceUsage.Core> usage = new ArrayList<>();
        for (int slot = 0; slot < cores; slot++) {
            // our estimate: weight bits (and 6 delay bits where the connection has delays) per synapse, in 64-bit words
            usage.add(new ResourceUsage.Core(activeCores[slot], compartmentsOnCore[slot], fanIn[slot],
                    coreSynapses[slot], (int) ((coreBits[slot] + 63) / 64)));
        }
        // no public figure on cores per router: each core counts as a tile of its own
        resources = new ResourceUsage(chips, Loihi2Chip.CORES_PER_CHIP, 1, usage);
    }

    /**
     * Fills cores in compartment order up to a core's compartments and memory: {@code bitsInto[i]} are the bits of the
     * synapses into compartment {@code i}.
     *
     * @param names the name of each group, by group index, for messages
     * @throws IllegalArgumentException naming the group, the compartment and the limit, if a compartment's synapses
     *                                  exceed a core or the network exceeds the board
     */
    static int[] place(long[] bitsInto, int[] groupFirst, int[] groupSize, List<String> names, int chips) {
        int cores = chips * Loihi2Chip.CORES_PER_CHIP;
        int[] placed = new int[bitsInto.length];
        int core = 0;
        int onCore = 0;
        long bitsOnCore = 0;
        for (int g = 0; g < groupFirst.length; g++) {
            for (int i = groupFirst[g]; i < groupFirst[g] + groupSize[g]; i++) {
                if (bitsInto[i] > Loihi2Chip.CORE_SYNAPSE_BITS) {
                    throw new IllegalArgumentException("backend loihi2: group " + names.get(g) + ", compartment "
                            + (i - groupFirst[g]) + " needs " + bitsInto[i] + " bits of synapses, more than a core's "
                            + Loihi2Chip.CORE_SYNAPSE_BITS + " (" + Loihi2Chip.CORE_MEMORY_BYTES + " bytes)");
                }
                if (onCore == Loihi2Chip.CORE_COMPARTMENTS || bitsOnCore + bitsInto[i] > Loihi2Chip.CORE_SYNAPSE_BITS) {
                    core++;
                    onCore = 0;
                    bitsOnCore = 0;
                }
                if (core >= cores) {
                    throw new IllegalArgumentException("backend loihi2: network does not fit on " + chips
                            + " chip(s) of " + Loihi2Chip.CORES_PER_CHIP + " cores: group " + names.get(g)
                            + ", compartment " + (i - groupFirst[g]) + " would need core " + core + " (limits: "
                            + Loihi2Chip.CORE_COMPARTMENTS + " compartments and " + Loihi2Chip.CORE_MEMORY_BYTES
                            + " bytes of synapses per core); give more chips");
                }
                placed[i] = core;
                onCore++;
                bitsOnCore += bitsInto[i];
            }
        }
        return placed;
    }
}
