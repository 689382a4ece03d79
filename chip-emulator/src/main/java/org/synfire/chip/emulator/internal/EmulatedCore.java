package org.synfire.chip.emulator.internal;

import static org.synfire.chip.emulator.internal.Loihi1Constants.WEIGHT_SCALE_SHIFT;

import java.util.List;

/**
 * One emulated core: compartments {@code first .. end - 1} of the shared state, and its input axons. Input
 * axon {@code a} owns segments {@code axonStart[a] .. axonStart[a + 1] - 1}; a segment is a run of one
 * connection's row that lands on this core. Output axon {@code o} is compartment {@code first + o}.
 */
final class EmulatedCore implements Core {

    /** Longs on either side of the {@link #tally} entries: 128 bytes, two cache lines. */
    private static final int PAD = 16;
    private static final int OPERATIONS = PAD;
    private static final int SPIKES = PAD + 1;
    private static final int ACTIVE_UPDATES = PAD + 2;
    private static final int INPUT_DUE = PAD + 3;

    private final int index;
    private final int first;
    private final int end;
    private final CompartmentState state;
    private final Synapses[] synapses;
    private final int[] axonStart;
    private final int[] segmentConnection;
    private final int[] segmentStart;
    private final int[] segmentEnd;
    /** The timestep of the last spiking phase: messages delivered after it arrive from the next one on. */
    private int timestep;
    /**
     * The counters and flags that every delivery and update writes, in the middle of an array of their own: cores
     * run on different threads, and a cache line shared with another core's data would pass between processors
     * with each write. Entries: {@link #OPERATIONS}, {@link #SPIKES}, {@link #ACTIVE_UPDATES} and {@link #INPUT_DUE}
     * (per accumulator slot, a bit: some input was added to it since it was last read; at most 64 slots).
     */
    private final long[] tally = new long[2 * PAD + 4];
    /** Output axons that spiked in the last spiking phase, in order, and how many. */
    private final int[] spiked;
    /**
     * Per compartment: its last update had no input, did not spike and left its state as it was (and it is
     * not refractory), so an update without input would do the same: the spiking phase skips it.
     */
    private final boolean[] atRest;
    /**
     * Per compartment at rest: whether its (repeated) update counts as active on the chip, and how many
     * compartments at rest do, so that skipped updates are counted without being visited.
     */
    private final boolean[] restActive;
    /**
     * Per compartment: current and voltage decay completely ({@code dU = dV = 4096}), so an update keeps nothing
     * of the old state: {@code u = q}, {@code v = wrap24(u + bias)} (which is within the voltage range).
     */
    private final boolean[] memoryless;
    private int restActiveCount;
    /** Compartments at rest; when all are and no input is due, the spiking phase has nothing to visit. */
    private int restCount;
    /** Only the reference paths: every compartment updated every timestep, every synapse delivered on its own. */
    private final boolean reference;
    private int spikedCount;

    EmulatedCore(int index, int first, int end, CompartmentState state, List<Synapses> synapses, int[] axonStart,
            int[] segmentConnection, int[] segmentStart, int[] segmentEnd, boolean reference) {
        this.index = index;
        this.first = first;
        this.end = end;
        this.state = state;
        this.synapses = synapses.toArray(new Synapses[0]);
        this.axonStart = axonStart;
        this.segmentConnection = segmentConnection;
        this.segmentStart = segmentStart;
        this.segmentEnd = segmentEnd;
        this.reference = reference;
        this.spiked = new int[end - first];
        this.atRest = new boolean[end - first];
        this.restActive = new boolean[end - first];
        this.memoryless = new boolean[end - first];
        if (state.slots > Long.SIZE) {
            throw new IllegalStateException("core " + index + ": " + state.slots + " accumulator slots; at most 64");
        }
        for (int i = first; i < end; i++) {
            memoryless[i - first] = !reference
                    && state.dU[i] == Loihi1Constants.DECAY_ONE && state.dV[i] == Loihi1Constants.DECAY_ONE;
        }
    }

    @Override
    public int index() {
        return index;
    }

    int first() {
        return first;
    }

    int end() {
        return end;
    }

    int inputAxons() {
        return axonStart.length - 1;
    }

    /** Synapses this core has delivered spikes through. */
    long synapticOperations() {
        return tally[OPERATIONS];
    }

    /** Compartment updates with input, current, voltage, bias or refractory count not zero. */
    long activeUpdates() {
        return tally[ACTIVE_UPDATES];
    }

    /** Spikes of this core's compartments. */
    long spikes() {
        return tally[SPIKES];
    }

    /**
     * Delivers the spikes of input axons {@code a} and {@code b}: as two {@link #receive} calls, but where both
     * reach the same compartments through matching contiguous segments (the rows of dense connections), in one pass
     * per segment that adds both weights (int sums: the same result in any order).
     */
    void receivePair(int a, int b) {
        if (!matchingRows(a, b)) {
            receive(a);
            receive(b);
            return;
        }
        int ga = axonStart[a];
        int gb = axonStart[b];
        int segments = axonStart[a + 1] - ga;
        int[] acc = state.accumulator;
        int slot = (timestep + 1) & (state.slots - 1);
        tally[INPUT_DUE] |= 1L << slot;
        long operations = 0;
        for (int m = 0; m < segments; m++) {
            Synapses s = synapses[segmentConnection[ga + m]];
            int fromA = segmentStart[ga + m];
            int fromB = segmentStart[gb + m];
            int length = segmentEnd[ga + m] - fromA;
            operations += 2L * length;
            int base = slot * state.compartments + s.postBase + s.post[fromA];
            int left = s.description.exponent() + WEIGHT_SCALE_SHIFT;
            int[] weight = s.weight;
            for (int k = 0; k < length; k++) {
                acc[base + k] += (weight[fromA + k] + weight[fromB + k]) << left;
            }
        }
        tally[OPERATIONS] += operations;
    }

    /** Whether axons {@code a} and {@code b} reach the same compartments segment by segment (fast paths only). */
    private boolean matchingRows(int a, int b) {
        int ga = axonStart[a];
        int gb = axonStart[b];
        int segments = axonStart[a + 1] - ga;
        if (reference || segments != axonStart[b + 1] - gb) {
            return false;
        }
        for (int m = 0; m < segments; m++) {
            if (!matching(ga + m, gb + m)) {
                return false;
            }
        }
        return true;
    }

    /** Whether segments {@code g} and {@code h} are contiguous runs of one connection into the same compartments. */
    private boolean matching(int g, int h) {
        if (segmentConnection[g] != segmentConnection[h]) {
            return false;
        }
        Synapses s = synapses[segmentConnection[g]];
        int length = segmentEnd[g] - segmentStart[g];
        return s.noDelays && s.consecutive && s.description.exponent() >= 0 && length > 1
                && segmentEnd[h] - segmentStart[h] == length && s.post[segmentStart[g]] == s.post[segmentStart[h]];
    }

    @Override
    public void receive(int inputAxon) {
        int[] acc = state.accumulator;
        int n = state.compartments;
        int arrival = timestep + 1;
        int ring = state.slots - 1;
        long due = 0;
        long operations = 0;
        for (int g = axonStart[inputAxon]; g < axonStart[inputAxon + 1]; g++) {
            Synapses s = synapses[segmentConnection[g]];
            int[] post = s.post;
            int[] weight = s.weight;
            int[] delay = s.delay;
            int exponent = s.description.exponent();
            int left = Math.max(exponent, 0) + WEIGHT_SCALE_SHIFT;
            int right = Math.max(-exponent, 0);
            int postBase = s.postBase;
            int from = segmentStart[g];
            int to = segmentEnd[g];
            operations += to - from;
            if (s.noDelays && s.consecutive && !reference) {
                // one slot, consecutive compartments: a plain loop over two arrays, which the JIT vectorises
                due |= 1L << (arrival & ring);
                int base = (arrival & ring) * n + postBase + post[from] - from;
                if (to - from == 1) {
                    // one synapse (a relay of a one-to-one connection): no loop to set up
                    acc[base + from] += right == 0 ? weight[from] << left : (weight[from] >> right) << WEIGHT_SCALE_SHIFT;
                } else if (right == 0) {
                    for (int k = from; k < to; k++) {
                        acc[base + k] += weight[k] << left;
                    }
                } else {
                    for (int k = from; k < to; k++) {
                        acc[base + k] += (weight[k] >> right) << WEIGHT_SCALE_SHIFT;
                    }
                }
                continue;
            }
            for (int k = from; k < to; k++) {
                // floor(w * 2^e) * 2^6, as Arithmetic.effectiveWeight, without the branch
                int w = right == 0 ? weight[k] << left : (weight[k] >> right) << WEIGHT_SCALE_SHIFT;
                int slot = (arrival + delay[k]) & ring;
                due |= 1L << slot;
                acc[slot * n + postBase + post[k]] += w;
            }
        }
        tally[INPUT_DUE] |= due;
        tally[OPERATIONS] += operations;
    }

    @Override
    public void step(int t, Router router) {
        spike(t);
        sendSpikes(router);
    }

    /** Adds the spikes of the last {@link #spike} to {@code perGroup}, by the group of each compartment. */
    void countSpikes(int[] groupOf, long[] perGroup) {
        for (int k = 0; k < spikedCount; k++) {
            perGroup[groupOf[first + spiked[k]]]++;
        }
    }

    /** Hands the spikes of the last {@link #spike} to the router, in compartment order. */
    void sendSpikes(Router router) {
        for (int k = 0; k < spikedCount; k++) {
            router.send(index, spiked[k]);
        }
    }

    /**
     * The spiking phase of timestep {@code t} without the router: touches only this core's compartments and
     * keeps its spikes for {@link #sendSpikes}, so cores can run it at the same time.
     */
    void spike(int t) {
        timestep = t;
        CompartmentState s = state;
        int slotIndex = t & (s.slots - 1);
        long dueBit = 1L << slotIndex;
        if ((tally[INPUT_DUE] & dueBit) == 0 && restCount == end - first) {
            // every compartment rests and no input arrives: each update would change nothing
            spikedCount = 0;
            tally[ACTIVE_UPDATES] += restActiveCount;
            return;
        }
        tally[INPUT_DUE] &= ~dueBit;
        int[] acc = s.accumulator;
        int slot = slotIndex * s.compartments;
        int[] u = s.u;
        int[] v = s.v;
        int[] refractoryLeft = s.refractoryLeft;
        int[] bias = s.bias;
        int[] vTh = s.vTh;
        int[] lastSpike = s.lastSpike;
        boolean[] atRest = this.atRest;
        boolean[] restActive = this.restActive;
        boolean[] memoryless = this.memoryless;
        int[] spiked = this.spiked;
        // the counters live in locals while the loop runs (fields would be stored back in every iteration)
        int spikedCount = 0;
        int resting = restActiveCount;
        int rests = restCount;
        // every compartment at rest is skipped below unless input arrives: count its update here
        long active = tally[ACTIVE_UPDATES] + resting;
        for (int i = first; i < end; i++) {
            int local = i - first;
            int input = acc[slot + i];
            if (atRest[local]) {
                if (input == 0) {
                    continue; // the update is a pure function of the state and the input: it would change nothing
                }
                atRest[local] = false; // it is updated after all: take back its count
                rests--;
                if (restActive[local]) {
                    active--;
                    resting--;
                }
            }
            // the slot summed in 32-bit ints; overflow there is harmless, as only its low 22 bits are kept
            int q = Arithmetic.wrapQ(input);
            acc[slot + i] = 0;
            int oldU = u[i];
            int oldV = v[i];
            int b = bias[i];
            // a compartment with nothing in and nothing held is an inactive update on the chip
            if ((q | oldU | oldV | b | refractoryLeft[i]) != 0) {
                active++;
            }
            boolean keepsNothing = memoryless[local];
            int ui = keepsNothing ? Arithmetic.wrap24(q) : Arithmetic.current(oldU, s.dU[i], q);
            u[i] = ui;
            int u2 = Arithmetic.wrap24(ui + b);
            if (refractoryLeft[i] > 0) {
                v[i] = 0;
                refractoryLeft[i]--;
                continue;
            }
            // a memoryless compartment's voltage is u2 itself (24 bits wrapped are within the voltage range)
            int vi = keepsNothing ? u2 : Arithmetic.voltage(oldV, s.dV[i], u2);
            if (vi > vTh[i]) {
                vi = 0;
                refractoryLeft[i] = s.refractoryDelay[i] - 1;
                lastSpike[i] = t;
                spiked[spikedCount++] = local;
            } else if (q == 0 && (keepsNothing || ui == oldU && vi == oldV) && !reference) {
                // no input, no spike, and the next input-free update would be this one again (a memoryless
                // compartment is at (0, wrap24(bias)) after any such update): it would change nothing
                atRest[local] = true;
                rests++;
                boolean counts = (ui | vi | b) != 0;
                restActive[local] = counts;
                resting += counts ? 1 : 0;
            }
            v[i] = vi;
        }
        this.spikedCount = spikedCount;
        tally[SPIKES] += spikedCount;
        restActiveCount = resting;
        restCount = rests;
        tally[ACTIVE_UPDATES] = active;
    }
}
