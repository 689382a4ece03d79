package org.synfire.chip.emulator.internal;

import static org.synfire.chip.emulator.internal.Loihi1Constants.HOST;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

import org.synfire.chip.api.ActivityCounts;
import org.synfire.chip.api.ChipEvents;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.ResourceUsage;
import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.TrafficCounts;
import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.ReinforcementChannel;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.emulator.internal.learning.LearningRandom;

/**
 * A network mapped onto emulated Loihi-1 chips. Each timestep runs the chip's phases in order: host input
 * (generator spikes of the timestep), spiking (every core, then probes read the state), learning (every
 * plastic connection's engine), and delivery of the timestep's spike messages into the dendritic
 * accumulators, so a spike emitted at {@code t} carries the weights and delays the learning phase of
 * {@code t} left.
 */
public final class Loihi1Simulation implements ChipSimulation {

    private final Layout layout;
    private final CompartmentState state;
    private final int[] coreOf;
    private final ResourceUsage resources;
    /** Fewest compartments per core the mapper spreads populations down to before it gives up on fan-out. */
    private static final int MIN_SPREAD = 32;
    /** Spikes of each compartment group so far, in the order of the network's groups. */
    private final long[] spikesPerGroup;
    private final EmulatedCore[] activeCores;
    /** The board index of each active core. */
    private final int[] activeCoreNumbers;
    private final MeshRouter router;
    /** The timestep's spikes by sending group, for the learning engines. */
    private final SpikeBuckets spikeBuckets;
    private final int hostFirstSource;
    private final int[] scheduledTime;
    private final int[] scheduledSource;
    private int nextScheduled;
    private int[] injected = new int[64];
    private int injectedCount;
    private final Map<String, ProbeRecorder> probes = new HashMap<>();
    /** The generators by name, and the global source index of each one's neuron 0 (host input is per spike). */
    private final Map<String, SpikeGenerator> generators = new HashMap<>();
    private final Map<String, Integer> generatorBase = new HashMap<>();
    private final ProbeRecorder[] probeList;
    private final PlasticConnection[] plastic;
    private final LearningEngine[] engines;
    /** The emulator's own engines with synapses on each active core, in connection order. */
    private final RuleLearningEngine[][] learnersOfCore;
    private int timestep;
    private long hostSpikes;
    /** The thread team, or null to run every phase on the caller's thread. */
    private final PhaseWorkers workers;
    /** The phases' tasks for the team: one per active core, made once (no allocation per timestep). */
    private final IntConsumer spikeTask = this::spikeCore;
    private final IntConsumer learnTask = this::learnOnCore;
    private final IntConsumer deliverTask = this::deliverToCore;
    /** The timestep the spiking phase's tasks run. */
    private int stepTime;
    /** Whether the learning engines may run at the same time (the emulator's own engines, one per connection). */
    private final boolean parallelLearning;

    /**
     * Maps {@code network} onto the board {@code options} describe.
     *
     * @throws IllegalArgumentException if it does not fit, naming the limit, the group and the core
     */
    public Loihi1Simulation(Network network, RunOptions options, LearningEngineFactory learning) {
        this(network, options, learning, false);
    }

    /**
     * A simulation; {@code reference} runs it on the readable reference paths only (every compartment updated in
     * every timestep, every synapse delivered on its own), which the fast paths must equal bit for bit.
     */
    public Loihi1Simulation(Network network, RunOptions options, LearningEngineFactory learning, boolean reference) {
        layout = new Layout(network);
        state = new CompartmentState(layout);
        Mesh mesh = new Mesh(options.chips());
        spikesPerGroup = new long[network.groups().size()];
        // fill cores up to the chip's limits; when a core would need more output axons than it has, spread
        // every population over more cores (halving the compartments per core) and map again
        CoreMapper mapper = null;
        Wiring wiring = null;
        int[] placed = null;
        FanOutExceeded firstFailure = null;
        for (int perCore = Loihi1Constants.CORE_COMPARTMENTS; wiring == null; perCore /= 2) {
            try {
                mapper = new CoreMapper(layout, mesh, perCore);
                placed = mapper.place();
                wiring = new Wiring(layout, placed, mesh);
            } catch (FanOutExceeded e) {
                firstFailure = firstFailure == null ? e : firstFailure;
                if (perCore <= MIN_SPREAD) {
                    throw firstFailure;
                }
            } catch (IllegalArgumentException e) {
                // spreading out made it worse (pinned groups, too many cores): the fan-out is the reason
                throw firstFailure != null ? firstFailure : e;
            }
        }
        coreOf = placed;
        resources = new ResourceUsage(mesh.chips(), mesh.cores() / mesh.chips(), Loihi1Constants.CORES_PER_TILE,
                mapper.usage());

        EmulatedCore[] cores = new EmulatedCore[mesh.cores()];
        int[] coreFirstSource = new int[mesh.cores()];
        List<EmulatedCore> active = new ArrayList<>();
        for (int first = 0; first < layout.compartments;) {
            int core = coreOf[first];
            int end = first;
            while (end < layout.compartments && coreOf[end] == core) {
                end++;
            }
            cores[core] = new EmulatedCore(core, first, end, state, layout.synapses, wiring.axonStart[core],
                    wiring.segmentConnection[core], wiring.segmentStart[core], wiring.segmentEnd[core], reference);
            coreFirstSource[core] = first;
            active.add(cores[core]);
            first = end;
        }
        activeCores = active.toArray(new EmulatedCore[0]);
        activeCoreNumbers = active.stream().mapToInt(EmulatedCore::index).toArray();
        hostFirstSource = layout.compartments;
        int[] coreOfSource = Arrays.copyOf(coreOf, layout.sources);
        Arrays.fill(coreOfSource, layout.compartments, layout.sources, HOST);
        router = new MeshRouter(mesh, cores, coreFirstSource, hostFirstSource, coreOfSource, wiring);

        int scheduled = network.generators().stream().mapToInt(SpikeGenerator::spikeCount).sum();
        long[] timeAndSource = new long[scheduled];
        int n = 0;
        for (SpikeGenerator g : network.generators()) {
            int base = layout.base.get(g.name());
            generators.put(g.name(), g);
            generatorBase.put(g.name(), base);
            for (int k = 0; k < g.spikeCount(); k++) {
                timeAndSource[n++] = ((long) g.time(k) << 32) | (base + g.neuron(k));
            }
        }
        Arrays.sort(timeAndSource);
        scheduledTime = new int[scheduled];
        scheduledSource = new int[scheduled];
        for (int k = 0; k < scheduled; k++) {
            scheduledTime[k] = (int) (timeAndSource[k] >>> 32);
            scheduledSource[k] = (int) timeAndSource[k];
        }

        for (Probe p : network.probes()) {
            ProbeRecorder r = p.kind() == Probe.Kind.WEIGHTS
                    ? new ProbeRecorder(p, state, 0, 0, layout.synapsesByName.get(p.target()))
                    : new ProbeRecorder(p, state, layout.base.get(p.target()), network.sizeOf(p.target()), null);
            probes.put(p.name(), r);
        }
        probeList = network.probes().stream().map(p -> probes.get(p.name())).toArray(ProbeRecorder[]::new);

        spikeBuckets = new SpikeBuckets(layout);
        LearningRandom[] streams = new LearningRandom[mesh.cores()];
        IntFunction<LearningRandom> streamOfCore = core -> {
            if (streams[core] == null) {
                streams[core] = LearningRandom.forCore(options.seed(), core);
            }
            return streams[core];
        };
        List<PlasticConnection> plasticList = new ArrayList<>();
        List<LearningEngine> engineList = new ArrayList<>();
        for (Synapses s : layout.synapses) {
            if (!s.description.plastic()) {
                continue;
            }
            String channel = s.description.learning().orElseThrow().rewardChannel().orElse(null);
            int rewardFirst = 0;
            int rewardEnd = 0;
            if (channel != null) {
                ReinforcementChannel c = network.channels().stream().filter(x -> x.name().equals(channel))
                        .findFirst().orElseThrow();
                rewardFirst = layout.base.get(c.source());
                rewardEnd = rewardFirst + network.sizeOf(c.source());
            }
            PlasticConnection p = new PlasticConnection(s, state, spikeBuckets, coreOf, rewardFirst, rewardEnd);
            plasticList.add(p);
            engineList.add(learning.create(p, streamOfCore));
        }
        plastic = plasticList.toArray(new PlasticConnection[0]);
        engines = engineList.toArray(new LearningEngine[0]);

        int threads = Math.min(options.threads(), Math.max(1, activeCores.length));
        // engines a caller supplied may share state: only the emulator's own run at the same time
        parallelLearning = engineList.stream().allMatch(e -> e instanceof RuleLearningEngine);
        learnersOfCore = new RuleLearningEngine[activeCores.length][];
        for (int a = 0; a < activeCores.length; a++) {
            int core = activeCores[a].index();
            learnersOfCore[a] = engineList.stream().filter(e -> e instanceof RuleLearningEngine r
                    && Arrays.stream(r.cores()).anyMatch(c -> c == core)).toArray(RuleLearningEngine[]::new);
        }
        workers = threads > 1 ? new PhaseWorkers(threads) : null;
    }

    @Override
    public int timestep() {
        return timestep;
    }

    private SpikeGenerator generatorToInject(String generator) {
        SpikeGenerator g = generators.get(generator);
        if (g == null) {
            throw new IllegalArgumentException("cannot inject into " + generator + ": no such generator");
        }
        return g;
    }

    @Override
    public void injectPattern(String generator, byte[] pattern, int offset, int size) {
        Objects.checkFromIndexSize(offset, size, pattern.length);
        SpikeGenerator g = generatorToInject(generator);
        if (size > g.size()) {
            throw new IllegalArgumentException("cannot inject " + size + " sources into generator " + generator
                    + ": it has " + g.size());
        }
        if (injectedCount + size > injected.length) {
            injected = Arrays.copyOf(injected, Math.max(injected.length * 2, injectedCount + size));
        }
        int base = generatorBase.get(generator);
        for (int i = 0; i < size; i++) {
            if (pattern[offset + i] != 0) {
                injected[injectedCount++] = base + i;
            }
        }
    }

    @Override
    public void inject(String generator, int neuron) {
        SpikeGenerator g = generatorToInject(generator);
        if (neuron < 0 || neuron >= g.size()) {
            throw new IllegalArgumentException("cannot inject into generator " + generator + ": neuron " + neuron
                    + " is out of range 0.." + (g.size() - 1));
        }
        if (injectedCount == injected.length) {
            injected = Arrays.copyOf(injected, injectedCount * 2);
        }
        injected[injectedCount++] = generatorBase.get(generator) + neuron;
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
        while (nextScheduled < scheduledTime.length && scheduledTime[nextScheduled] == t) {
            emitHost(scheduledSource[nextScheduled++], t);
        }
        for (int k = 0; k < injectedCount; k++) {
            emitHost(injected[k], t);
        }
        injectedCount = 0;
        stepTime = t;
        if (workers == null) {
            for (EmulatedCore core : activeCores) {
                core.spike(t);
            }
        } else {
            workers.run(activeCores.length, spikeTask);
        }
        // the router hears the spikes in core order, as if the cores had stepped one after another
        for (EmulatedCore core : activeCores) {
            core.sendSpikes(router);
            core.countSpikes(layout.groupOf, spikesPerGroup);
        }
        for (ProbeRecorder p : probeList) {
            p.record(t);
        }
        // learning before delivery: the spikes of timestep t reach their targets (at t + 1 + delay) with
        // the weights the learning phase of t left, so a changed weight acts from the next timestep on
        // (the spec's timestep phases; the sBP circuit's error phases rely on it)
        if (plastic.length > 0) {
            spikeBuckets.collect(router);
        }
        for (PlasticConnection p : plastic) {
            p.prepare(t);
        }
        if (workers == null || !parallelLearning) {
            for (LearningEngine engine : engines) {
                engine.learn(t);
            }
        } else {
            // each core learns with its own generator, its connections in a fixed order: any split of the
            // cores gives the same results
            workers.run(activeCores.length, learnTask);
        }
        if (workers == null) {
            router.deliver();
        } else {
            workers.run(activeCores.length, deliverTask);
            router.clear();
        }
        timestep = t + 1;
    }

    /** Task {@code a} of the spiking phase: active core {@code a} (see {@link PhaseWorkers}). */
    private void spikeCore(int a) {
        activeCores[a].spike(stepTime);
    }

    /** Task {@code a} of the learning phase: every connection with synapses on active core {@code a} learns there. */
    private void learnOnCore(int a) {
        int core = activeCores[a].index();
        for (RuleLearningEngine engine : learnersOfCore[a]) {
            engine.learnOn(core);
        }
    }

    /** Task {@code a} of the delivery phase: the messages into active core {@code a}. */
    private void deliverToCore(int a) {
        router.deliverTo(activeCores[a].index());
    }

    /** A generator source spikes at most once per timestep, however often it was scheduled or injected. */
    private void emitHost(int source, int t) {
        if (state.lastSpike[source] != t) {
            state.lastSpike[source] = t;
            hostSpikes++;
            router.send(HOST, source - hostFirstSource);
        }
    }

    @Override
    public ProbeData probe(String probe) {
        ProbeRecorder r = probes.get(probe);
        if (r == null) {
            throw new IllegalArgumentException("no probe " + probe + "; probes are " + probes.keySet());
        }
        return r.data();
    }

    @Override
    public int[] weights(String connection) {
        Synapses s = layout.synapsesByName.get(connection);
        if (s == null) {
            throw new IllegalArgumentException("no connection " + connection);
        }
        return s.weightsInMaskOrder();
    }

    @Override
    public TrafficCounts traffic() {
        return router.counts();
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
    public ActivityCounts activity() {
        long operations = 0;
        long spikes = 0;
        for (EmulatedCore core : activeCores) {
            operations += core.synapticOperations();
            spikes += core.spikes();
        }
        return new ActivityCounts(timestep, (long) timestep * layout.compartments, spikes, hostSpikes, operations);
    }

    @Override
    public ChipEvents events() {
        long[] counts = new long[ChipEvents.countsLength(activeCores.length)];
        eventCounts(counts);
        return ChipEvents.ofCounts(counts, activeCoreNumbers);
    }

    @Override
    public void eventCounts(long[] into) {
        into[0] = timestep;
        router.writeCounts(into, 1);
        into[5] = hostSpikes;
        for (int a = 0; a < activeCores.length; a++) {
            EmulatedCore c = activeCores[a];
            long updates = 0;
            long visits = 0;
            for (RuleLearningEngine engine : learnersOfCore[a]) {
                updates += engine.synapseUpdatesOn(c.index());
                visits += engine.learningVisitsOn(c.index());
            }
            long active = c.activeUpdates();
            long all = (long) timestep * (c.end() - c.first());
            int at = ChipEvents.CHIP_COUNTS + ChipEvents.CORE_COUNTS * a;
            into[at] = c.synapticOperations();
            into[at + 1] = updates;
            into[at + 2] = active;
            into[at + 3] = all - active;
            into[at + 4] = visits;
        }
    }

    @Override
    public ResourceUsage resources() {
        return resources;
    }

    @Override
    public int coreOf(String group, int index) {
        CompartmentGroup g = layout.network.group(group)
                .orElseThrow(() -> new IllegalArgumentException("no compartment group " + group));
        if (index < 0 || index >= g.size()) {
            throw new IllegalArgumentException("group " + group + ": compartment " + index + " is out of range 0.."
                    + (g.size() - 1));
        }
        return coreOf[layout.base.get(group) + index];
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.close();
        }
    }
}
