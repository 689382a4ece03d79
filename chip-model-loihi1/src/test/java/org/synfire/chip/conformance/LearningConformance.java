package org.synfire.chip.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.TraceSettings;

/**
 * The learning engine through a backend: small networks built with the public API, run, and their
 * learned weights (or the timing of spikes over learned delays) compared with values worked out by hand
 * from the semantics page ("Learning engine", "Spikes and time").
 *
 * <p>Most tests use {@link #pair}: generator {@code pre} (source 0 spikes at chosen timesteps) drives
 * compartment {@code n} over the plastic connection {@code pre->n}; generator {@code drive} makes {@code n}
 * spike exactly at chosen timesteps (a drive spike at {@code t - 1} arrives at {@code t} with
 * {@code 4 * 64 = 256 > vTh = 64}); generator {@code rw} feeds reinforcement channel {@code reward}. The
 * plastic connection has exponent -8, so its effective weight {@code floor(w / 256) * 64} is 0 or -64 and
 * never decides whether {@code n} spikes ({@code 256 - 64 > 64}, and {@code 0} alone is not above 64).
 *
 * <p>Traces are chosen so that their decay is exact and no stochastic rounding is involved: with time
 * constant {@code tau} the page's decay {@code x * (1 - 1/tau)} of an impulse 64 with {@code tau = 2}
 * halves it exactly (64, 32, 16, 8, 4, 2, 1), with {@code tau = 4} gives 64, 48, 36, 27 and with
 * {@code tau = 8} gives 64, 56, 49. A spike's impulse is seen by the learning phase of its own timestep.
 *
 * <p>Conventions the page leaves open and this kit fixes with the reference backend: epochs are counted from 1
 * and {@code u_k} holds in epochs {@code 2^k, 2 * 2^k, ...}; the changes of one epoch are all computed from the
 * values before its update; tags of {@code b} bits are two's complement ({@code -2^(b-1) .. 2^(b-1) - 1}); a
 * rule that changes delays gets the full 0 .. 62 whatever the written delays are.
 */
public abstract class LearningConformance extends BackendConformance {

    private static final String PLASTIC = "pre->n";

    /** Plastic connection pre -> n (one source, one compartment) with the spike times of each side. */
    protected static Network pair(LearningSettings learning, int[] preTimes, int[] postTimes, int[] rewardTimes,
            UnaryOperator<ConnectionGroup.Builder> connection) {
        int[] driveTimes = IntStream.of(postTimes).map(t -> t - 1).toArray();
        Network.Builder b = Network.builder()
                .add(new SpikeGenerator("pre", 1, preTimes, new int[preTimes.length]))
                .add(new SpikeGenerator("drive", 1, driveTimes, new int[driveTimes.length]))
                .add(new SpikeGenerator("rw", 1, rewardTimes, new int[rewardTimes.length]))
                .group("n", 1, CompartmentPrototype.builder().vThMant(1).build())
                .channel("reward", "rw")
                .connect("drive", "n").weight(4).add();
        return connection.apply(b.connect("pre", "n").weight(10).exponent(-8).learning(learning)).add()
                .probe("w", Probe.Kind.WEIGHTS, PLASTIC)
                .probe("s", Probe.Kind.SPIKES, "n")
                .build();
    }

    /** Runs {@link #pair} for {@code timesteps}, checks that n spiked exactly at {@code postTimes}, returns the weight. */
    private int learnedWeight(LearningSettings learning, int[] pre, int[] post, int[] reward, int timesteps,
            UnaryOperator<ConnectionGroup.Builder> connection) {
        try (ChipSimulation sim = open(pair(learning, pre, post, reward, connection))) {
            sim.run(timesteps);
            assertArrayEquals(post, spikeTimes(column(sim.probe("s"), 0)), "n spikes only when driven");
            return sim.weights(PLASTIC)[0];
        }
    }

    /** Settings with the given traces (x1, x2, y1, y2, y3, r1) and the reward channel {@code reward}. */
    private static LearningSettings rule(String rule, int tEpoch, TraceSettings x1, TraceSettings x2, TraceSettings y1,
            TraceSettings y2, TraceSettings y3, TraceSettings r1) {
        return new LearningSettings(rule, tEpoch, Optional.of("reward"), x1, x2, y1, y2, y3, r1);
    }

    private static LearningSettings rule(String rule, int tEpoch) {
        return LearningSettings.of(rule, tEpoch);
    }

    private static final TraceSettings NONE = TraceSettings.NONE;

    private static int[] t(int... times) {
        return times;
    }

    // ---------------------------------------------------------------------------------------------------
    // every factor kind, one network each

    /**
     * One case of {@link #everyFactorKindActsThroughANetwork}.
     *
     * @param rule       settings (tEpoch 1 unless the rule needs more)
     * @param pre        pre spike times
     * @param post       post spike times
     * @param reward     reward spike times
     * @param connection changes to the plastic connection (initial weight 10, delay 0, no tag bits)
     * @param expected   the weight after 6 timesteps
     */
    private record Case(LearningSettings rule, int[] pre, int[] post, int[] reward,
            UnaryOperator<ConnectionGroup.Builder> connection, int expected) {
    }

    private static Arguments arguments(String name, Case c) {
        return Arguments.of(name, c);
    }

    static Stream<Arguments> factorCases() {
        TraceSettings halving = new TraceSettings(64, 2);   // 64, 32, 16, 8 ...
        TraceSettings quarter = new TraceSettings(64, 4);   // 64, 48, 36, 27
        TraceSettings eighth = new TraceSettings(64, 8);    // 64, 56, 49
        UnaryOperator<ConnectionGroup.Builder> same = c -> c;
        return Stream.of(
                // x0 holds at 1 and 3: 10 + 2 + 2
                arguments("x0", new Case(rule("dw = x0*2", 1), t(1, 3), t(), t(), same, 14)),
                // y0 holds at 2 and 4: 10 + 2 + 2
                arguments("y0", new Case(rule("dw = y0*2", 1), t(), t(2, 4), t(), same, 14)),
                // x1 = 64 at 1, 32 at 2, 16 at 3 where y0 holds: 10 + 16
                arguments("x1", new Case(rule("dw = y0*x1", 1, halving, NONE, NONE, NONE, NONE, NONE),
                        t(1), t(3), t(), same, 26)),
                // x2 = 64, 48, 36 at 3: 10 + 36
                arguments("x2", new Case(rule("dw = y0*x2", 1, NONE, quarter, NONE, NONE, NONE, NONE),
                        t(1), t(3), t(), same, 46)),
                // y1 = 64 at 1, 16 at 3 where x0 holds: 10 + 16
                arguments("y1", new Case(rule("dw = x0*y1", 1, NONE, NONE, halving, NONE, NONE, NONE),
                        t(3), t(1), t(), same, 26)),
                // y2 = 64, 48, 36 at 3: 10 + 36
                arguments("y2", new Case(rule("dw = x0*y2", 1, NONE, NONE, NONE, quarter, NONE, NONE),
                        t(3), t(1), t(), same, 46)),
                // y3 = 64, 56, 49 at 3: 10 + 49 = 59, stored on the mixed 8-bit grid (step 2) as 58
                arguments("y3", new Case(rule("dw = x0*y3", 1, NONE, NONE, NONE, NONE, eighth, NONE),
                        t(3), t(1), t(), same, 58)),
                // r0 with the pre spike at 1 only (the reward at 1 does not reach the epoch of 3): 10 + 4
                arguments("r0", new Case(rule("dw = x0*r0*4", 1, NONE, NONE, NONE, NONE, NONE, NONE),
                        t(1, 3), t(), t(1), same, 14)),
                // r1 impulse 20, time constant 0: 20 in the epoch of the reward (1), 0 in that of 3: 10 + 20
                arguments("r1", new Case(rule("dw = x0*r1", 1, NONE, NONE, NONE, NONE, NONE, new TraceSettings(20, 0)),
                        t(1, 3), t(), t(1), same, 30)),
                // w: 40 + 40 * 2^-2 = 50 (exact, no fraction)
                arguments("w", new Case(rule("dw = x0*w*2^-2", 1), t(1), t(), t(), c -> c.weight(40), 50)),
                // d: delay 3: 10 + 3 * 2
                arguments("d", new Case(rule("dw = x0*d*2", 1), t(1), t(), t(), c -> c.delay(3), 16)),
                // t: tag 5 of 4 bits: 10 + 5 * 2
                arguments("t", new Case(rule("dw = x0*t*2", 1), t(1), t(), t(), c -> c.tags(4, 5), 20)),
                // sgn(w): -20 + (-1) * 4, 20 + 4, 0 + 0
                arguments("sgn(w) < 0", new Case(rule("dw = x0*sgn(w)*4", 1), t(1), t(), t(), c -> c.weight(-20), -24)),
                arguments("sgn(w) > 0", new Case(rule("dw = x0*sgn(w)*4", 1), t(1), t(), t(), c -> c.weight(20), 24)),
                arguments("sgn(w) = 0", new Case(rule("dw = x0*sgn(w)*4", 1), t(1), t(), t(), c -> c.weight(0), 0)),
                // (w + C): 30 + (30 - 10) * 2^-1 = 40
                arguments("(w-10)", new Case(rule("dw = x0*(w-10)*2^-1", 1), t(1), t(), t(), c -> c.weight(30), 40)),
                // (C + w) written constant first: 30 + (-10 + 30) * 2^-1 = 40
                arguments("(-10+w)", new Case(rule("dw = x0*(-10+w)*2^-1", 1), t(1), t(), t(), c -> c.weight(30), 40)),
                // sgn(d) of delay 0 and 5, sgn(t) of tag -2: 10 + 0, 10 + 2, 10 - 2
                arguments("sgn(d) = 0", new Case(rule("dw = x0*sgn(d)*2", 1), t(1), t(), t(), same, 10)),
                arguments("sgn(d) > 0", new Case(rule("dw = x0*sgn(d)*2", 1), t(1), t(), t(), c -> c.delay(5), 12)),
                arguments("sgn(t) < 0", new Case(rule("dw = x0*sgn(t)*2", 1), t(1), t(), t(), c -> c.tags(3, -2), 8)),
                // (d + C): delay 2: 10 + (2 + 1) * 2 = 16
                arguments("(d+1)", new Case(rule("dw = x0*(d+1)*2", 1), t(1), t(), t(), c -> c.delay(2), 16)),
                // 2^k: 10 + 8
                arguments("2^3", new Case(rule("dw = x0*2^3", 1), t(1), t(), t(), same, 18)),
                // constant 12 (held as 3 * 2^2) times 2^-1: 10 + 6
                arguments("12*2^-1", new Case(rule("dw = x0*12*2^-1", 1), t(1), t(), t(), same, 16)),
                // u1 holds in epochs 2, 4, 6 (timesteps 1, 3, 5 at tEpoch 1) without any spike: 10 + 3 * 4
                arguments("u1", new Case(rule("dw = u1*4", 1), t(), t(), t(), same, 22)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factorCases")
    void everyFactorKindActsThroughANetwork(String name, Case c) {
        assertEquals(c.expected(), learnedWeight(c.rule(), c.pre(), c.post(), c.reward(), 6, c.connection()), name);
    }

    // ---------------------------------------------------------------------------------------------------
    // the sBP rule

    private static final LearningSettings SBP = rule("dw = y0*x0*r1*4 - y0*x0*2", 1)
            .withReward("reward", new TraceSettings(1, 0));

    @ParameterizedTest(name = "pre {0}, post {1}, reward {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        // a pair and a reward in the same timestep: r1 = 1, 4 - 2 = +2
        "3     | 3     | 3    | 12",
        // a pair without reward: -2
        "3     | 3     |      | 8",
        // the reward one timestep early belongs to another epoch (r1 holds for its epoch only): -2
        "3     | 3     | 2    | 8",
        // no pair: pre and post in different timesteps, even with rewards in both
        "3     | 4     | 3 4  | 10",
        // pre and reward only, post and reward only, reward only: no dependency holds with a pair
        "3     |       | 3    | 10",
        "      | 3     | 3    | 10",
        "      |       | 3    | 10",
        // three pairs, rewarded at 1 and 3: +2 - 2 + 2
        "1 2 3 | 1 2 3 | 1 3  | 12"
    })
    void sbpRuleMovesByTwo(String pre, String post, String reward, int expected) {
        assertEquals(expected, learnedWeight(SBP, times(pre), times(post), times(reward), 6, c -> c));
    }

    @Test
    void sbpRuleWithInjectedSpikes() {
        // drive injected at 0 fires n at 1; pre and rw injected at 1: a rewarded pair at 1, +2; at 3 an
        // unrewarded pair (drive at 2, pre at 3): -2; the weights read after each step show when it moved
        Network n = pair(SBP, t(), t(), t(), c -> c);
        try (ChipSimulation sim = open(n)) {
            sim.inject("drive", 0);
            sim.run(1);
            assertArrayEquals(new int[] {10}, sim.weights(PLASTIC));
            sim.inject("pre", 0);
            sim.inject("rw", 0);
            sim.run(1);
            assertArrayEquals(new int[] {12}, sim.weights(PLASTIC));
            sim.inject("drive", 0);
            sim.run(1);
            sim.inject("pre", 0);
            sim.run(1);
            assertArrayEquals(new int[] {10}, sim.weights(PLASTIC));
            assertArrayEquals(new int[] {1, 3}, spikeTimes(column(sim.probe("s"), 0)));
        }
    }

    private static int[] times(String list) {
        return list == null || list.isBlank() ? new int[0]
                : Stream.of(list.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    // ---------------------------------------------------------------------------------------------------
    // pair-based STDP with traces

    private static final LearningSettings STDP = rule("dw = x1*y0 - y1*x0", 1,
            new TraceSettings(64, 2), NONE, new TraceSettings(64, 2), NONE, NONE, NONE);

    @ParameterizedTest(name = "post {0} timesteps after pre: +{1}")
    @CsvSource({
        // excitatory 8 bits (step 1), weight 100; x1 = 64 / 2^lag when y0 holds, y1 = 0 when x0 held
        "1, 32", "2, 16", "3, 8", "4, 4", "5, 2", "6, 1"
    })
    void stdpPotentiatesWhenPreLeadsPost(int lag, int change) {
        int w = learnedWeight(STDP, t(2), t(2 + lag), t(), 10, c -> c.weight(100).signMode(SignMode.EXCITATORY));
        assertEquals(100 + change, w);
    }

    @ParameterizedTest(name = "pre {0} timesteps after post: -{1}")
    @CsvSource({"1, 32", "2, 16", "3, 8", "4, 4", "5, 2", "6, 1"})
    void stdpDepressesWhenPostLeadsPre(int lag, int change) {
        int w = learnedWeight(STDP, t(2 + lag), t(2), t(), 10, c -> c.weight(100).signMode(SignMode.EXCITATORY));
        assertEquals(100 - change, w);
    }

    @Test
    void stdpOfSimultaneousSpikesCancels() {
        // pre and post at 2: x1 = y1 = 64 in that learning phase: +64 - 64
        assertEquals(100, learnedWeight(STDP, t(2), t(2), t(), 6, c -> c.weight(100).signMode(SignMode.EXCITATORY)));
    }

    @ParameterizedTest(name = "impulse {0}: x1 = {1}")
    @CsvSource({
        // tEpoch 2, time constant 0 (held for the epoch): pre at 0 and 1 add two impulses, read with y0 at 1
        "20, 40",
        // 2 * 100 saturates at the 7-bit maximum 127
        "100, 127"
    })
    void everySpikeAddsItsImpulseUpTo127(int impulse, int x1) {
        LearningSettings learning = rule("dw = y0*x1", 2, new TraceSettings(impulse, 0), NONE, NONE, NONE, NONE, NONE);
        // excitatory 8 bits (step 1): 10 + x1
        assertEquals(10 + x1, learnedWeight(learning, t(0, 1), t(1), t(), 2, c -> c.signMode(SignMode.EXCITATORY)));
    }

    // ---------------------------------------------------------------------------------------------------
    // epochs longer than one timestep, u_k

    @Test
    void pairWithinAnEpochOfFourIsAppliedAtItsEnd() {
        // tEpoch 4: epoch 0..3; pre at 1, post at 2 pair; the change lands in the learning phase of 3, so the
        // weight probe (read before learning) shows 10 through t = 3 and 12 from 4
        Network n = pair(rule("dw = y0*x0*2", 4), t(1), t(2), t(), c -> c);
        try (ChipSimulation sim = open(n)) {
            sim.run(6);
            assertArrayEquals(new int[] {10, 10, 10, 10, 12, 12}, column(sim.probe("w"), 0));
        }
    }

    @ParameterizedTest(name = "pre {0}, post {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // pre at 3 (epoch 0..3) and post at 4 (epoch 4..7) do not pair
        "3   | 4 | 10",
        // two pre spikes in one epoch latch x0 once: +2
        "1 2 | 2 | 12",
        // pairs in two epochs: +2 twice
        "0 4 | 3 7 | 14"
    })
    void epochOfFourPairsSpikesOfTheSameEpochOnly(String pre, String post, int expected) {
        assertEquals(expected, learnedWeight(rule("dw = y0*x0*2", 4), times(pre), times(post), t(), 8, c -> c));
    }

    @Test
    void ukHoldsEvery2PowKEpochs() {
        // tEpoch 2: epochs 1 .. 6 end at timesteps 1, 3, .. 11; u0 in every one, u1 in 2, 4, 6 (t = 3, 7, 11),
        // u2 in 4 (t = 7); no spikes needed: u_k is every synapse's dependency
        assertEquals(10 + 6 * 2, learnedWeight(rule("dw = u0*2", 2), t(), t(), t(), 12, c -> c));
        assertEquals(10 + 3 * 2, learnedWeight(rule("dw = u1*2", 2), t(), t(), t(), 12, c -> c));
        assertEquals(10 + 2, learnedWeight(rule("dw = u2*2", 2), t(), t(), t(), 12, c -> c));
        Network n = pair(rule("dw = u1*2", 2), t(), t(), t(), c -> c);
        try (ChipSimulation sim = open(n)) {
            sim.run(9);
            // weights before the learning phase of t: changes at the ends of t = 3 and t = 7
            assertArrayEquals(new int[] {10, 10, 10, 10, 12, 12, 12, 12, 14}, column(sim.probe("w"), 0));
        }
    }

    @Test
    void ukTermAndSpikeTermTogether() {
        // dw = u1*4 + x0*2 at tEpoch 1: u1 at t = 1, 3, 5 (+12); pre at 0 and 5 (+4): 10 + 16
        assertEquals(26, learnedWeight(rule("dw = u1*4 + x0*2", 1), t(0, 5), t(), t(), 6, c -> c));
    }

    // ---------------------------------------------------------------------------------------------------
    // saturation and precision

    @ParameterizedTest(name = "{0} {1} bits: {2} {3} 256 -> {4}")
    @CsvSource({
        // one epoch of dw = +-u0*256, then saturation to the mode's stored range
        "MIXED, 8, 200, +, 254",         // 456 -> 254
        "MIXED, 8, -200, -, -256",       // -456 -> -256
        "EXCITATORY, 8, 200, +, 255",    // 456 -> 255
        "EXCITATORY, 8, 50, -, 0",       // -206 -> 0
        "INHIBITORY, 8, -200, -, -256",  // -456 -> -256
        "INHIBITORY, 8, -50, +, 0",      // 206 -> 0
        "MIXED, 4, 100, +, 224",         // stored 96 (s = 5); 352 -> 256 - 32
        "MIXED, 4, -100, -, -256",       // stored -128; -384 -> -256
        "EXCITATORY, 4, 100, +, 240",    // stored 96 (s = 4); 352 -> 256 - 16
        "INHIBITORY, 6, -5, -, -256",    // stored -8 (s = 2); -264 -> -256
        "INHIBITORY, 6, -5, +, 0",       // 248 -> 0
        "MIXED, 2, 100, +, 128",         // s = 7: stored 0; 256 -> 256 - 128
        "MIXED, 1, -256, +, 0"           // s = 8: -256 + 256 = 0, the largest value of one mixed bit
    })
    void weightsSaturateAtTheirModesLimits(SignMode mode, int bits, int initial, String sign, int expected) {
        LearningSettings learning = rule("dw = " + (sign.equals("-") ? "-" : "") + "u0*256", 1);
        int w = learnedWeight(learning, t(), t(), t(), 1, c -> c.weight(initial).signMode(mode).weightBits(bits));
        assertEquals(expected, w);
    }

    @Test
    void saturatedWeightStaysAtTheLimit() {
        // mixed 8 bits from 250: +4 each epoch -> 254 (after 2 epochs: 254 saturates) and stays
        assertEquals(254, learnedWeight(rule("dw = u0*4", 1), t(), t(), t(), 5, c -> c.weight(250)));
    }

    // ---------------------------------------------------------------------------------------------------
    // tags and delays

    @Test
    void tagLearnsAndTheRuleReadsTheTagBeforeTheEpochsUpdate() {
        // tag 1 of 4 bits; at each pre spike dw = 2 * t from the tag before the update, then dt = +3:
        // at 1: w 10 + 2 = 12, t = 4; at 3: w 12 + 8 = 20, t = 7
        LearningSettings learning = rule("dw = x0*t*2\ndt = x0*3", 1);
        assertEquals(20, learnedWeight(learning, t(1, 3), t(), t(), 6, c -> c.tags(4, 1)));
    }

    @Test
    void tagsAreSignedAndSaturateAtTheirBits() {
        // tags of b bits are two's complement (chip-api StateVariable.T: -128 .. 127 at 8 bits); 4 bits: -8 .. 7.
        // tag -3: at 1: w 10 - 6 = 4, t = -3 + 6 = 3; at 3: w 4 + 6 = 10, t = 9 -> 7; at 5: w 10 + 14 = 24
        LearningSettings learning = rule("dw = x0*t*2\ndt = x0*6", 1);
        assertEquals(24, learnedWeight(learning, t(1, 3, 5), t(), t(), 6, c -> c.tags(4, -3)));
    }

    /** pre -> q (quiet, probed for u), weight 10 (640), exponent 0, plastic by {@code learning}. */
    private static Network observed(LearningSettings learning, int[] preTimes, UnaryOperator<ConnectionGroup.Builder> c) {
        Network.Builder b = Network.builder()
                .add(new SpikeGenerator("pre", 1, preTimes, new int[preTimes.length]))
                .group("q", 1, quiet().build());
        return c.apply(b.connect("pre", "q").weight(10).learning(learning)).add()
                .probe("u", Probe.Kind.CURRENT, "q")
                .build();
    }

    private static int[] only(int length, int value, int... at) {
        int[] out = new int[length];
        for (int t : at) {
            out[t] = value;
        }
        return out;
    }

    @Test
    void learnedDelayChangesWhenTheNextSpikeArrives() {
        // delay 1, dd = x0*2: the learning phase of 0 makes it 3, and the spike emitted at 0 is delivered after
        // it: arrives at 0 + 1 + 3 = 4; the spike at 10 finds 5 after its learning phase: arrives at 16
        int[] u = run(observed(rule("dd = x0*2", 1), t(0, 10), c -> c.delay(1)), 20, "u", 0);
        assertArrayEquals(only(20, 640, 4, 16), u);
    }

    @Test
    void delayLearnsFromZero() {
        // every delay 0 as written: dd = x0*2 still moves it (the delay's width is the chip's, not the
        // written maximum's): the spike at 0 arrives at 0 + 1 + 2 = 3, the one at 5 at 5 + 1 + 4 = 10
        int[] u = run(observed(rule("dd = x0*2", 1), t(0, 5), c -> c), 12, "u", 0);
        assertArrayEquals(only(12, 640, 3, 10), u);
    }

    @Test
    void delaySaturatesAt62() {
        // delay 40 + 32 -> 62 (the largest): arrives at 0 + 1 + 62 = 63
        int[] u = run(observed(rule("dd = x0*2^5", 1), t(0), c -> c.delay(40)), 65, "u", 0);
        assertArrayEquals(only(65, 640, 63), u);
    }

    // ---------------------------------------------------------------------------------------------------
    // timing: a weight changed in timestep t is what a spike emitted at t delivers

    @Test
    void spikeEmittedAtTCarriesTheWeightOfTsLearningPhase() {
        // dw = x0*2 at tEpoch 1: the pre spike at 0 raises the weight to 12 in the learning phase of 0, and is
        // delivered after it: u = 12 * 64 = 768 at 1; the spike at 3 carries 14: 896 at 4
        int[] u = run(observed(rule("dw = x0*2", 1), t(0, 3), c -> c), 6, "u", 0);
        int[] expected = new int[6];
        expected[1] = 768;
        expected[4] = 896;
        assertArrayEquals(expected, u);
    }

    @Test
    void changeAtTheEndOfALongerEpochActsFromThen() {
        // tEpoch 2: the spike at 0 is delivered before its epoch (0..1) ends: it carries 10 (640 at 1); the
        // change of that epoch lands at 1 (12); the spike at 3 closes epoch 2..3, whose change (+2, 14) it carries
        int[] u = run(observed(rule("dw = x0*2", 2), t(0, 3), c -> c), 6, "u", 0);
        int[] expected = new int[6];
        expected[1] = 640;
        expected[4] = 896;
        assertArrayEquals(expected, u);
    }

    // ---------------------------------------------------------------------------------------------------
    // several synapses, compartments as pre side and as reward source

    @Test
    void onlyTheSynapseOfThePairLearnsInMaskOrder() {
        // explicit mask in an order the rows do not keep: synapses 0: 1->0, 1: 0->1, 2: 1->1, 3: 0->0.
        // pre source 1 spikes at 2, n1 spikes at 2 (dw = y0*x0*2): only synapse 2 (1->1) pairs: 10 -> 12.
        // n0 never spikes; pre source 0 never spikes.
        Network n = Network.builder()
                .add(new SpikeGenerator("pre", 2, t(2), t(1)))
                .add(new SpikeGenerator("drive", 2, t(1), t(1)))
                .group("n", 2, CompartmentPrototype.builder().vThMant(1).build())
                .connect("drive", "n").oneToOne().weight(4).add()
                .connect("pre", "n").mask(new org.synfire.chip.api.network.Mask.Explicit(t(1, 0, 1, 0), t(0, 1, 1, 0)))
                .weights(10, 20, 30, 40).exponent(-8).learning(rule("dw = y0*x0*2", 1)).add()
                .build();
        try (ChipSimulation sim = open(n)) {
            sim.run(4);
            assertArrayEquals(new int[] {10, 20, 32, 40}, sim.weights(PLASTIC));
        }
    }

    /** in -> a (fires when in spikes, one timestep later) -> n plastic by dw = x0*2; {@code sees} a's spikes or not. */
    private int weightFromCompartmentPre(boolean sees) {
        Network n = Network.builder()
                .add(new SpikeGenerator("in", 1, t(0, 2), t(0, 0)))
                .group("a", 1, CompartmentPrototype.builder().vThMant(1).learningSeesSpikes(sees).build())
                .group("n", 1, quiet().build())
                .connect("in", "a").weight(4).add()
                .connect("a", "n").weight(10).learning(rule("dw = x0*2", 1)).add()
                .probe("a", Probe.Kind.SPIKES, "a")
                .build();
        try (ChipSimulation sim = open(n)) {
            sim.run(5);
            assertArrayEquals(new int[] {1, 3}, spikeTimes(column(sim.probe("a"), 0)));
            return sim.weights("a->n")[0];
        }
    }

    @Test
    void compartmentSpikesAreX0OnlyIfLearningSeesThem() {
        // a spikes at 1 and 3: x0 twice, 10 + 4; with learningSeesSpikes = false the engine sees nothing: 10
        assertEquals(14, weightFromCompartmentPre(true));
        assertEquals(10, weightFromCompartmentPre(false));
    }

    /** Reward from a group of two compartments that both fire at 2 (driven at 1); dw = x0*r1 with impulse 20. */
    @Test
    void everyRewardSpikeAddsItsImpulse() {
        // two reward spikes in the epoch of 2: r1 = 2 * 20 = 40 (r0 = 1 either way); pre at 2: 10 + 40
        Network n = Network.builder()
                .add(new SpikeGenerator("pre", 1, t(2), t(0)))
                .add(new SpikeGenerator("in", 2, t(1, 1), t(0, 1)))
                .group("rg", 2, CompartmentPrototype.builder().vThMant(1).build())
                .group("n", 1, quiet().build())
                .connect("in", "rg").oneToOne().weight(4).add()
                .channel("reward", "rg")
                .connect("pre", "n").weight(10).learning(rule("dw = x0*r1 + x0*r0*2", 1, NONE, NONE, NONE, NONE,
                        NONE, new TraceSettings(20, 0))).add()
                .build();
        try (ChipSimulation sim = open(n)) {
            sim.run(4);
            // + 40 (r1) + 2 (r0)
            assertArrayEquals(new int[] {52}, sim.weights("pre->n"));
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // reproducibility

    /** 20 synapses, excitatory 8 bits (step 1), each gaining 2^-1 per epoch: 0 or 1 by stochastic rounding. */
    private int[] stochastic(long seed) {
        Network n = Network.builder()
                .add(SpikeGenerator.hostInjected("pre", 20))
                .group("q", 20, quiet().build())
                .connect("pre", "q").oneToOne().weight(10).signMode(SignMode.EXCITATORY)
                .learning(rule("dw = u0*2^-1", 1)).add()
                .build();
        try (ChipSimulation sim = backend().open(n, RunOptions.seed(seed))) {
            sim.run(100);
            return sim.weights("pre->q");
        }
    }

    @Test
    void sameSeedSameWeightsUnderStochasticRounding() {
        int[] a = stochastic(1);
        assertArrayEquals(a, stochastic(1));
        // 2000 draws of +1 with probability 1/2: mean +1000, standard deviation about 22; the chip rounds
        // stochastically (neither always down, +0, nor always up, +2000)
        int gained = IntStream.of(a).map(w -> w - 10).sum();
        assertTrue(gained > 850 && gained < 1150, "gained " + gained + " in 2000 half-unit changes");
    }

    @Test
    void differentSeedDifferentWeights() {
        // equal 20-synapse outcomes under two independent streams have probability below 1e-20
        assertFalse(java.util.Arrays.equals(stochastic(1), stochastic(2)));
    }

    // ---------------------------------------------------------------------------------------------------
    // malformed rules

    @Test
    void malformedRuleIsRefusedNamingTheConnectionAndThePosition() {
        // column 16 of "dw = x0*y0*2 + *3" is the '*' where a factor should be
        Network n = pair(rule("dw = x0*y0*2 + *3", 1), t(), t(), t(), c -> c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open(n).close());
        assertTrue(e.getMessage().contains(PLASTIC), e.getMessage());
        assertTrue(e.getMessage().contains("line 1, column 16"), e.getMessage());
    }

    @Test
    void unknownFactorOnSecondLineIsRefusedWithItsPosition() {
        Network n = pair(rule("dw = x0*2\ndd = x0*q", 1), t(), t(), t(), c -> c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open(n).close());
        assertTrue(e.getMessage().contains(PLASTIC), e.getMessage());
        assertTrue(e.getMessage().contains("line 2, column 9"), e.getMessage());
    }

    @Test
    void tagRuleWithoutTagBitsIsRefusedNamingTheConnection() {
        Network n = pair(rule("dt = x0*2", 1), t(), t(), t(), c -> c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open(n).close());
        assertTrue(e.getMessage().contains(PLASTIC) && e.getMessage().contains("tag bits"), e.getMessage());
    }
}
