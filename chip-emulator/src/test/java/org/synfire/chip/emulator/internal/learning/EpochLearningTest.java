package org.synfire.chip.emulator.internal.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.synfire.chip.model.loihi1.learning.Rule;
import org.synfire.chip.model.loihi1.learning.StateVariable;

/**
 * Epoch bookkeeping through {@link GroupLearning}, driven the way the emulator's phases will drive it:
 * per timestep the spikes are reported, then the learning phase runs. One synapse: axon 0 -> compartment 0.
 */
class EpochLearningTest {

    /** Runs {@code steps} timesteps with pre, post and reward spikes at the given timesteps (from 1). */
    private static int run(String rule, int tEpoch, int w, int steps, Set<Integer> pre, Set<Integer> post,
            Set<Integer> reward, int impulse, int tau) {
        RuleEvaluator evaluator = RuleEvaluator.compile(Rule.parse(rule),
                new SynapseFormat(WeightSign.EXCITATORY, 8, 6, 8));
        // x1 and y1 as given; r1 as in the sBP circuit: impulse 1, held for the epoch
        GroupLearning group = new GroupLearning(evaluator, tEpoch, 1, 1, Map.of(
                StateVariable.X1, new TraceSpec(impulse, tau),
                StateVariable.Y1, new TraceSpec(impulse, tau),
                StateVariable.R1, new TraceSpec(1, 0)));
        LearningRandom random = LearningRandom.forCore(1, 0);
        int[] weight = {w};
        for (int t = 1; t <= steps; t++) {
            if (pre.contains(t)) {
                group.preSpike(0);
            }
            if (post.contains(t)) {
                group.postSpike(0);
            }
            if (reward.contains(t)) {
                group.rewardSpike();
            }
            group.learn(new int[] {0}, new int[] {0}, weight, null, null, random);
        }
        return weight[0];
    }

    private static final String SBP = "dw = y0*x0*r1*4 - y0*x0*2";

    @Test
    void withOneStepEpochsOnlySpikesOfTheSameTimestepPair() {
        // pre at 1, post at 2: different epochs, no pair -> unchanged
        assertEquals(50, run(SBP, 1, 50, 4, Set.of(1), Set.of(2), Set.of(), 1, 0));
        // pre and post at 3, reward at 3: +2
        assertEquals(52, run(SBP, 1, 50, 4, Set.of(3), Set.of(3), Set.of(3), 1, 0));
        // pre and post at 3, reward at 2 (an epoch earlier; r1 held for that epoch only): -2
        assertEquals(48, run(SBP, 1, 50, 4, Set.of(3), Set.of(3), Set.of(2), 1, 0));
        // two pairs (t 1 and 2), reward with the second only: -2 + 2
        assertEquals(50, run(SBP, 1, 50, 4, Set.of(1, 2), Set.of(1, 2), Set.of(2), 1, 0));
    }

    @Test
    void longerEpochsPairEverythingInTheWindow() {
        // tEpoch 2: pre at 1 and post at 2 share epoch 1 -> -2; pre at 2 and post at 3 do not pair
        assertEquals(48, run(SBP, 2, 50, 4, Set.of(1), Set.of(2), Set.of(), 1, 0));
        assertEquals(50, run(SBP, 2, 50, 4, Set.of(2), Set.of(3), Set.of(), 1, 0));
        // reward at 1, pair at 2, same epoch: +2
        assertEquals(52, run(SBP, 2, 50, 4, Set.of(2), Set.of(2), Set.of(1), 1, 0));
    }

    @Test
    void pairBasedStdpPotentiatesPreBeforePostAndDepressesPostBeforePre() {
        String stdp = "dw = 2^-2*x1*y0 - 2^-2*y1*x0";
        // impulse 64, tau 2 (exact halving): pre at 1 -> x1 = 64, 32, 16 at t = 1, 2, 3. Post at 3: the
        // y0 term adds 16/4 = 4; the x0 term needs a pre spike in the same epoch and there is none at 3;
        // at t = 1 the x0 term reads y1 = 0. So 100 -> 104.
        assertEquals(104, run(stdp, 1, 100, 5, Set.of(1), Set.of(3), Set.of(), 64, 2));
        // mirrored: post at 1, pre at 3: -16/4 -> 96
        assertEquals(96, run(stdp, 1, 100, 5, Set.of(3), Set.of(1), Set.of(), 64, 2));
        // closer pairs change more: pre at 1, post at 2 -> x1 = 32 -> +8
        assertEquals(108, run(stdp, 1, 100, 5, Set.of(1), Set.of(2), Set.of(), 64, 2));
        // simultaneous: +64/4 - 64/4 = 0
        assertEquals(100, run(stdp, 1, 100, 5, Set.of(2), Set.of(2), Set.of(), 64, 2));
    }

    @Test
    void clockClosesEveryTEpochTimestepsAndCountsEpochsFromOne() {
        EpochClock clock = new EpochClock(3);
        for (int t = 1; t <= 9; t++) {
            assertEquals(t % 3 == 0, clock.tick(), "timestep " + t);
            assertEquals(t / 3, clock.epoch(), "timestep " + t);
        }
        assertThrows(IllegalArgumentException.class, () -> new EpochClock(0));
        assertThrows(IllegalArgumentException.class, () -> new EpochClock(64));
        new EpochClock(63);
    }

    @Test
    void uKHoldsEveryTwoToTheKEpochs() {
        // u0 every epoch; u1 in 2, 4, ...; u3 in 8, 16, ...
        for (long e = 1; e <= 32; e++) {
            assertTrue(EpochClock.u(0, e));
            assertEquals(e % 2 == 0, EpochClock.u(1, e), "u1, epoch " + e);
            assertEquals(e % 8 == 0, EpochClock.u(3, e), "u3, epoch " + e);
        }
    }

    @Test
    void latchHoldsBitsUntilCleared() {
        SpikeLatch latch = new SpikeLatch(130);
        latch.set(0);
        latch.set(129);
        assertTrue(latch.get(129));
        assertFalse(latch.get(128));
        assertEquals(1L << 1, latch.bits()[2]); // bit 129 = word 2, bit 1
        latch.clear();
        assertFalse(latch.get(0));
        assertThrows(IndexOutOfBoundsException.class, () -> latch.set(130));
    }
}
