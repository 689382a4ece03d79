package org.synfire.chip.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.TraceSettings;

/**
 * The tier every backend passes: how small networks behave, to a stated tolerance, not the integers of one chip.
 * Each expected value is the real-valued model of the network (a leaky integrate-and-fire neuron whose current
 * decays by {@code dU/4096} and voltage by {@code dV/4096} per timestep, with threshold {@code vThMant * 2^6}),
 * worked out in the test's comment; the tolerance covers what a chip's rounding can move (a step of truncation per
 * timestep, a spike one timestep early or late). Timing is exact on every chip: a spike emitted at {@code t}
 * arrives at {@code t + 1 + delay}.
 *
 * <p>The networks are of Loihi 1's neuron model, which every backend runs today (the Loihi-1 backends as is,
 * {@code loihi2} mapped onto Lava's LIF, {@code ideal} in float64). A backend's chip-specific tier (for Loihi 1,
 * the other classes of this kit) states its integers exactly.
 */
public abstract class BehaviourConformance extends BackendConformance {

    private static Network probed(Network.Builder b) {
        return b.probe("u", Probe.Kind.CURRENT, "n").probe("v", Probe.Kind.VOLTAGE, "n")
                .probe("s", Probe.Kind.SPIKES, "n").build();
    }

    @Test
    void aConstantBiasFiresAtItsRate() {
        // no leak (dV = 0), bias 100 per timestep, threshold 10 * 64 = 640: v = 100 k crosses 640 at k = 7, then
        // resets to 0; the real-valued model fires every 7 timesteps, 10 spikes in 70 (+-1 for a chip's rounding)
        Network n = probed(Network.builder().group("n", 1, CompartmentPrototype.builder().dV(0).vThMant(10)
                .bias(100, 0)));
        int spikes = Arrays.stream(run(n, 70, "s", 0)).sum();
        assertTrue(Math.abs(spikes - 10) <= 1, "spikes in 70 timesteps: " + spikes + ", expected 10 +- 1");
    }

    @Test
    void aLeakyVoltageSettlesWhereLeakMeetsBias() {
        // dV = 410: v(t+1) = v(t) (1 - 410/4096) + 100 settles at 100 * 4096 / 410 = 999.0; after 200 timesteps
        // (0.9^200 ~ 1e-9 of the way left) within 2 % (truncating the decay keeps it a few units higher on a chip)
        Network n = probed(Network.builder().group("n", 1, quiet().dV(410).bias(100, 0)));
        int[] v = run(n, 200, "v", 0);
        double settled = 100 * 4096.0 / 410;
        assertEquals(settled, v[199], 0.02 * settled, "voltage after 200 timesteps");
    }

    @Test
    void aCurrentDecaysByItsTimeConstant() {
        // one spike at 0 of weight 100 (100 * 64 = 6400) arrives at 1; dU = 1024 leaves 3/4 per timestep:
        // u(1 + k) = 6400 * 0.75^k, within 1 % and one unit per timestep of truncation
        Network n = probed(Network.builder().add(new SpikeGenerator("in", 1, new int[] {0}, new int[] {0}))
                .group("n", 1, quiet().dU(1024)).connect("in", "n").weight(100).add());
        int[] u = run(n, 12, "u", 0);
        assertEquals(0, u[0], "nothing before the spike arrives");
        for (int k = 0; k <= 10; k++) {
            double expected = 6400 * Math.pow(0.75, k);
            assertEquals(expected, u[1 + k], 0.01 * expected + k + 1, "u at " + (1 + k));
        }
    }

    @ParameterizedTest(name = "delay {0}")
    @ValueSource(ints = {0, 3, 20})
    void aSpikeArrivesAfterOnePlusItsDelay(int delay) {
        // timing is the same on every chip: a spike at 2 with delay d reaches a memoryless target at 3 + d, only then
        Network n = probed(Network.builder().add(new SpikeGenerator("in", 1, new int[] {2}, new int[] {0}))
                .group("n", 1, quiet()).connect("in", "n").weight(10).delay(delay).add());
        int[] u = run(n, 30, "u", 0);
        for (int t = 0; t < 30; t++) {
            assertEquals(t == 3 + delay, u[t] > 0, "current at " + t + " (expected only at " + (3 + delay) + ")");
        }
    }

    @Test
    void inhibitionSilencesAndExcitationDrives() {
        // a neuron with bias 100 and threshold 640 fires (see above); an inhibitory input of -255 * 64 every
        // timestep outweighs the bias 163 times over, so it never fires; an excitatory 255 * 64 = 16320 > 640 makes
        // a neuron without bias fire every timestep the input arrives (1 .. 19, memoryless)
        int[] every = java.util.stream.IntStream.range(0, 20).toArray();
        Network inhibited = probed(Network.builder()
                .add(new SpikeGenerator("in", 1, every, new int[every.length]))
                .group("n", 1, CompartmentPrototype.builder().dV(0).vThMant(10).bias(100, 0))
                .connect("in", "n").weight(-255).add());
        assertEquals(0, Arrays.stream(run(inhibited, 20, "s", 0)).sum(), "spikes under inhibition");
        Network driven = probed(Network.builder()
                .add(new SpikeGenerator("in", 1, every, new int[every.length]))
                .group("n", 1, CompartmentPrototype.builder().vThMant(10)).connect("in", "n").weight(255).add());
        int[] s = run(driven, 20, "s", 0);
        int[] expected = new int[20];
        Arrays.fill(expected, 1, 20, 1);
        assertArrayEquals(expected, s, "spikes under excitation");
    }

    @Test
    void aRefractoryPeriodSpacesSpikes() {
        assumeTrue(backend().capabilities().refractoryPeriods(), "the backend has no refractory periods");
        // a bias far above threshold fires every timestep; refractoryDelay 4 leaves 3 silent timesteps after each
        // spike: spikes at 0, 4, 8, ... (a chip may differ on where the first one falls, not on the spacing)
        Network n = probed(Network.builder().group("n", 1, CompartmentPrototype.builder().vThMant(1)
                .bias(4000, 0).refractoryDelay(4)));
        int[] times = spikeTimes(run(n, 40, "s", 0));
        assertTrue(times.length >= 9 && times.length <= 10, "spikes in 40 timesteps: " + times.length);
        for (int k = 1; k < times.length; k++) {
            assertEquals(4, times[k] - times[k - 1], "spacing of spikes " + Arrays.toString(times));
        }
    }

    @Test
    void aHebbianRuleGrowsOnlyTheWeightsOfCoactiveNeurons() {
        assumeTrue(backend().capabilities().learnsWith(LearningSettings.DIALECT),
                "the backend does not learn with " + LearningSettings.DIALECT);
        // source 0 spikes every other timestep and drives its target, source 1 is silent; dw = 2*x0*y0 per epoch of
        // 2 (x0, y0: the pre- and postsynaptic spikes of the epoch): the weight from source 0 grows, from source 1
        // it stays as it was. Exact amounts are the chip's (its epoch timing, its rounding).
        int[] times = java.util.stream.IntStream.range(0, 20).filter(t -> t % 2 == 0).toArray();
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 2, times, new int[times.length]))
                .group("n", 2, CompartmentPrototype.builder().vThMant(10))
                .connect("in", "n").oneToOne().weights(20, 20)
                .learning(new LearningSettings("dw = 2*x0*y0", 2, java.util.Optional.empty(), TraceSettings.NONE,
                        TraceSettings.NONE, TraceSettings.NONE, TraceSettings.NONE, TraceSettings.NONE,
                        TraceSettings.NONE)).add()
                .build();
        try (ChipSimulation sim = open(n)) {
            sim.run(20);
            int[] w = sim.weights("in->n");
            assertTrue(w[0] > 20, "the co-active synapse grew: " + Arrays.toString(w));
            assertEquals(20, w[1], "the silent synapse stayed: " + Arrays.toString(w));
        }
    }
}
