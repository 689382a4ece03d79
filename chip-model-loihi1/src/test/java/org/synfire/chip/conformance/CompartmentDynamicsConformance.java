package org.synfire.chip.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.model.loihi1.CompartmentPrototype;

/**
 * One compartment, one timestep, step by step as the semantics page numbers them. Inputs arrive one
 * timestep after the generator's spike; every expected value below is worked out in the comment.
 */
public abstract class CompartmentDynamicsConformance extends BackendConformance {

    /** Spike at 0, weight 10: q = 10 * 64 = 640 arrives at t = 1. */
    private static Network pulse(CompartmentPrototype p, int weight, int exponent) {
        return single(p, new int[] {0}, c -> c.weight(weight).exponent(exponent));
    }

    @ParameterizedTest(name = "dU = {0}")
    @ValueSource(ints = {0, 1})
    void currentDecaysByAtLeastOneIn4096(int dU) {
        // dU 0 acts as 1: u = 640, then (640 * 4095) >> 12 = 639, (639 * 4095) >> 12 = 638
        int[] u = run(pulse(quiet().dU(dU).build(), 10, 0), 4, "u", 0);
        assertArrayEquals(new int[] {0, 640, 639, 638}, u);
    }

    @Test
    void negativeCurrentDecaysTowardZero() {
        // u = -640, then -((640 * 4095) >> 12) = -639 (rounded toward zero, not down to -640)
        int[] u = run(pulse(quiet().dU(1).build(), -10, 0), 4, "u", 0);
        assertArrayEquals(new int[] {0, -640, -639, -638}, u);
    }

    @Test
    void currentDecay4095LeavesOne4096th() {
        // q = 254 * 2^7 * 64 = 2,080,768; next (2,080,768 * 1) >> 12 = 508; then (508 * 1) >> 12 = 0
        int[] u = run(pulse(quiet().dU(4095).build(), 254, 7), 4, "u", 0);
        assertArrayEquals(new int[] {0, 2_080_768, 508, 0}, u);
    }

    @Test
    void currentDecay4096EmptiesTheCurrent() {
        int[] u = run(pulse(quiet().dU(4096).build(), 254, 7), 4, "u", 0);
        assertArrayEquals(new int[] {0, 2_080_768, 0, 0}, u);
    }

    @Test
    void voltageDecay0Holds() {
        // dU = 4096: u = 640 at t = 1 only; dV = 0 keeps v = 640 from then on
        int[] v = run(pulse(quiet().dV(0).build(), 10, 0), 4, "v", 0);
        assertArrayEquals(new int[] {0, 640, 640, 640}, v);
    }

    @Test
    void voltageDecay1() {
        // (640 * 4095) >> 12 = 639, then 638
        int[] v = run(pulse(quiet().dV(1).build(), 10, 0), 4, "v", 0);
        assertArrayEquals(new int[] {0, 640, 639, 638}, v);
    }

    @Test
    void voltageDecay4095LeavesOne4096th() {
        // v = 254 * 2^7 * 64 = 2,080,768, then (2,080,768 * 1) >> 12 = 508, then 0
        int[] v = run(pulse(quiet().dV(4095).build(), 254, 7), 4, "v", 0);
        assertArrayEquals(new int[] {0, 2_080_768, 508, 0}, v);
    }

    @Test
    void voltageDecay4096EmptiesTheVoltage() {
        int[] v = run(pulse(quiet().dV(4096).build(), 254, 7), 4, "v", 0);
        assertArrayEquals(new int[] {0, 2_080_768, 0, 0}, v);
    }

    @Test
    void biasIsMantissaTimesTwoToTheExponentAndNotScaled() {
        // bias 3 * 2^2 = 12 (not x 64); dV = 0 integrates it: v = 12, 24, 36
        int[] v = run(alone(quiet().dV(0).bias(3, 2).build()), 3, "v", 0);
        assertArrayEquals(new int[] {12, 24, 36}, v);
    }

    @Test
    void largestNegativeBias() {
        // -4096 * 2^7 = -524,288 every timestep (dV = 4096); u itself stays 0
        Network n = alone(quiet().bias(-4096, 7).build());
        assertArrayEquals(new int[] {-524_288, -524_288}, run(n, 2, "v", 0));
        assertArrayEquals(new int[] {0, 0}, run(n, 2, "u", 0));
    }

    @Test
    void biasDrivesRegularSpikes() {
        // threshold 1 * 64; v = 12 t (dV = 0) first exceeds 64 at t = 5 (72), resets to 0, so again at t = 11
        int[] s = run(alone(CompartmentPrototype.builder().dV(0).vThMant(1).bias(3, 2).build()), 12, "s", 0);
        assertArrayEquals(new int[] {5, 11}, spikeTimes(s));
    }

    /** Group {@code n} of {@code prototype} with a bias per compartment, probed like {@link #alone}. */
    private static Network biased(CompartmentPrototype prototype, int[] biasMants, int[] biasExps) {
        return Network.builder()
                .add(new CompartmentGroup("n", biasMants.length, prototype, Optional.empty(), biasMants, biasExps))
                .probe("v", Probe.Kind.VOLTAGE, "n")
                .probe("s", Probe.Kind.SPIKES, "n")
                .build();
    }

    @Test
    void eachCompartmentIntegratesItsOwnBias() {
        // One group, dU = 4096, dV = 0, threshold 1 * 64, no dead time, no input; each compartment has its own bias
        // mantissa and exponent. Every timestep u = 0 (nothing in, the old current emptied), u2 = u + bias = bias,
        // v = v + bias (dV = 0 keeps v whole), and v > 64 fires and resets v to 0. So v = bias * (t + 1) until the
        // first spike, and the spikes repeat every ceil(65 / bias) timesteps:
        //   compartment 0: 3 * 2^2 = 12; v = 12, 24, 36, 48, 60, 72 > 64: fires at 5, again 6 timesteps later at 11
        //   compartment 1: 33 * 2^0 = 33; v = 33, 66 > 64: fires at 1, then at 3, 5, 7, 9, 11
        //   compartment 2: 1 * 2^5 = 32 (the exponent scales the mantissa); v = 32, 64 (= 64: not above), 96 > 64:
        //                  fires at 2, then 5, 8, 11; its voltage reads 32, 64, 0, 32, 64, 0, ...
        //   compartment 3: -5 * 2^7 = -640 (a negative mantissa scaled like any other): v = -640 (t + 1), far from
        //                  the lowest voltage -2^23 within 12 timesteps, and never fires
        Network n = biased(CompartmentPrototype.builder().dV(0).vThMant(1).build(), new int[] {3, 33, 1, -5},
                new int[] {2, 0, 5, 7});
        assertArrayEquals(new int[] {5, 11}, spikeTimes(run(n, 12, "s", 0)));
        assertArrayEquals(new int[] {1, 3, 5, 7, 9, 11}, spikeTimes(run(n, 12, "s", 1)));
        assertArrayEquals(new int[] {2, 5, 8, 11}, spikeTimes(run(n, 12, "s", 2)));
        assertArrayEquals(new int[0], spikeTimes(run(n, 12, "s", 3)));
        assertArrayEquals(new int[] {12, 24, 36, 48, 60, 0}, java.util.Arrays.copyOf(run(n, 12, "v", 0), 6));
        assertArrayEquals(new int[] {32, 64, 0, 32, 64, 0}, java.util.Arrays.copyOf(run(n, 12, "v", 2), 6));
        assertArrayEquals(new int[] {-640, -1280, -1920, -2560}, java.util.Arrays.copyOf(run(n, 12, "v", 3), 4));
    }

    @Test
    void memorylessCompartmentsHoldTheirOwnBias() {
        // dU = dV = 4096: each timestep v = bias exactly (nothing is kept); threshold 64, no dead time.
        //   compartment 0: 65 * 2^0 = 65 > 64: fires every timestep (v reads 0 after the reset)
        //   compartment 1: 1 * 2^6 = 64, not above the threshold: never fires, v = 64
        //   compartment 2: -4096 * 2^7 = -524,288 (the lowest bias): v = -524,288
        //   compartment 3: bias 0: v = 0
        // The same state every timestep: a backend that skips unchanged compartments must still count each one's
        // own bias.
        Network n = biased(CompartmentPrototype.builder().vThMant(1).build(), new int[] {65, 1, -4096, 0},
                new int[] {0, 6, 7, 0});
        assertArrayEquals(new int[] {0, 1, 2, 3}, spikeTimes(run(n, 4, "s", 0)));
        for (int c = 1; c < 4; c++) {
            assertArrayEquals(new int[0], spikeTimes(run(n, 4, "s", c)));
        }
        assertArrayEquals(new int[] {0, 0, 0, 0}, run(n, 4, "v", 0));
        assertArrayEquals(new int[] {64, 64, 64, 64}, run(n, 4, "v", 1));
        assertArrayEquals(new int[] {-524_288, -524_288, -524_288, -524_288}, run(n, 4, "v", 2));
        assertArrayEquals(new int[] {0, 0, 0, 0}, run(n, 4, "v", 3));
    }

    @Test
    void thresholdIsStrict() {
        // bias 1 * 2^6 = 64 equals vTh = 64: never fires; bias 65 exceeds it: fires every timestep
        int[] equal = run(alone(CompartmentPrototype.builder().vThMant(1).bias(1, 6).build()), 5, "s", 0);
        int[] above = run(alone(CompartmentPrototype.builder().vThMant(1).bias(65, 0).build()), 5, "s", 0);
        assertArrayEquals(new int[0], spikeTimes(equal));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, spikeTimes(above));
    }

    @Test
    void voltageIsZeroAfterASpike() {
        // v = 65 > 64 fires and is reset: the probe (end of the spiking phase) reads 0
        int[] v = run(alone(CompartmentPrototype.builder().vThMant(1).bias(65, 0).build()), 2, "v", 0);
        assertArrayEquals(new int[] {0, 0}, v);
    }

    @Test
    void refractoryDelay1FiresEveryTimestep() {
        // bias 65 > vTh 64 with no dead time: a spike in every timestep
        int[] s = run(alone(CompartmentPrototype.builder().vThMant(1).bias(65, 0).refractoryDelay(1).build()), 4,
                "s", 0);
        assertArrayEquals(new int[] {0, 1, 2, 3}, spikeTimes(s));
    }

    @Test
    void voltageSaturatesAtMinus2To23() {
        // [convention] dV = 0 integrates bias -524,288 = -2^19: v = -2^19 (t + 1) reaches -2^23 at t = 15 and stays
        // there (a wrap would turn it positive and fire)
        Network n = alone(quiet().dV(0).bias(-4096, 7).build());
        int[] v = run(n, 18, "v", 0);
        assertArrayEquals(new int[] {-7_864_320, -8_388_608, -8_388_608, -8_388_608},
                java.util.Arrays.copyOfRange(v, 14, 18));
        assertArrayEquals(new int[0], spikeTimes(run(n, 18, "s", 0)));
    }

    @Test
    void refractoryDelay3SilencesTwoTimesteps() {
        // fires at 0, refractory at 1 and 2, fires at 3, ...
        int[] s = run(alone(CompartmentPrototype.builder().vThMant(1).bias(65, 0).refractoryDelay(3).build()), 10,
                "s", 0);
        assertArrayEquals(new int[] {0, 3, 6, 9}, spikeTimes(s));
    }

    @Test
    void currentKeepsIntegratingWhileRefractory() {
        // bias 65 fires at 0; the input spike (640) arrives at 1, inside the dead time (v = 0 at 1 and 2), and
        // decays with dU = 1: u = 640, 639, 638; at 3, v = 638 + 65 = 703 > 64 fires again (v reads 0)
        Network n = single(CompartmentPrototype.builder().dU(1).vThMant(1).bias(65, 0).refractoryDelay(3).build(),
                new int[] {0}, c -> c.weight(10));
        assertArrayEquals(new int[] {0, 640, 639, 638, 637}, run(n, 5, "u", 0));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0}, run(n, 5, "v", 0));
        assertArrayEquals(new int[] {0, 3}, spikeTimes(run(n, 5, "s", 0)));
    }

    @Test
    void largeNegativeInputWrapsAroundAndFires() {
        // weight -256 * 2^7 * 64 = -2,097,152 (= -2^21, the lowest q) arrives at 1, 2, 3, 4; dU = 1 (decay 4095/4096):
        // u1 = -2,097,152; u2 = -2,096,640 - 2,097,152 = -4,193,792; u3 = -4,192,768 - 2,097,152 = -6,289,920;
        // u4 = -6,288,384 - 2,097,152 = -8,385,536. With bias -524,288: u2' at 4 is -8,909,824, which wraps at
        // 24 bits to -8,909,824 + 16,777,216 = 7,867,392 > vTh 65,536: the compartment fires at t = 4.
        Network n = single(CompartmentPrototype.builder().dU(1).vThMant(1024).bias(-4096, 7).build(),
                new int[] {0, 1, 2, 3}, c -> c.weight(-256).exponent(7));
        assertArrayEquals(new int[] {0, -2_097_152, -4_193_792, -6_289_920, -8_385_536}, run(n, 5, "u", 0));
        assertArrayEquals(new int[] {-524_288, -2_621_440, -4_718_080, -6_814_208, 0}, run(n, 5, "v", 0));
        assertArrayEquals(new int[] {4}, spikeTimes(run(n, 5, "s", 0)));
    }
}
