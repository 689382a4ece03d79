package org.synfire.chip.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * The emulator against a naive model written from the semantics page alone (dense matrices, a map of pending
 * inputs by arrival timestep, arithmetic with division and floorMod instead of shifts), on random recurrent
 * networks with delays, exponents, biases (for some seeds one per compartment), decays and refractory periods;
 * every u, v and spike must agree.
 */
class ReferenceModelTest {

    private static final int GEN = 20;
    private static final int N = 50;
    private static final int STEPS = 200;

    private record Net(int dU, int dV, int vThMant, int biasMant, int biasExp, int refractory, int inExponent,
            int recExponent, int[][] inW, int[][] inD, int[][] recW, int[][] recD, int[] times, int[] neurons,
            int[] biasMants, int[] biasExps) {

        /** The bias of compartment {@code i}: its own, if the compartments have one each, else the group's. */
        long bias(int i) {
            return biasMants.length == 0 ? biasMant * (long) Math.pow(2, biasExp)
                    : biasMants[i] * (long) Math.pow(2, biasExps[i]);
        }
    }

    private static Net random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] inW = new int[GEN][N];
        int[][] inD = new int[GEN][N];
        int[][] recW = new int[N][N];
        int[][] recD = new int[N][N];
        for (int i = 0; i < GEN; i++) {
            for (int j = 0; j < N; j++) {
                inW[i][j] = r.nextInt(-256, 256);
                inD[i][j] = r.nextInt(0, 7);
            }
        }
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                recW[i][j] = r.nextInt(-256, 256);
                recD[i][j] = r.nextInt(0, 63);
            }
        }
        int count = 0;
        int[] times = new int[STEPS * GEN];
        int[] neurons = new int[STEPS * GEN];
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < GEN; i++) {
                if (r.nextInt(4) == 0) {
                    times[count] = t;
                    neurons[count++] = i;
                }
            }
        }
        // decays over their whole range; thresholds, biases and exponents where the network is active, with
        // inputs large enough (exponents up to 7) to wrap q and u
        // seeds above 8: memoryless compartments (dU = dV = 4096, as the sBP circuit's), which the emulator updates
        // on a path of their own
        boolean memoryless = seed > 8;
        // seeds divisible by 3: a bias mantissa and exponent per compartment (drawn after everything else)
        int[] biasMants = new int[seed % 3 == 0 ? N : 0];
        int[] biasExps = new int[biasMants.length];
        return new Net(memoryless ? 4096 : r.nextInt(0, 4097), memoryless ? 4096 : r.nextInt(0, 4097), r.nextInt(1, 400), r.nextInt(-200, 400),
                r.nextInt(0, 5), r.nextInt(1, 5), r.nextInt(-3, 8), r.nextInt(-8, 5), inW, inD, recW, recD,
                java.util.Arrays.copyOf(times, count), java.util.Arrays.copyOf(neurons, count),
                fill(biasMants, r, -200, 400), fill(biasExps, r, 0, 5));
    }

    private static int[] fill(int[] values, SplittableRandom r, int from, int to) {
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextInt(from, to);
        }
        return values;
    }

    private static int[] flat(int[][] m) {
        return java.util.Arrays.stream(m).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    private static Network network(Net n) {
        return Network.builder()
                .add(new org.synfire.chip.api.network.SpikeGenerator("in", GEN, n.times(), n.neurons()))
                .add(new CompartmentGroup("a", N, new CompartmentPrototype(n.dU(), n.dV(), n.vThMant(), n.biasMant(),
                        n.biasExp(), n.refractory(), true), Optional.empty(), n.biasMants(), n.biasExps()))
                .connect("in", "a").weights(n.inW()).delays(flat(n.inD())).exponent(n.inExponent()).add()
                .connect("a", "a").weights(n.recW()).delays(flat(n.recD())).exponent(n.recExponent()).add()
                .probe("u", Probe.Kind.CURRENT, "a")
                .probe("v", Probe.Kind.VOLTAGE, "a")
                .probe("s", Probe.Kind.SPIKES, "a")
                .build();
    }

    /** Keeps the low {@code bits} bits as a signed number, by modular arithmetic. */
    private static long wrap(long x, int bits) {
        long m = 1L << bits;
        return Math.floorMod(x + m / 2, m) - m / 2;
    }

    /** x * (4096 - d) / 4096, rounded toward zero. */
    private static long decay(long x, int d) {
        long magnitude = Math.abs(x) * (4096 - d) / 4096;
        return x < 0 ? -magnitude : magnitude;
    }

    /** Mixed 8-bit storage keeps even mantissas, rounding down; effective value floor(w 2^e) 64. */
    private static long effective(int w, int e) {
        int stored = Math.floorDiv(w, 2) * 2;
        return (long) Math.floor(stored * Math.pow(2, e)) * 64;
    }

    /**
     * Runs the naive model; returns [u, v, s] as [timestep][compartment], and in {@code active[0]} the updates
     * the chip counts as active (input, current, voltage, bias or refractory count not zero before the update).
     */
    private static int[][][] model(Net n, long[] active) {
        long[] u = new long[N];
        long[] v = new long[N];
        int[] refractory = new int[N];
        Map<Integer, long[]> pending = new HashMap<>();
        int[][][] out = new int[3][STEPS][N];
        int next = 0;
        for (int t = 0; t < STEPS; t++) {
            long[] q = pending.getOrDefault(t, new long[N]);
            pending.remove(t);
            boolean[] spiked = new boolean[N];
            for (int i = 0; i < N; i++) {
                long bias = n.bias(i);
                if (wrap(q[i], 22) != 0 || u[i] != 0 || v[i] != 0 || bias != 0 || refractory[i] != 0) {
                    active[0]++;
                }
                u[i] = wrap(decay(u[i], Math.max(n.dU(), 1)) + wrap(q[i], 22), 24);
                long u2 = wrap(u[i] + bias, 24);
                if (refractory[i] > 0) {
                    refractory[i]--;
                    v[i] = 0;
                } else {
                    v[i] = Math.min((1 << 23) - 1, Math.max(-(1 << 23), decay(v[i], n.dV()) + u2));
                    if (v[i] > n.vThMant() * 64L) {
                        spiked[i] = true;
                        v[i] = 0;
                        refractory[i] = n.refractory() - 1;
                    }
                }
                out[0][t][i] = (int) u[i];
                out[1][t][i] = (int) v[i];
                out[2][t][i] = spiked[i] ? 1 : 0;
            }
            for (; next < n.times().length && n.times()[next] == t; next++) {
                int g = n.neurons()[next];
                for (int j = 0; j < N; j++) {
                    pending.computeIfAbsent(t + 1 + n.inD()[g][j], k -> new long[N])[j] += effective(n.inW()[g][j],
                            n.inExponent());
                }
            }
            for (int i = 0; i < N; i++) {
                if (spiked[i]) {
                    for (int j = 0; j < N; j++) {
                        pending.computeIfAbsent(t + 1 + n.recD()[i][j], k -> new long[N])[j] += effective(
                                n.recW()[i][j], n.recExponent());
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13})
    void emulatorAgreesWithTheNaiveModel(long seed) {
        agree(seed, new Loihi1Backend());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 6, 9, 12})
    void referencePathsAgreeWithTheNaiveModelOnABiasPerCompartment(long seed) {
        agree(seed, Loihi1Backend.reference());
    }

    private static void agree(long seed, Loihi1Backend backend) {
        Net n = random(seed);
        long[] active = new long[1];
        int[][][] expected = model(n, active);
        try (ChipSimulation sim = backend.open(network(n), RunOptions.seed(seed))) {
            sim.run(STEPS);
            assertArrayEquals(expected[0], sim.probe("u").values(), "u");
            assertArrayEquals(expected[1], sim.probe("v").values(), "v");
            assertArrayEquals(expected[2], sim.probe("s").values(), "spikes");
            assertEquals(active[0], sim.events().cores().stream().mapToLong(c -> c.activeUpdates()).sum(),
                    "active compartment updates");
        }
        long spikes = java.util.Arrays.stream(expected[2]).flatMapToInt(java.util.Arrays::stream).sum();
        assertTrue(spikes > 100, "the network is active, so the comparison means something: " + spikes + " spikes");
    }
}
