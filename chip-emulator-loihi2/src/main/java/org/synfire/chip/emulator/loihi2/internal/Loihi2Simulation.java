package org.synfire.chip.emulator.loihi2.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.synfire.chip.api.ActivityCounts;
import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.ResourceUsage;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.TrafficCounts;
import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.ReinforcementChannel;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi2.LavaLif;

/**
 * A network run with Loihi 2's arithmetic as Lava's bit-accurate models define it. Each group is a LIF process
 * ({@code PyLifModelBitAcc}, or its integer refractory extension), each connection a Dense or DelayDense process. A
 * timestep {@code t} runs: host input (the generators' spikes of {@code t}); every compartment's update from the input
 * that arrived for {@code t}; probes; then delivery of the timestep's spikes, each connection's weighted sum per
 * target and delay scaled once by its exponent and added to the input of {@code t + 1 + delay} (Lava's one-step Dense
 * buffer plus the DelayDense delay); then each plastic connection's learning ({@link LavaLearningEngine}, Lava's
 * bit-approximate learning: the spikes of {@code t}, and the learning phase if {@code t} ends an epoch), and the
 * weight probes. Hot state is in primitive arrays; one thread (results do not depend on it).
 */
public final class Loihi2Simulation implements ChipSimulation {

    private static final String BACKEND = "backend loihi2: ";

    private final int compartments;
    private final int sources;
    private final Map<String, Integer> groupIndex = new HashMap<>();
    private final int[] groupFirst;
    private final int[] groupSize;
    // per group, in Lava's units
    private final int[] groupDu;
    private final int[] groupDv;
    private final int[] groupVth;
    private final int[] groupRefractory;
    // per compartment
    private final int[] bias;
    private final int[] u;
    private final int[] v;
    private final int[] refractoryEnd;
    private final int[] lastSpike;
    // input ring: acc[slot * compartments + i], slot = t & slotMask
    private final int slotMask;
    private final int[] acc;
    private final SynapseTable synapses;
    // connections with a negative exponent: a scratch per (delay, target) holds one timestep's raw sums
    private final int[][] scratch;
    private final boolean[] scratchDirty;
    private final int[] connExponent;
    private final int[] connTargetFirst;
    private final int[] connTargetSize;
    private final int[] connMaxDelay;
    private final int[] connPreSize;
    private final int[][] storedWeights; // mask order
    private final Map<String, Integer> connectionIndex = new HashMap<>();
    // host input
    private final Map<String, Integer> generatorBase = new HashMap<>();
    private final Map<String, Integer> generatorSize = new HashMap<>();
    private final int[] scheduledTime;
    private final int[] scheduledSource;
    private int nextScheduled;
    private final int[] hostLastEmit;
    private int[] injected = new int[16];
    private int injectedCount;
    // the timestep's spikes (compartments and host sources)
    private final int[] spiking;
    private int spikingCount;
    private final CoreLayout layout;
    private final long[] synOps;
    private final long[] activeUpdates;
    private final long[] idleUpdates;
    private long messages;
    private long chipCrossings;
    private long spikes;
    private long hostSpikes;
    private final long[] spikesPerGroup;
    private final List<Recorder> recorders = new ArrayList<>();
    // weight probes sample after the learning phase, as Lava's weights read after a timestep
    private final List<Recorder> weightRecorders = new ArrayList<>();
    // plastic connections, in connection order: the engine, its connection and the source ranges it hears
    private final LavaLearningEngine[] learners;
    private final int[] learnerConn;
    private final int[] learnerPreBase;
    private final int[] learnerPostFirst;
    private final int[] learnerRewardBase;
    private final int[] learnerRewardSize;
    private final int[][] learnerSlotOfPost;
    /** Per source, whether learning sees its spikes ({@code learningSeesSpikes}; host sources always). */
    private final boolean[] learningSees;
    private final Map<String, Recorder> recorderByName = new HashMap<>();
    private int timestep;

    /**
     * Compiles {@code network} for the board {@code options} describe.
     *
     * @throws IllegalArgumentException if the network asks for something Lava's models cannot do, naming the
     *                                  feature and the backend, or if it does not fit, naming the limit
     */
    public Loihi2Simulation(Network network, RunOptions options) {
        Loihi2Chip.CAPABILITIES.check(network, "loihi2");
        LavaRule[] rules = refuseUnsupported(network);
        List<CompartmentGroup> groups = network.groups();
        int c = 0;
        groupFirst = new int[groups.size()];
        groupSize = new int[groups.size()];
        groupDu = new int[groups.size()];
        groupDv = new int[groups.size()];
        groupVth = new int[groups.size()];
        groupRefractory = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            CompartmentGroup group = groups.get(g);
            groupIndex.put(group.name(), g);
            groupFirst[g] = c;
            groupSize[g] = group.size();
            if (group.prototype() instanceof LavaLif l) {
                // Lava's own registers, as given
                groupDu[g] = l.du();
                groupDv[g] = l.dv();
                groupVth[g] = LavaArithmetic.threshold(l.vth());
                groupRefractory[g] = l.refractoryPeriod();
            } else {
                CompartmentPrototype p = CompartmentPrototype.of(group, "backend loihi2");
                groupDu[g] = lavaDu(p.dU());
                groupDv[g] = p.dV();
                groupVth[g] = LavaArithmetic.threshold(p.vThMant());
                groupRefractory[g] = p.refractoryDelay() - 1;
            }
            c = Math.addExact(c, group.size());
        }
        compartments = c;
        int s = c;
        for (SpikeGenerator gen : network.generators()) {
            generatorBase.put(gen.name(), s);
            generatorSize.put(gen.name(), gen.size());
            s = Math.addExact(s, gen.size());
        }
        sources = s;
        bias = new int[compartments];
        for (int g = 0; g < groups.size(); g++) {
            CompartmentGroup group = groups.get(g);
            for (int i = 0; i < group.size(); i++) {
                bias[groupFirst[g] + i] = LavaArithmetic.bias(group.biasMant(i), group.biasExp(i));
            }
        }
        u = new int[compartments];
        v = new int[compartments];
        refractoryEnd = new int[compartments];
        Arrays.fill(refractoryEnd, -1);
        lastSpike = new int[compartments];
        Arrays.fill(lastSpike, -1);
        spikesPerGroup = new long[groups.size()];

        // connections: Lava's parameters and stored weights, then the synapses by source
        List<ConnectionGroup> conns = network.connections();
        int n = conns.size();
        connExponent = new int[n];
        connTargetFirst = new int[n];
        connTargetSize = new int[n];
        connMaxDelay = new int[n];
        storedWeights = new int[n][];
        scratch = new int[n][];
        scratchDirty = new boolean[n];
        int[] sourceBase = new int[n];
        int[] preSize = new int[n];
        connPreSize = preSize;
        int[] connBits = new int[n];
        long[] bitsInto = new long[compartments];
        int maxDelay = 0;
        long synapseTotal = 0;
        for (int k = 0; k < n; k++) {
            ConnectionGroup conn = conns.get(k);
            connectionIndex.put(conn.name(), k);
            connExponent[k] = conn.exponent();
            int g = groupIndex.get(conn.target());
            connTargetFirst[k] = groupFirst[g];
            connTargetSize[k] = groupSize[g];
            connMaxDelay[k] = conn.maxDelay();
            maxDelay = Math.max(maxDelay, conn.maxDelay());
            Integer sourceGroup = groupIndex.get(conn.source());
            sourceBase[k] = sourceGroup != null ? groupFirst[sourceGroup] : generatorBase.get(conn.source());
            preSize[k] = network.sizeOf(conn.source());
            connBits[k] = conn.weightBits() + (conn.maxDelay() > 0 ? Loihi2Chip.DELAY_BITS : 0);
            int[] stored = new int[conn.synapseCount()];
            for (int q = 0; q < stored.length; q++) {
                stored[q] = LavaArithmetic.storedWeight(conn.weight(q), conn.signMode(), conn.weightBits());
                bitsInto[connTargetFirst[k] + conn.mask().post(q, preSize[k], connTargetSize[k])] += connBits[k];
            }
            storedWeights[k] = stored;
            if (conn.exponent() < 0) {
                scratch[k] = new int[Math.multiplyExact(connTargetSize[k], conn.maxDelay() + 1)];
            }
            synapseTotal += stored.length;
        }
        if (synapseTotal > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(BACKEND + "the network has " + synapseTotal + " synapses, more than "
                    + Integer.MAX_VALUE);
        }
        int slots = Integer.highestOneBit(Math.max(1, maxDelay + 1) * 2 - 1);
        slotMask = slots - 1;
        acc = new int[Math.multiplyExact(slots, Math.max(compartments, 1))];
        synapses = new SynapseTable(conns, sources, sourceBase, preSize, connTargetFirst, connTargetSize,
                storedWeights);
        learningSees = new boolean[sources];
        Arrays.fill(learningSees, true);
        for (int g = 0; g < groups.size(); g++) {
            // Lava's LIF has no such register: its spikes always reach learning
            boolean sees = !(groups.get(g).prototype() instanceof CompartmentPrototype p) || p.learningSeesSpikes();
            Arrays.fill(learningSees, groupFirst[g], groupFirst[g] + groupSize[g], sees);
        }
        // one generator per plastic connection, split in connection order from the run's seed
        SplittableRandom seeds = new SplittableRandom(options.seed());
        List<LavaLearningEngine> engines = new ArrayList<>();
        List<int[]> ends = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ConnectionGroup conn = conns.get(k);
            if (!conn.plastic()) {
                continue;
            }
            LavaRule rule = rules[k];
            int[] synPre = new int[conn.synapseCount()];
            int[] synPost = new int[conn.synapseCount()];
            for (int q = 0; q < synPre.length; q++) {
                synPre[q] = conn.mask().pre(q, preSize[k], connTargetSize[k]);
                synPost[q] = conn.mask().post(q, preSize[k], connTargetSize[k]);
            }
            engines.add(new LavaLearningEngine(rule, preSize[k], connTargetSize[k], synPre, synPost, storedWeights[k],
                    conn.tags(), conn.signMode(), seeds.split()));
            int rewardBase = -1;
            int rewardSize = 0;
            String channel = conn.learning().orElseThrow().rewardChannel().orElse(null);
            if (channel != null && rule.readsReward()) {
                String source = network.channels().stream().filter(r -> r.name().equals(channel))
                        .map(ReinforcementChannel::source).findFirst().orElseThrow();
                Integer g = groupIndex.get(source);
                rewardBase = g != null ? groupFirst[g] : generatorBase.get(source);
                rewardSize = network.sizeOf(source);
            }
            ends.add(new int[] {k, sourceBase[k], connTargetFirst[k], rewardBase, rewardSize});
        }
        learners = engines.toArray(new LavaLearningEngine[0]);
        learnerConn = ends.stream().mapToInt(e -> e[0]).toArray();
        learnerPreBase = ends.stream().mapToInt(e -> e[1]).toArray();
        learnerPostFirst = ends.stream().mapToInt(e -> e[2]).toArray();
        learnerRewardBase = ends.stream().mapToInt(e -> e[3]).toArray();
        learnerRewardSize = ends.stream().mapToInt(e -> e[4]).toArray();
        learnerSlotOfPost = new int[learners.length][];

        // host input, merged across generators in time order
        List<long[]> scheduled = new ArrayList<>();
        for (SpikeGenerator gen : network.generators()) {
            int base = generatorBase.get(gen.name());
            for (int q = 0; q < gen.spikeCount(); q++) {
                scheduled.add(new long[] {gen.time(q), base + gen.neuron(q), scheduled.size()});
            }
        }
        scheduled.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
        scheduledTime = new int[scheduled.size()];
        scheduledSource = new int[scheduled.size()];
        for (int q = 0; q < scheduled.size(); q++) {
            scheduledTime[q] = (int) scheduled.get(q)[0];
            scheduledSource[q] = (int) scheduled.get(q)[1];
        }
        hostLastEmit = new int[sources - compartments];
        Arrays.fill(hostLastEmit, -1);
        spiking = new int[sources];

        // placement on cores, and the counts that follow from it
        List<String> groupNames = groups.stream().map(CompartmentGroup::name).toList();
        int[] coreOf = CoreLayout.place(bitsInto, groupFirst, groupSize, groupNames, options.chips());
        layout = new CoreLayout(coreOf, options.chips(), groupFirst, groupSize, sources, synapses, connBits);
        synOps = new long[layout.activeCores.length];
        activeUpdates = new long[layout.activeCores.length];
        idleUpdates = new long[layout.activeCores.length];
        for (int l = 0; l < learners.length; l++) {
            int first = learnerPostFirst[l];
            int[] postSlots = new int[connTargetSize[learnerConn[l]]];
            for (int j = 0; j < postSlots.length; j++) {
                postSlots[j] = Arrays.binarySearch(layout.activeCores, layout.coreOf[first + j]);
            }
            learnerSlotOfPost[l] = postSlots;
        }
        for (Probe p : network.probes()) {
            Recorder r = new Recorder(p);
            (p.kind() == Probe.Kind.WEIGHTS ? weightRecorders : recorders).add(r);
            recorderByName.put(p.name(), r);
        }
    }

    /** Lava's du for a network's dU (Loihi 1's effective decay 0 .. 4096, 0 acting as 1): Lava adds 1 back. */
    static int lavaDu(int dU) {
        return Math.max(dU, 1) - LavaArithmetic.CURRENT_DECAY_OFFSET;
    }

    /**
     * What today's network can say that Lava's models cannot do: refused, one line, the feature and the place. What a
     * learning rule asks beyond Lava's learning engine is refused by {@link LavaRuleTranslation}.
     *
     * @return each connection's rule in Lava's form, by connection index ({@code null} where it is not plastic),
     *         translated here before anything is allocated
     */
    private static LavaRule[] refuseUnsupported(Network network) {
        List<ConnectionGroup> connections = network.connections();
        LavaRule[] rules = new LavaRule[connections.size()];
        for (int k = 0; k < rules.length; k++) {
            if (connections.get(k).plastic()) {
                rules[k] = LavaRuleTranslation.translate(connections.get(k));
            }
        }
        for (CompartmentGroup g : network.groups()) {
            if (g.pin().isPresent()) {
                throw new IllegalArgumentException(BACKEND + "core pins are not supported (group " + g.name()
                        + " is pinned to Loihi-1 cores " + g.pin().get().first() + ".." + g.pin().get().last()
                        + "); leave the placement to the backend");
            }
        }
        return rules;
    }

    @Override
    public int timestep() {
        return timestep;
    }

    @Override
    public void inject(String generator, int neuron) {
        Integer base = generatorBase.get(generator);
        if (base == null) {
            throw new IllegalArgumentException("no generator " + generator);
        }
        if (neuron < 0 || neuron >= generatorSize.get(generator)) {
            throw new IllegalArgumentException("generator " + generator + " has no neuron " + neuron + " (0.."
                    + (generatorSize.get(generator) - 1) + ")");
        }
        if (injectedCount == injected.length) {
            injected = Arrays.copyOf(injected, injectedCount * 2);
        }
        injected[injectedCount++] = base + neuron;
    }

    @Override
    public void injectPattern(String generator, byte[] pattern, int offset, int size) {
        java.util.Objects.checkFromIndexSize(offset, size, pattern.length);
        Integer base = generatorBase.get(generator);
        if (base == null || generatorSize.get(generator) < size) {
            throw new IllegalArgumentException(base == null ? "no generator " + generator
                    : "generator " + generator + " has " + generatorSize.get(generator) + " sources, fewer than "
                            + size);
        }
        for (int i = 0; i < size; i++) {
            if (pattern[offset + i] != 0) {
                if (injectedCount == injected.length) {
                    injected = Arrays.copyOf(injected, injectedCount * 2);
                }
                injected[injectedCount++] = base + i;
            }
        }
    }

    @Override
    public void run(int timesteps) {
        for (int k = 0; k < timesteps; k++) {
            step();
        }
    }

    private void step() {
        int t = timestep;
        spikingCount = 0;
        hostInput(t);
        int host = spikingCount;
        update(t);
        for (Recorder r : recorders) {
            r.record(t);
        }
        deliver(t);
        if (learners.length != 0) {
            learn(t);
        }
        for (Recorder r : weightRecorders) {
            r.record(t);
        }
        hostSpikes += host;
        spikes += spikingCount - host;
        timestep++;
    }

    private void hostInput(int t) {
        while (nextScheduled < scheduledTime.length && scheduledTime[nextScheduled] <= t) {
            if (scheduledTime[nextScheduled] == t) {
                emitHost(scheduledSource[nextScheduled], t);
            }
            nextScheduled++;
        }
        for (int k = 0; k < injectedCount; k++) {
            emitHost(injected[k], t);
        }
        injectedCount = 0;
    }

    private void emitHost(int source, int t) {
        int h = source - compartments;
        if (hostLastEmit[h] != t) {
            hostLastEmit[h] = t;
            spiking[spikingCount++] = source;
        }
    }

    /** Every compartment's LIF update (Lava's {@code subthr_dynamics}, spike, reset) from the input of {@code t}. */
    private void update(int t) {
        final int row = (t & slotMask) * compartments;
        final int[] acc = this.acc;
        final int[] u = this.u;
        final int[] v = this.v;
        final int[] bias = this.bias;
        final int[] updFirst = layout.updFirst;
        final int[] updEnd = layout.updEnd;
        final int[] updGroup = layout.updGroup;
        final int[] updCoreSlot = layout.updCoreSlot;
        for (int seg = 0; seg < updFirst.length; seg++) {
            int g = updGroup[seg];
            int du = groupDu[g] + LavaArithmetic.CURRENT_DECAY_OFFSET;
            int dv = groupDv[g];
            int vth = groupVth[g];
            int refractory = groupRefractory[g];
            int active = 0;
            int end = updEnd[seg];
            for (int i = updFirst[seg]; i < end; i++) {
                int a = acc[row + i];
                acc[row + i] = 0;
                int ui = u[i];
                int vi = v[i];
                int b = bias[i];
                boolean frozen = refractory > 0 && t <= refractoryEnd[i];
                if ((a | ui | vi | b) != 0 || frozen) {
                    active++;
                }
                ui = LavaArithmetic.wrapCurrent(LavaArithmetic.decay(ui, du) + (a << LavaArithmetic.ACTIVATION_SHIFT));
                u[i] = ui;
                if (!frozen) {
                    vi = LavaArithmetic.voltage(vi, dv, ui, b);
                }
                if (vi > vth) {
                    vi = 0;
                    lastSpike[i] = t;
                    spiking[spikingCount++] = i;
                    spikesPerGroup[g]++;
                    if (refractory > 0) {
                        refractoryEnd[i] = t + refractory;
                    }
                }
                v[i] = vi;
            }
            activeUpdates[updCoreSlot[seg]] += active;
            idleUpdates[updCoreSlot[seg]] += (end - updFirst[seg]) - active;
        }
    }

    /** Adds the timestep's spikes into the inputs of {@code t + 1 + delay}. */
    private void deliver(int t) {
        final int[] acc = this.acc;
        final int mask = slotMask;
        final int n = compartments;
        final int nextRow = ((t + 1) & mask) * n;
        final SynapseTable syn = synapses;
        final int[] segStart = syn.segStart;
        final int[] segFirst = syn.segFirst;
        final int[] segEnd = syn.segEnd;
        final int[] segDenseTarget = syn.segDenseTarget;
        final int[] synTarget = syn.synTarget;
        final int[] synWeight = syn.synWeight;
        final int[] synDelay = syn.synDelay;
        final CoreLayout cores = layout;
        for (int k = 0; k < spikingCount; k++) {
            int src = spiking[k];
            for (int seg = segStart[src]; seg < segStart[src + 1]; seg++) {
                int first = segFirst[seg];
                int end = segEnd[seg];
                int dense = segDenseTarget[seg];
                if (dense >= 0) {
                    int base = nextRow + dense - first;
                    for (int at = first; at < end; at++) {
                        acc[base + at] += synWeight[at];
                    }
                    continue;
                }
                int conn = syn.segConnection[seg];
                int[] own = scratch[conn];
                if (own == null) {
                    for (int at = first; at < end; at++) {
                        acc[((t + 1 + synDelay[at]) & mask) * n + synTarget[at]] += synWeight[at];
                    }
                } else {
                    for (int at = first; at < end; at++) {
                        own[synTarget[at]] += synWeight[at];
                    }
                    scratchDirty[conn] = true;
                }
            }
            for (int q = cores.opsStart[src]; q < cores.opsStart[src + 1]; q++) {
                synOps[cores.opsCoreSlot[q]] += cores.opsCount[q];
            }
            messages += cores.messagesOf[src];
            chipCrossings += cores.crossingsOf[src];
        }
        // a negative exponent floors each connection's sum per target and delay once (Lava's a_accum >> -e)
        for (int conn = 0; conn < scratch.length; conn++) {
            if (!scratchDirty[conn]) {
                continue;
            }
            scratchDirty[conn] = false;
            int[] own = scratch[conn];
            int size = connTargetSize[conn];
            int first = connTargetFirst[conn];
            int exponent = connExponent[conn];
            for (int d = 0; d <= connMaxDelay[conn]; d++) {
                int base = ((t + 1 + d) & mask) * n + first;
                int from = d * size;
                for (int j = 0; j < size; j++) {
                    int sum = own[from + j];
                    if (sum != 0) {
                        acc[base + j] += LavaArithmetic.scaleSum(sum, exponent);
                        own[from + j] = 0;
                    }
                }
            }
        }
    }

    /**
     * The spiking phase of every plastic connection's learning (the timestep's pre, post and reward spikes), then the
     * learning phase of each connection whose epoch ends with {@code t}; changed weights go back into the table.
     */
    private void learn(int t) {
        for (int l = 0; l < learners.length; l++) {
            LavaLearningEngine engine = learners[l];
            int conn = learnerConn[l];
            int preBase = learnerPreBase[l];
            int preEnd = preBase + connPreSize[conn];
            int postFirst = learnerPostFirst[l];
            int postEnd = postFirst + connTargetSize[conn];
            int rewardBase = learnerRewardBase[l];
            int rewardEnd = rewardBase + learnerRewardSize[l];
            for (int k = 0; k < spikingCount; k++) {
                int src = spiking[k];
                if (src >= preBase && src < preEnd && learningSees[src]) {
                    engine.preSpike(src - preBase, t);
                }
                if (src >= postFirst && src < postEnd && learningSees[src]) {
                    engine.postSpike(src - postFirst, t);
                }
                if (src >= rewardBase && src < rewardEnd) {
                    engine.rewardSpike(t);
                }
            }
            if (engine.endsEpoch(t) && engine.learn(t)) {
                synapses.rewrite(conn, storedWeights[conn], engine.changed, engine.changedCount);
            }
        }
    }

    @Override
    public ProbeData probe(String probe) {
        Recorder r = recorderByName.get(probe);
        if (r == null) {
            throw new IllegalArgumentException("no probe " + probe);
        }
        return r.data();
    }

    @Override
    public int[] weights(String connection) {
        Integer k = connectionIndex.get(connection);
        if (k == null) {
            throw new IllegalArgumentException("no connection " + connection);
        }
        return storedWeights[k].clone();
    }

    @Override
    public TrafficCounts traffic() {
        return new TrafficCounts(messages, 0, 0, chipCrossings);
    }

    @Override
    public ActivityCounts activity() {
        long synaptic = 0;
        for (long x : synOps) {
            synaptic += x;
        }
        return new ActivityCounts(timestep, (long) timestep * compartments, spikes, hostSpikes, synaptic);
    }

    @Override
    public ChipEvents events() {
        long[] counts = new long[ChipEvents.countsLength(layout.activeCores.length)];
        eventCounts(counts);
        return ChipEvents.ofCounts(counts, layout.activeCores);
    }

    @Override
    public void eventCounts(long[] into) {
        into[0] = timestep;
        into[1] = messages;
        into[2] = 0;
        into[3] = 0;
        into[4] = chipCrossings;
        into[5] = hostSpikes;
        for (int slot = 0; slot < layout.activeCores.length; slot++) {
            int at = ChipEvents.CHIP_COUNTS + ChipEvents.CORE_COUNTS * slot;
            into[at] = synOps[slot];
            into[at + 1] = 0;
            into[at + 2] = activeUpdates[slot];
            into[at + 3] = idleUpdates[slot];
            into[at + 4] = 0; // this backend does not learn
        }
        // synapses a learning rule was evaluated on, on the core of their post compartment
        for (int l = 0; l < learners.length; l++) {
            long[] perPost = learners[l].updatesPerPost;
            int[] slots = learnerSlotOfPost[l];
            for (int j = 0; j < perPost.length; j++) {
                into[ChipEvents.CHIP_COUNTS + ChipEvents.CORE_COUNTS * slots[j] + 1] += perPost[j];
            }
        }
    }

    @Override
    public int coreOf(String group, int index) {
        Integer g = groupIndex.get(group);
        if (g == null) {
            throw new IllegalArgumentException("no group " + group);
        }
        java.util.Objects.checkIndex(index, groupSize[g]);
        return layout.coreOf[groupFirst[g] + index];
    }

    @Override
    public long[] spikesPerGroup() {
        return spikesPerGroup.clone();
    }

    @Override
    public void spikesPerGroup(long[] into) {
        System.arraycopy(spikesPerGroup, 0, into, 0, spikesPerGroup.length);
    }

    @Override
    public ResourceUsage resources() {
        return layout.resources;
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }

    /** Records one probe at the end of the spiking phase of the timesteps it samples. */
    private final class Recorder {
        private final Probe probe;
        private final int first;
        private final int columns;
        private final int connection;
        private int[] times = new int[16];
        private int[][] rows = new int[16][];
        private int samples;

        Recorder(Probe probe) {
            this.probe = probe;
            if (probe.kind() == Probe.Kind.WEIGHTS) {
                connection = connectionIndex.get(probe.target());
                first = 0;
                columns = storedWeights[connection].length;
            } else {
                connection = -1;
                int g = groupIndex.get(probe.target());
                first = groupFirst[g];
                columns = groupSize[g];
            }
        }

        void record(int t) {
            if (t < probe.t0() || (t - probe.t0()) % probe.every() != 0) {
                return;
            }
            if (samples == times.length) {
                times = Arrays.copyOf(times, samples * 2);
                rows = Arrays.copyOf(rows, samples * 2);
            }
            int[] row;
            switch (probe.kind()) {
                case SPIKES -> {
                    row = new int[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = lastSpike[first + c] == t ? 1 : 0;
                    }
                }
                case CURRENT -> row = Arrays.copyOfRange(u, first, first + columns);
                case VOLTAGE -> row = Arrays.copyOfRange(v, first, first + columns);
                case WEIGHTS -> row = storedWeights[connection].clone();
                default -> throw new IllegalStateException("probe kind " + probe.kind());
            }
            times[samples] = t;
            rows[samples++] = row;
        }

        ProbeData data() {
            int[][] copy = new int[samples][];
            for (int s = 0; s < samples; s++) {
                copy[s] = rows[s].clone();
            }
            return new ProbeData(probe.name(), Arrays.copyOf(times, samples), copy);
        }
    }
}
