package org.synfire.chip.emulator.ideal.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.synfire.chip.api.ActivityCounts;
import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.CoreEvents;
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
import org.synfire.chip.model.loihi1.LearningSettings;

/**
 * A network on the ideal machine: Loihi-1 units, float64 state, exact arithmetic. Each timestep runs the phases of
 * the Loihi-1 emulator in its order: host input (the generator spikes of the timestep), spiking (every compartment in
 * index order), probes, learning (every plastic connection in network order), delivery of the timestep's spikes into
 * the accumulators, so a spike emitted at {@code t} arrives at {@code t + 1 + delay} with the weight the learning
 * phase of {@code t} left.
 *
 * <p>One compartment, one timestep ({@code q} the input of the timestep's accumulator slot, real):
 * {@code u = u * (1 - dU/4096) + q}; {@code u2 = u + bias}; if refractory, {@code v = 0} and the count goes down;
 * else {@code v = v * (1 - dV/4096) + u2}, and {@code v > vThMant * 2^6} spikes, resets {@code v} to 0 and starts a
 * dead time of {@code refractoryDelay - 1} timesteps. Nothing wraps, saturates or is rounded.
 *
 * <p>There are no cores: the whole network is one virtual core 0 (core pins are ignored), with no limits, no mesh and
 * so no spike messages between cores ({@link #traffic()} is empty). Event counts follow the loihi1 backend's meaning
 * where they have one: synaptic operations (synapses that delivered a spike), synaptic updates (synapses whose rule
 * was evaluated), active and idle compartment updates.
 */
public final class IdealSimulation implements ChipSimulation {

    private final Network network;
    private final int compartments;
    /** Global index of each group's compartment 0 and each generator's source 0 (after every compartment). */
    private final Map<String, Integer> base = new HashMap<>();
    private final int[] groupOf;
    private final double[] u;
    private final double[] v;
    private final double[] bias;
    private final double[] threshold;
    /** The factors a timestep keeps of the current and the voltage: {@code 1 - dU/4096}, {@code 1 - dV/4096}. */
    private final double[] keepU;
    private final double[] keepV;
    private final int[] refractoryLeft;
    private final int[] refractoryDelay;
    /** Per source (compartments, then generator sources): the last timestep it spiked. */
    private final int[] lastSpike;
    private final boolean[] learningSees;
    /** Accumulator slots of every compartment, slot-major: input due at {@code t} is in slot {@code t & ring}. */
    private final double[] accumulator;
    private final int ring;
    private final IdealSynapses[] synapses;
    private final Map<String, IdealSynapses> synapsesByName = new HashMap<>();
    /** Per source: the connections it is the presynaptic side of, in network order. */
    private final IdealSynapses[][] outgoing;
    private final IdealLearning[] learning;
    private final int[] scheduledTime;
    private final int[] scheduledSource;
    private int nextScheduled;
    private int[] injected = new int[64];
    private int injectedCount;
    /** The sources that spiked in the timestep being run, host input first, then compartments in index order. */
    private final int[] spiked;
    private int spikedCount;
    private final Map<String, Recorder> probes = new HashMap<>();
    private final Recorder[] probeList;
    private final long[] spikesPerGroup;
    private final RunOptions options;
    private int timestep;
    private long spikes;
    private long hostSpikes;
    private long synapticOperations;
    private long activeUpdates;

    /** Compiles {@code network} for the ideal machine; {@code options} are kept for the record (nothing is drawn). */
    public IdealSimulation(Network network, RunOptions options) {
        this.network = Objects.requireNonNull(network, "network");
        this.options = Objects.requireNonNull(options, "options");
        int n = 0;
        for (CompartmentGroup g : network.groups()) {
            base.put(g.name(), n);
            n += g.size();
        }
        compartments = n;
        int sources = n;
        for (SpikeGenerator g : network.generators()) {
            base.put(g.name(), sources);
            sources += g.size();
        }
        groupOf = new int[n];
        u = new double[n];
        v = new double[n];
        bias = new double[n];
        threshold = new double[n];
        keepU = new double[n];
        keepV = new double[n];
        refractoryLeft = new int[n];
        refractoryDelay = new int[n];
        lastSpike = new int[sources];
        Arrays.fill(lastSpike, Integer.MIN_VALUE);
        learningSees = new boolean[sources];
        Arrays.fill(learningSees, true); // generator sources: a rule always sees host spikes
        int group = 0;
        for (CompartmentGroup g : network.groups()) {
            int first = base.get(g.name());
            for (int i = 0; i < g.size(); i++) {
                compartment(first + i, g, i);
                groupOf[first + i] = group;
            }
            group++;
        }
        spikesPerGroup = new long[network.groups().size()];

        List<IdealSynapses> list = new ArrayList<>();
        List<IdealLearning> plastic = new ArrayList<>();
        boolean anyLearnedDelay = false;
        int longest = 0;
        for (ConnectionGroup c : network.connections()) {
            int preSize = network.sizeOf(c.source());
            int postSize = network.sizeOf(c.target());
            boolean learnsDelay = IdealLearning.learnsDelay(c);
            IdealSynapses s = new IdealSynapses(c, preSize, postSize, base.get(c.source()), base.get(c.target()),
                    learnsDelay);
            list.add(s);
            synapsesByName.put(c.name(), s);
            anyLearnedDelay |= learnsDelay;
            longest = Math.max(longest, c.maxDelay());
            if (c.plastic()) {
                plastic.add(learning(s, LearningSettings.of(c, "backend ideal")));
            }
        }
        synapses = list.toArray(new IdealSynapses[0]);
        learning = plastic.toArray(new IdealLearning[0]);
        // the smallest power of two that holds 1 + the longest delay (a learned delay may grow to the longest there is)
        int needed = 1 + (anyLearnedDelay ? IdealSynapses.MAX_DELAY : longest);
        int slots = Integer.highestOneBit(Math.max(needed, 1));
        slots = slots < needed ? slots * 2 : slots;
        ring = slots - 1;
        accumulator = new double[slots * n];

        outgoing = new IdealSynapses[sources][];
        Map<String, IdealSynapses[]> bySource = new HashMap<>();
        for (IdealSynapses s : synapses) {
            bySource.merge(s.description.source(), new IdealSynapses[] {s}, (a, b) -> {
                IdealSynapses[] both = Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, both, a.length, b.length);
                return both;
            });
        }
        for (Map.Entry<String, Integer> e : base.entrySet()) {
            IdealSynapses[] out = bySource.getOrDefault(e.getKey(), new IdealSynapses[0]);
            int size = network.sizeOf(e.getKey());
            for (int i = 0; i < size; i++) {
                outgoing[e.getValue() + i] = out;
            }
        }

        int scheduled = network.generators().stream().mapToInt(SpikeGenerator::spikeCount).sum();
        long[] timeAndSource = new long[scheduled];
        int k = 0;
        for (SpikeGenerator g : network.generators()) {
            int first = base.get(g.name());
            for (int m = 0; m < g.spikeCount(); m++) {
                timeAndSource[k++] = ((long) g.time(m) << 32) | (first + g.neuron(m));
            }
        }
        Arrays.sort(timeAndSource);
        scheduledTime = new int[scheduled];
        scheduledSource = new int[scheduled];
        for (int m = 0; m < scheduled; m++) {
            scheduledTime[m] = (int) (timeAndSource[m] >>> 32);
            scheduledSource[m] = (int) timeAndSource[m];
        }
        spiked = new int[sources];

        for (Probe p : network.probes()) {
            probes.put(p.name(), new Recorder(p));
        }
        probeList = network.probes().stream().map(p -> probes.get(p.name())).toArray(Recorder[]::new);
    }

    /** Compartment {@code c}, member {@code i} of group {@code g}: the one place Loihi-1 compartment units are read. */
    private void compartment(int c, CompartmentGroup g, int i) {
        CompartmentPrototype p = CompartmentPrototype.of(g, "backend ideal");
        keepU[c] = (CompartmentPrototype.MAX_DECAY - p.dU()) / (double) CompartmentPrototype.MAX_DECAY;
        keepV[c] = (CompartmentPrototype.MAX_DECAY - p.dV()) / (double) CompartmentPrototype.MAX_DECAY;
        threshold[c] = Math.scalb((double) p.vThMant(), 6);
        bias[c] = Math.scalb((double) g.biasMant(i), g.biasExp(i));
        refractoryDelay[c] = p.refractoryDelay();
        learningSees[c] = p.learningSeesSpikes();
    }

    /** The learning of plastic connection {@code s}, with the source range of its reward channel, if any. */
    private IdealLearning learning(IdealSynapses s, LearningSettings settings) {
        int first = 0;
        int end = 0;
        if (settings.rewardChannel().isPresent()) {
            String name = settings.rewardChannel().get();
            ReinforcementChannel c = network.channels().stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow();
            first = base.get(c.source());
            end = first + network.sizeOf(c.source());
        }
        return new IdealLearning(s, first, end);
    }

    @Override
    public int timestep() {
        return timestep;
    }

    private int generatorBase(String generator, int size) {
        SpikeGenerator g = network.generator(generator).orElseThrow(
                () -> new IllegalArgumentException("cannot inject into " + generator + ": no such generator"));
        if (size > g.size()) {
            throw new IllegalArgumentException("cannot inject " + size + " sources into generator " + generator
                    + ": it has " + g.size());
        }
        return base.get(generator);
    }

    @Override
    public void inject(String generator, int neuron) {
        SpikeGenerator g = network.generator(generator).orElseThrow(
                () -> new IllegalArgumentException("cannot inject into " + generator + ": no such generator"));
        if (neuron < 0 || neuron >= g.size()) {
            throw new IllegalArgumentException("cannot inject into generator " + generator + ": neuron " + neuron
                    + " is out of range 0.." + (g.size() - 1));
        }
        addInjected(base.get(generator) + neuron);
    }

    @Override
    public void injectPattern(String generator, byte[] pattern, int offset, int size) {
        Objects.checkFromIndexSize(offset, size, pattern.length);
        int first = generatorBase(generator, size);
        for (int i = 0; i < size; i++) {
            if (pattern[offset + i] != 0) {
                addInjected(first + i);
            }
        }
    }

    private void addInjected(int source) {
        if (injectedCount == injected.length) {
            injected = Arrays.copyOf(injected, injectedCount * 2);
        }
        injected[injectedCount++] = source;
    }

    @Override
    public void run(int timesteps) {
        if (timesteps < 0) {
            throw new IllegalArgumentException("cannot run " + timesteps + " timesteps: expected 0 or more");
        }
        for (int k = 0; k < timesteps; k++) {
            step();
        }
    }

    private void step() {
        int t = timestep;
        spikedCount = 0;
        while (nextScheduled < scheduledTime.length && scheduledTime[nextScheduled] == t) {
            emitHost(scheduledSource[nextScheduled++], t);
        }
        for (int k = 0; k < injectedCount; k++) {
            emitHost(injected[k], t);
        }
        injectedCount = 0;
        spike(t);
        for (Recorder r : probeList) {
            r.record(t);
        }
        for (IdealLearning l : learning) {
            l.learn(spiked, spikedCount, learningSees);
        }
        deliver(t);
        timestep = t + 1;
    }

    /** A generator source spikes at most once per timestep, however often it was scheduled or injected. */
    private void emitHost(int source, int t) {
        if (lastSpike[source] != t) {
            lastSpike[source] = t;
            hostSpikes++;
            spiked[spikedCount++] = source;
        }
    }

    /** The spiking phase: every compartment, in index order. */
    private void spike(int t) {
        int n = compartments;
        int slot = (t & ring) * n;
        double[] acc = accumulator;
        long active = 0;
        for (int i = 0; i < n; i++) {
            double q = acc[slot + i];
            acc[slot + i] = 0;
            double oldU = u[i];
            double oldV = v[i];
            // as on loihi1: an update with nothing in and nothing held is an idle one
            if (q != 0 || oldU != 0 || oldV != 0 || bias[i] != 0 || refractoryLeft[i] != 0) {
                active++;
            }
            double ui = oldU * keepU[i] + q;
            u[i] = ui;
            double u2 = ui + bias[i];
            if (refractoryLeft[i] > 0) {
                v[i] = 0;
                refractoryLeft[i]--;
                continue;
            }
            double vi = oldV * keepV[i] + u2;
            if (vi > threshold[i]) {
                vi = 0;
                refractoryLeft[i] = refractoryDelay[i] - 1;
                lastSpike[i] = t;
                spiked[spikedCount++] = i;
                spikes++;
                spikesPerGroup[groupOf[i]]++;
            }
            v[i] = vi;
        }
        activeUpdates += active;
    }

    /** The delivery phase: each spike of the timestep adds its synapses' effective weights to their slots. */
    private void deliver(int t) {
        int n = compartments;
        double[] acc = accumulator;
        int arrival = t + 1;
        for (int k = 0; k < spikedCount; k++) {
            int s = spiked[k];
            for (IdealSynapses c : outgoing[s]) {
                int i = s - c.preSource;
                int from = c.rowStart[i];
                int to = c.rowStart[i + 1];
                synapticOperations += to - from;
                int[] post = c.post;
                double[] weight = c.weight;
                double scale = c.scale;
                int postBase = c.postBase;
                if (c.noDelays) {
                    int at = (arrival & ring) * n + postBase;
                    for (int r = from; r < to; r++) {
                        acc[at + post[r]] += weight[r] * scale;
                    }
                } else {
                    for (int r = from; r < to; r++) {
                        int slot = (arrival + c.delayOf(r)) & ring;
                        acc[slot * n + postBase + post[r]] += weight[r] * scale;
                    }
                }
            }
        }
    }

    @Override
    public ProbeData probe(String probe) {
        Recorder r = probes.get(probe);
        if (r == null) {
            throw new IllegalArgumentException("no probe " + probe + "; probes are " + probes.keySet());
        }
        return r.data();
    }

    private IdealSynapses connection(String connection) {
        IdealSynapses s = synapsesByName.get(connection);
        if (s == null) {
            throw new IllegalArgumentException("no connection " + connection);
        }
        return s;
    }

    /**
     * The weights of {@code connection} in mask order as ints: each real mantissa rounded to the nearest mantissa the
     * chip could store for the connection (the nearest multiple of its weight step, halves up, held within the stored
     * range; mixed 8-bit: even, -256 .. 254). {@link #realWeights} gives the values themselves.
     */
    @Override
    public int[] weights(String connection) {
        return connection(connection).weightsInMaskOrder();
    }

    /** The real weight mantissas of {@code connection} in mask order, as the simulation holds them. */
    public double[] realWeights(String connection) {
        return connection(connection).realWeightsInMaskOrder();
    }

    /** The real current {@code u} of compartment {@code index} of {@code group}. */
    public double current(String group, int index) {
        return u[compartment(group, index)];
    }

    /** The real voltage {@code v} of compartment {@code index} of {@code group}. */
    public double voltage(String group, int index) {
        return v[compartment(group, index)];
    }

    private int compartment(String group, int index) {
        CompartmentGroup g = network.group(group)
                .orElseThrow(() -> new IllegalArgumentException("no compartment group " + group));
        Objects.checkIndex(index, g.size());
        return base.get(group) + index;
    }

    /** No mesh, so no messages, hops or chip crossings. */
    @Override
    public TrafficCounts traffic() {
        return TrafficCounts.NONE;
    }

    @Override
    public ActivityCounts activity() {
        return new ActivityCounts(timestep, (long) timestep * compartments, spikes, hostSpikes, synapticOperations);
    }

    @Override
    public ChipEvents events() {
        long[] counts = new long[ChipEvents.countsLength(1)];
        eventCounts(counts);
        return ChipEvents.ofCounts(counts, new int[] {0});
    }

    @Override
    public void eventCounts(long[] into) {
        into[0] = timestep;
        into[1] = 0;
        into[2] = 0;
        into[3] = 0;
        into[4] = 0;
        long updates = 0;
        for (IdealLearning l : learning) {
            updates += l.synapseUpdates();
        }
        int at = ChipEvents.CHIP_COUNTS;
        into[at] = synapticOperations;
        into[at + 1] = updates;
        into[at + 2] = activeUpdates;
        into[at + 3] = (long) timestep * compartments - activeUpdates;
    }

    /** Every compartment is on the one virtual core 0. */
    @Override
    public int coreOf(String group, int index) {
        compartment(group, index);
        return 0;
    }

    @Override
    public long[] spikesPerGroup() {
        return spikesPerGroup.clone();
    }

    @Override
    public void spikesPerGroup(long[] into) {
        System.arraycopy(spikesPerGroup, 0, into, 0, spikesPerGroup.length);
    }

    /**
     * One virtual core with every compartment and synapse; its fan-in is the number of sources with synapses, and it
     * takes no synaptic memory words (the ideal machine has no memory format).
     */
    @Override
    public ResourceUsage resources() {
        long synapseCount = 0;
        int fanIn = 0;
        for (IdealSynapses s : synapses) {
            synapseCount += s.post.length;
        }
        for (IdealSynapses[] out : outgoing) {
            fanIn += out.length > 0 ? 1 : 0;
        }
        return new ResourceUsage(options.chips(), 1, 1,
                List.of(new ResourceUsage.Core(0, compartments, fanIn, synapseCount, 0)));
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }

    /** Records one probe at the end of the spiking phase; real values are reported rounded to the nearest int. */
    private final class Recorder {
        private final Probe probe;
        private final int first;
        private final IdealSynapses connection;
        private final int columns;
        private final List<int[]> rows = new ArrayList<>();
        private final List<Integer> times = new ArrayList<>();

        Recorder(Probe probe) {
            this.probe = probe;
            if (probe.kind() == Probe.Kind.WEIGHTS) {
                connection = synapsesByName.get(probe.target());
                first = 0;
                columns = connection.rowIndexOfMaskIndex.length;
            } else {
                connection = null;
                first = base.get(probe.target());
                columns = network.sizeOf(probe.target());
            }
        }

        void record(int t) {
            if (t < probe.t0() || (t - probe.t0()) % probe.every() != 0) {
                return;
            }
            int[] row = switch (probe.kind()) {
                case SPIKES -> {
                    int[] r = new int[columns];
                    for (int c = 0; c < columns; c++) {
                        r[c] = lastSpike[first + c] == t ? 1 : 0;
                    }
                    yield r;
                }
                case CURRENT -> rounded(u);
                case VOLTAGE -> rounded(v);
                case WEIGHTS -> connection.weightsInMaskOrder();
            };
            times.add(t);
            rows.add(row);
        }

        private int[] rounded(double[] values) {
            int[] r = new int[columns];
            for (int c = 0; c < columns; c++) {
                // Math.round saturates at the long range; the int range holds every value a Loihi-1 register could
                r[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(values[first + c])));
            }
            return r;
        }

        ProbeData data() {
            return new ProbeData(probe.name(), times.stream().mapToInt(Integer::intValue).toArray(),
                    rows.toArray(new int[0][]));
        }
    }
}
