package org.synfire.chip.emulator.internal;

import static org.synfire.chip.emulator.internal.Loihi1Constants.DELAY_SLOTS;
import static org.synfire.chip.emulator.internal.Loihi1Constants.WEIGHT_SCALE_SHIFT;

import java.util.Arrays;

import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.Loihi1Model;

/**
 * The state and parameters of every compartment in primitive arrays indexed by global compartment, plus
 * the dendritic accumulators (a ring of {@link #slots} slots per compartment, stored
 * slot by slot so a timestep reads one contiguous slice) and the last spike time of every source.
 */
final class CompartmentState {

    /** "Never spiked". */
    static final int NEVER = Integer.MIN_VALUE;

    final int compartments;
    final int[] u;
    final int[] v;
    final int[] refractoryLeft;
    final int[] dU;
    final int[] dV;
    /** Effective threshold {@code vThMant * 2^6}. */
    final int[] vTh;
    /** Each compartment's own bias, {@code biasMant * 2^biasExp} (a group's compartments may differ). */
    final int[] bias;
    final int[] refractoryDelay;
    /** {@code accumulator[slot * compartments + i]}: input of compartment {@code i} due in the slot's timestep. */
    final int[] accumulator;
    /** Last timestep each source (compartment or generator source) spiked, or {@link #NEVER}. */
    final int[] lastSpike;
    /** Whether learning engines see each source's spikes. */
    final boolean[] learningSees;
    /**
     * Slots of the accumulator ring: the smallest power of two above the longest delay a spike can take plus one
     * (the slot being read), at most {@link Loihi1Constants#DELAY_SLOTS}; a short ring keeps the accumulators in
     * cache. The chip's ring is {@code DELAY_SLOTS} long; a shorter one holds every spike in flight all the same.
     */
    final int slots;

    /** Ring slots enough for every delay the layout's synapses have or can learn. */
    static int slotsFor(Layout layout) {
        int longest = 0;
        for (Synapses s : layout.synapses) {
            // a learned delay may grow to what its bits hold; a fixed one stays as it was described
            int reach = s.learnsDelay ? (1 << s.delayBits) - 1 : s.description.maxDelay();
            longest = Math.max(longest, Math.min(Loihi1Model.MAX_DELAY, reach));
        }
        // a spike at t with delay d lands at t + 1 + d: slots t .. t + 1 + longest must be distinct
        int slots = Integer.highestOneBit(longest + 1) << 1;
        return Math.min(slots, DELAY_SLOTS);
    }

    CompartmentState(Layout layout) {
        compartments = layout.compartments;
        int n = compartments;
        u = new int[n];
        v = new int[n];
        refractoryLeft = new int[n];
        dU = new int[n];
        dV = new int[n];
        vTh = new int[n];
        bias = new int[n];
        refractoryDelay = new int[n];
        slots = slotsFor(layout);
        accumulator = new int[slots * n];
        lastSpike = new int[layout.sources];
        Arrays.fill(lastSpike, NEVER);
        learningSees = new boolean[layout.sources];
        Arrays.fill(learningSees, true);
        for (CompartmentGroup g : layout.network.groups()) {
            int from = layout.base.get(g.name());
            int to = from + g.size();
            CompartmentPrototype p = CompartmentPrototype.of(g, "backend loihi1");
            Arrays.fill(dU, from, to, p.dU());
            Arrays.fill(dV, from, to, p.dV());
            Arrays.fill(vTh, from, to, p.vThMant() << WEIGHT_SCALE_SHIFT);
            if (g.hasBiasPerCompartment()) {
                for (int i = from; i < to; i++) {
                    bias[i] = CompartmentPrototype.bias(g, i - from);
                }
            } else {
                Arrays.fill(bias, from, to, p.bias());
            }
            Arrays.fill(refractoryDelay, from, to, p.refractoryDelay());
            Arrays.fill(learningSees, from, to, p.learningSeesSpikes());
        }
    }
}
