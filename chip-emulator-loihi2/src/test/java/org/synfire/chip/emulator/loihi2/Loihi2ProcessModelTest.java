package org.synfire.chip.emulator.loihi2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Mask;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * {@code loihi2} against a second, independent model of the same network written the way Lava runs it: one LIF process
 * per group and one DelayDense process per connection, each with its own {@code a_buff} of {@code maxDelay + 1}
 * columns that is sent, cleared, rolled and added to in every timestep, with every formula written out again here
 * from Lava's sources rather than taken from {@code LavaArithmetic}. Random networks (several groups, recurrent and
 * feed-forward connections, all masks, negative and positive exponents, delays, every sign mode and weight width,
 * refractory periods, per-compartment biases) must give the same current, voltage and spikes in every timestep. This
 * checks the backend's own layout (weights shifted at compile time, one input ring per compartment, dense rows, the
 * per-delay scratch of negative exponents) against Lava's structure.
 */
class Loihi2ProcessModelTest {

    private static final int STEPS = 60;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void equalsLavasProcessStructureOnRandomNetworks(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = randomNetwork(random);
        LavaModel lava = new LavaModel(network);
        try (ChipSimulation sim = new Loihi2Backend().open(network, RunOptions.seed(1))) {
            sim.run(STEPS);
            long spikes = 0;
            for (CompartmentGroup g : network.groups()) {
                int[][] u = sim.probe("u-" + g.name()).values();
                int[][] v = sim.probe("v-" + g.name()).values();
                int[][] s = sim.probe("s-" + g.name()).values();
                for (int t = 0; t < STEPS; t++) {
                    assertArrayEquals(lava.u.get(t).get(g.name()), u[t], "u of " + g.name() + " at " + t);
                    assertArrayEquals(lava.v.get(t).get(g.name()), v[t], "v of " + g.name() + " at " + t);
                    assertArrayEquals(lava.s.get(t).get(g.name()), s[t], "spikes of " + g.name() + " at " + t);
                    for (int x : s[t]) {
                        spikes += x;
                    }
                }
            }
            assertTrue(spikes > 0, "the random network should spike, or the comparison says little");
        }
    }

    private static Network randomNetwork(SplittableRandom random) {
        Network.Builder b = Network.builder();
        int groups = 2 + random.nextInt(3);
        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int inputs = 1 + random.nextInt(12);
        int[] times = new int[STEPS * 3];
        int[] neurons = new int[times.length];
        for (int k = 0; k < times.length; k++) {
            times[k] = k / 3;
            neurons[k] = random.nextInt(inputs);
        }
        b.add(new SpikeGenerator("in", inputs, times, neurons));
        names.add("in");
        sizes.add(inputs);
        for (int g = 0; g < groups; g++) {
            int size = 1 + random.nextInt(10);
            String name = "g" + g;
            CompartmentPrototype p = CompartmentPrototype.builder()
                    .dU(random.nextInt(5) == 0 ? 4096 : random.nextInt(4097))
                    .dV(random.nextInt(5) == 0 ? 4096 : random.nextInt(4097))
                    .vThMant(random.nextInt(1, 40))
                    .refractoryDelay(random.nextBoolean() ? 1 : 1 + random.nextInt(4)).build();
            int[] mants = random.ints(size, -100, 400).toArray();
            int[] exps = random.ints(size, 0, 4).toArray();
            b.add(new CompartmentGroup(name, size, p, java.util.Optional.empty(), mants, exps));
            b.probe("u-" + name, Probe.Kind.CURRENT, name).probe("v-" + name, Probe.Kind.VOLTAGE, name)
                    .probe("s-" + name, Probe.Kind.SPIKES, name);
            names.add(name);
            sizes.add(size);
        }
        int connections = 2 + random.nextInt(5);
        for (int c = 0; c < connections; c++) {
            int from = random.nextInt(names.size());
            int to = 1 + random.nextInt(groups);
            int pre = sizes.get(from);
            int post = sizes.get(to);
            Mask mask = switch (random.nextInt(4)) {
                case 0 -> pre == post ? new Mask.OneToOne() : new Mask.AllToAll();
                case 1 -> pre == 1 ? new Mask.OneToAll() : new Mask.AllToAll();
                case 2 -> explicit(random, pre, post);
                default -> new Mask.AllToAll();
            };
            int n = mask.synapseCount("c", pre, post);
            SignMode mode = SignMode.values()[random.nextInt(3)];
            int[] w = random.ints(n, mode.minWeight(), mode.maxWeight() + 1).toArray();
            int maxDelay = random.nextInt(3) == 0 ? 0 : random.nextInt(6);
            int[] d = random.ints(n, 0, maxDelay + 1).toArray();
            b.connect(names.get(from), names.get(to)).name("c" + c).mask(mask).weights(w).delays(d)
                    .exponent(random.nextInt(-5, 4)).signMode(mode).weightBits(random.nextInt(1, 9)).add();
        }
        return b.build();
    }

    private static Mask explicit(SplittableRandom random, int pre, int post) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                if (random.nextInt(3) == 0) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        if (pairs.isEmpty()) {
            pairs.add(new int[] {0, 0});
        }
        java.util.Collections.shuffle(pairs, new java.util.Random(random.nextLong()));
        return new Mask.Explicit(pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray());
    }

    /** The network as Lava's processes, stepped as Lava's LoihiProtocol steps them; records u, v, s per timestep. */
    private static final class LavaModel {
        final List<java.util.Map<String, int[]>> u = new ArrayList<>();
        final List<java.util.Map<String, int[]>> v = new ArrayList<>();
        final List<java.util.Map<String, int[]>> s = new ArrayList<>();

        LavaModel(Network net) {
            java.util.Map<String, int[]> lu = new java.util.HashMap<>();
            java.util.Map<String, int[]> lv = new java.util.HashMap<>();
            java.util.Map<String, int[]> refractoryEnd = new java.util.HashMap<>();
            for (CompartmentGroup g : net.groups()) {
                lu.put(g.name(), new int[g.size()]);
                lv.put(g.name(), new int[g.size()]);
                int[] end = new int[g.size()];
                java.util.Arrays.fill(end, -1);
                refractoryEnd.put(g.name(), end);
            }
            // DelayDense: weights [post][pre] (0 where the mask has no synapse), delays, a_buff [post][maxDelay + 1]
            List<int[][]> weights = new ArrayList<>();
            List<int[][]> delays = new ArrayList<>();
            List<int[][]> buffers = new ArrayList<>();
            for (ConnectionGroup c : net.connections()) {
                int pre = net.sizeOf(c.source());
                int post = net.sizeOf(c.target());
                int[][] w = new int[post][pre];
                int[][] d = new int[post][pre];
                for (int k = 0; k < c.synapseCount(); k++) {
                    int i = c.mask().pre(k, pre, post);
                    int j = c.mask().post(k, pre, post);
                    w[j][i] = stored(c.weight(k), c.signMode(), c.weightBits());
                    d[j][i] = c.delay(k);
                }
                weights.add(w);
                delays.add(d);
                buffers.add(new int[post][c.maxDelay() + 1]);
            }
            java.util.Map<String, boolean[]> spiked = new java.util.HashMap<>();
            for (int t = 0; t < STEPS; t++) {
                // Dense sends the buffer's first column, computed from earlier timesteps
                java.util.Map<String, int[]> a = new java.util.HashMap<>();
                for (CompartmentGroup g : net.groups()) {
                    a.put(g.name(), new int[g.size()]);
                }
                for (int c = 0; c < buffers.size(); c++) {
                    int[] into = a.get(net.connections().get(c).target());
                    int[][] buf = buffers.get(c);
                    for (int j = 0; j < buf.length; j++) {
                        into[j] += buf[j][0];
                    }
                }
                // every LIF runs on what it received
                java.util.Map<String, int[]> su = new java.util.HashMap<>();
                java.util.Map<String, int[]> sv = new java.util.HashMap<>();
                java.util.Map<String, int[]> ss = new java.util.HashMap<>();
                for (CompartmentGroup g : net.groups()) {
                    CompartmentPrototype p = (CompartmentPrototype) g.prototype();
                    int du = Math.max(p.dU(), 1) - 1;
                    int[] uu = lu.get(g.name());
                    int[] vv = lv.get(g.name());
                    int[] end = refractoryEnd.get(g.name());
                    int[] out = new int[g.size()];
                    boolean[] fired = new boolean[g.size()];
                    for (int i = 0; i < g.size(); i++) {
                        long prod = (long) uu[i] * (4096 - (du + 1));
                        int cur = (int) (Long.signum(prod) * (Math.abs(prod) >> 12)) + (a.get(g.name())[i] << 6);
                        if (cur > (1 << 23)) {
                            cur -= 1 << 24;
                        } else if (cur <= -(1 << 23)) {
                            cur += 1 << 24;
                        }
                        uu[i] = cur;
                        if (end[i] < t) {
                            int e = g.biasExp(i);
                            int bias = e >= 0 ? g.biasMant(i) << e : g.biasMant(i) >> -e;
                            long pv = (long) vv[i] * (4096 - p.dV());
                            long nv = Long.signum(pv) * (Math.abs(pv) >> 12) + cur + bias;
                            vv[i] = (int) Math.max(-(1 << 23) + 1, Math.min((1 << 23) - 1, nv));
                        }
                        if (vv[i] > p.vThMant() << 6) {
                            vv[i] = 0;
                            out[i] = 1;
                            fired[i] = true;
                            end[i] = t + p.refractoryDelay() - 1;
                        }
                    }
                    su.put(g.name(), uu.clone());
                    sv.put(g.name(), vv.clone());
                    ss.put(g.name(), out);
                    spiked.put(g.name(), fired);
                }
                u.add(su);
                v.add(sv);
                s.add(ss);
                // host spikes of t
                for (SpikeGenerator gen : net.generators()) {
                    boolean[] fired = new boolean[gen.size()];
                    for (int k = 0; k < gen.spikeCount(); k++) {
                        if (gen.time(k) == t) {
                            fired[gen.neuron(k)] = true;
                        }
                    }
                    spiked.put(gen.name(), fired);
                }
                // every DelayDense receives its source's spikes of t: clear column 0, roll, add the scaled sums
                for (int c = 0; c < buffers.size(); c++) {
                    ConnectionGroup conn = net.connections().get(c);
                    boolean[] in = spiked.get(conn.source());
                    int[][] w = weights.get(c);
                    int[][] d = delays.get(c);
                    int[][] buf = buffers.get(c);
                    for (int j = 0; j < buf.length; j++) {
                        int slots = buf[j].length;
                        int[] accum = new int[slots];
                        for (int i = 0; i < in.length; i++) {
                            if (in[i]) {
                                accum[d[j][i]] += w[j][i];
                            }
                        }
                        for (int k = 0; k < slots - 1; k++) {
                            buf[j][k] = buf[j][k + 1];
                        }
                        buf[j][slots - 1] = 0;
                        int e = conn.exponent();
                        for (int k = 0; k < slots; k++) {
                            buf[j][k] += e > 0 ? accum[k] << e : accum[k] >> -e;
                        }
                    }
                }
            }
        }

        /** weightutils: clip to the sign mode's 8 bits, then drop the low bits (of the magnitude if inhibitory). */
        private static int stored(int w, SignMode mode, int bits) {
            boolean inhibitory = mode == SignMode.INHIBITORY;
            boolean mixed = mode == SignMode.MIXED;
            int x = inhibitory ? -w : w;
            x = Math.min(255, Math.max(mixed ? -256 : 0, x));
            int shift = 8 - bits + (mixed ? 1 : 0);
            x = (x >> shift) << shift;
            return inhibitory ? -x : x;
        }
    }
}
