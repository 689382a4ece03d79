package org.synfire.chip.emulator.ideal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.emulator.ideal.internal.IdealSimulation;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.TraceSettings;

/**
 * Learning rules on the ideal machine, in exact float64: traces decay by exactly {@code 1 - 1/tau}, terms are real
 * products, and a change is added as it is. Every value is worked out by hand in the comment; where the loihi1 backend
 * rounds, its number is asserted beside.
 */
class IdealLearningArithmeticTest {

    /** Posts fire only when {@code drive} makes them (threshold 100 * 64 = 6400, memoryless). */
    private static final CompartmentPrototype POST = CompartmentPrototype.builder().vThMant(100).build();

    /**
     * Generator {@code pre} (spiking at {@code preTimes}) -> {@code n} over the plastic connection {@code pre->n}
     * (weight {@code weight}, {@code signMode} 8 bits, {@code learning}); generator {@code drive} (spiking at
     * {@code driveTimes}) -> {@code n} with 200 * 64 = 12,800 > 6400, so {@code n} fires one timestep after each drive
     * spike; a weight probe and a current probe.
     */
    private static Network plastic(int[] preTimes, int[] driveTimes, int weight, SignMode signMode,
            LearningSettings learning) {
        return Network.builder()
                .add(new SpikeGenerator("pre", 1, preTimes, new int[preTimes.length]))
                .add(new SpikeGenerator("drive", 1, driveTimes, new int[driveTimes.length]))
                .group("n", 1, POST)
                .connect("pre", "n").weight(weight).signMode(signMode).learning(learning).add()
                .connect("drive", "n").weight(200).add()
                .probe("w", Probe.Kind.WEIGHTS, "pre->n")
                .probe("u", Probe.Kind.CURRENT, "n")
                .build();
    }

    private static IdealSimulation ideal(Network n) {
        return (IdealSimulation) new IdealBackend().open(n, RunOptions.seed(1));
    }

    @Test
    void traceDecaysExactlyAndTheRuleIsARealProductOverAnEpoch() {
        // tEpoch 4 (timesteps 0 .. 3), x1: impulse 10, tau 4 (keeps 3/4 a timestep); dw = y0*x1*2^-1.
        // pre spikes at 0: x1 = 10 at 0, 7.5 at 1, 5.625 at 2, 4.21875 at 3 (exact). drive at 1: n fires at 2, y0 = 1.
        // End of the epoch (learning phase of 3): dw = 1 * 4.21875 * 0.5 = 2.109375: w = 10 + 2.109375 = 12.109375.
        // (loihi1 rounds the trace's decay stochastically and the change to the weight grid.)
        LearningSettings rule = new LearningSettings("dw = y0*x1*2^-1", 4, Optional.empty(),
                new TraceSettings(10, 4), TraceSettings.NONE, TraceSettings.NONE, TraceSettings.NONE,
                TraceSettings.NONE, TraceSettings.NONE);
        Network n = plastic(new int[] {0, 4}, new int[] {1}, 10, SignMode.MIXED, rule);
        try (IdealSimulation sim = ideal(n)) {
            sim.run(3);
            assertEquals(10.0, sim.realWeights("pre->n")[0], 0.0, "no change before the epoch ends");
            sim.run(1);
            assertEquals(12.109375, sim.realWeights("pre->n")[0], 0.0);
            // reported as the nearest weight of the mixed 8-bit grid (step 2): 12
            assertArrayEquals(new int[] {12}, sim.weights("pre->n"));
            // the pre spike at 4 carries the learned weight: 12.109375 * 64 = 775 exactly at 5
            sim.run(2);
            assertEquals(775.0, sim.current("n", 0), 0.0);
        }
    }

    @Test
    void postTracesAndRewardAreRealToo() {
        // tEpoch 1; y1: impulse 20, tau 2 (keeps 1/2); r1: impulse 3, tau 0 (held for its epoch).
        // dw = x0*y1*2^-2 + x0*r1*2^-3. drive at 0 makes n fire at 1: y1 = 20 at 1, 10 at 2, 5 at 3.
        // pre at 3: dw = 5 / 4 = 1.25 (no reward). pre and reward at 5: y1 = 1.25, r1 = 3: dw = 0.3125 + 0.375.
        // w = 10 + 1.25 + 0.6875 = 11.9375.
        LearningSettings rule = new LearningSettings("dw = x0*y1*2^-2 + x0*r1*2^-3", 1, Optional.of("reward"),
                TraceSettings.NONE, TraceSettings.NONE, new TraceSettings(20, 2), TraceSettings.NONE,
                TraceSettings.NONE, new TraceSettings(3, 0));
        Network n = Network.builder()
                .add(new SpikeGenerator("pre", 1, new int[] {3, 5}, new int[2]))
                .add(new SpikeGenerator("drive", 1, new int[] {0}, new int[1]))
                .add(new SpikeGenerator("r", 1, new int[] {5}, new int[1]))
                .group("n", 1, POST)
                .connect("pre", "n").weight(10).learning(rule).add()
                .connect("drive", "n").weight(200).add()
                .channel("reward", "r")
                .build();
        try (IdealSimulation sim = ideal(n)) {
            sim.run(4);
            assertEquals(11.25, sim.realWeights("pre->n")[0], 0.0);
            sim.run(2);
            assertEquals(11.9375, sim.realWeights("pre->n")[0], 0.0);
        }
    }

    @Test
    void aWholeChangeBelowTheWeightGridActsOnlyOnTheIdealMachine() {
        // dw = x0 (+1 a pre spike) at tEpoch 1 on a mixed 8-bit weight of 10: loihi1 stores weights in steps of 2
        // and truncates 11 back to 10 every time; the ideal machine adds 1 each time: 14 after pre spikes at 0 .. 3.
        // The spike at 3 is delivered after its own learning phase: 14 * 64 = 896 at 4 on the ideal machine,
        // 10 * 64 = 640 on loihi1.
        Network n = plastic(new int[] {0, 1, 2, 3}, new int[0], 10, SignMode.MIXED, LearningSettings.of("dw = x0", 1));
        try (IdealSimulation sim = ideal(n)) {
            sim.run(5);
            assertEquals(14.0, sim.realWeights("pre->n")[0], 0.0);
            assertArrayEquals(new int[] {14}, sim.weights("pre->n"));
            assertEquals(896.0, sim.current("n", 0), 0.0);
        }
        try (ChipSimulation chip = Loihi1.backend().open(n, RunOptions.seed(1))) {
            chip.run(5);
            assertArrayEquals(new int[] {10}, chip.weights("pre->n"));
            assertEquals(640, chip.probe("u").get(4, 0));
        }
    }

    @Test
    void aFractionalChangeIsAddedExactlyWithoutStochasticRounding() {
        // dw = x0*2^-3 (+0.125 a pre spike), excitatory 8 bits (step 1) from 10, 8 pre spikes: exactly 11 on the
        // ideal machine, whatever the seed; loihi1 rounds each +0.125 up with probability 1/8 (10 .. 18)
        int[] times = {0, 1, 2, 3, 4, 5, 6, 7};
        Network n = plastic(times, new int[0], 10, SignMode.EXCITATORY, LearningSettings.of("dw = x0*2^-3", 1));
        for (long seed = 1; seed <= 3; seed++) {
            try (ChipSimulation sim = new IdealBackend().open(n, RunOptions.seed(seed))) {
                sim.run(8);
                assertEquals(11.0, ((IdealSimulation) sim).realWeights("pre->n")[0], 0.0);
            }
        }
        try (ChipSimulation chip = Loihi1.backend().open(n, RunOptions.seed(1))) {
            chip.run(8);
            int w = chip.weights("pre->n")[0];
            assertEquals(true, w >= 10 && w <= 18, "loihi1: " + w);
        }
    }

    @Test
    void weightsAreNotSaturatedButKeepTheirSign() {
        // dw = u0*2^7 (+128 every epoch), mixed from 200: 328, 456 (reported 254, the largest stored mixed 8-bit weight);
        // dw = -u0*2^7 on an excitatory weight of 200: 72, then 0 (not -56: an excitatory weight stays >= 0)
        Network up = plastic(new int[0], new int[0], 200, SignMode.MIXED, LearningSettings.of("dw = u0*2^7", 1));
        try (IdealSimulation sim = ideal(up)) {
            sim.run(2);
            assertEquals(456.0, sim.realWeights("pre->n")[0], 0.0);
            assertArrayEquals(new int[] {254}, sim.weights("pre->n"));
            // the probe reads before each learning phase: 200 at 0, 328 at 1 (reported 254)
            assertArrayEquals(new int[] {200, 254}, new int[] {sim.probe("w").get(0, 0), sim.probe("w").get(1, 0)});
        }
        Network down = plastic(new int[0], new int[0], 200, SignMode.EXCITATORY,
                LearningSettings.of("dw = -u0*2^7", 1));
        try (IdealSimulation sim = ideal(down)) {
            sim.run(1);
            assertEquals(72.0, sim.realWeights("pre->n")[0], 0.0);
            sim.run(1);
            assertEquals(0.0, sim.realWeights("pre->n")[0], 0.0);
        }
    }

    @Test
    void aFractionalDelayIsKeptAndASpikeWaitsItsNearestWholeTimesteps() {
        // delay 1, dd = x0*2^-1 at tEpoch 1: the learning phase of 0 makes it 1.5, and the spike emitted at 0 waits
        // round(1.5) = 2 timesteps: it arrives at 0 + 1 + 2 = 3. The learning phase of 10 makes it 2.0: the spike
        // emitted at 10 arrives at 13. The target is memoryless: u is 640 exactly then, 0 otherwise.
        Network n = Network.builder()
                .add(new SpikeGenerator("pre", 1, new int[] {0, 10}, new int[2]))
                .group("n", 1, POST)
                .connect("pre", "n").weight(10).delay(1).learning(LearningSettings.of("dd = x0*2^-1", 1)).add()
                .probe("u", Probe.Kind.CURRENT, "n")
                .build();
        try (IdealSimulation sim = ideal(n)) {
            sim.run(15);
            int[] u = new int[15];
            for (int t = 0; t < 15; t++) {
                u[t] = sim.probe("u").get(t, 0);
            }
            int[] expected = new int[15];
            expected[3] = 640;
            expected[13] = 640;
            assertArrayEquals(expected, u);
        }
    }
}
