package org.synfire.chip.emulator.loihi2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.NeuronModel;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi2.LavaLif;

/**
 * Lava's own LIF registers ({@code lava-lif}) on {@code loihi2}: what Loihi 1's model cannot say (a negative bias
 * exponent), and the same neuron as Loihi 1's registers mapped (du = dU - 1). Expected values by hand from Lava's
 * PyLifModelBitAcc (src/lava/proc/lif/models.py, v0.10.0): u = u * (4096 - (du + 1)) / 4096 + input,
 * v = v * (4096 - dv) / 4096 + u + bias, a spike if v > vth * 2^6, then v = 0.
 */
class Loihi2LavaLifTest {

    /** Runs a fresh network from {@code network} (a builder keeps what is added to it) and reads one probe. */
    private static int[] run(Supplier<Network.Builder> network, String probe, int steps) {
        Network n = network.get().probe("u", Probe.Kind.CURRENT, "n").probe("v", Probe.Kind.VOLTAGE, "n")
                .probe("s", Probe.Kind.SPIKES, "n").build();
        try (ChipSimulation sim = new Loihi2Backend().open(n, RunOptions.seed(1))) {
            sim.run(steps);
            int[] out = new int[steps];
            for (int t = 0; t < steps; t++) {
                out[t] = sim.probe(probe).get(t, 0);
            }
            return out;
        }
    }

    private static Network.Builder one(Supplier<? extends NeuronModel> model) {
        return Network.builder().add(new SpikeGenerator("in", 1, new int[] {0}, new int[] {0})).group("n", 1, model)
                .connect("in", "n").weight(100).add();
    }

    @Test
    void aNegativeBiasExponentShiftsTheMantissaRight() {
        // bias 100 * 2^-2 = 100 >> 2 = 25 per timestep, no leak (dv = 0), threshold 1 * 64: v = 25, 50, 75 > 64
        // fires at 2 and resets; again at 5 and 8 (no input)
        Supplier<Network.Builder> b = () -> Network.builder().group("n", 1, LavaLif.builder().du(4095).vth(1)
                .bias(100, -2));
        assertArrayEquals(new int[] {25, 50, 0, 25, 50, 0, 25, 50, 0, 25}, run(b, "v", 10));
        assertArrayEquals(new int[] {0, 0, 1, 0, 0, 1, 0, 0, 1, 0}, run(b, "s", 10));
        // Lava's right shift rounds toward minus infinity: -101 >> 2 = -26 (not -25)
        Supplier<Network.Builder> negative = () -> Network.builder().group("n", 1, LavaLif.builder().du(4095).vth(1)
                .bias(-101, -2));
        assertArrayEquals(new int[] {-26, -52, -78}, run(negative, "v", 3));
    }

    @Test
    void lavasDuIsLoihi1sDUMinusOne() {
        // input 100 * 64 = 6400 at 1; du = 1023 decays by (1023 + 1) / 4096, as Loihi 1's dU = 1024:
        // u = 6400, 4800, 3600, 2700 (each * 3072 / 4096, exact here)
        int[] lava = run(() -> one(LavaLif.builder().du(1023).vth(LavaLif.MAX_VTH)), "u", 5);
        int[] loihi1 = run(() -> one(CompartmentPrototype.builder().dU(1024)
                .vThMant(CompartmentPrototype.MAX_VTH_MANT)), "u", 5);
        assertArrayEquals(new int[] {0, 6400, 4800, 3600, 2700}, lava);
        assertArrayEquals(lava, loihi1);
    }

    @Test
    void otherBackendsRefuseLavasModelNamingIt() {
        Network n = Network.builder().group("n", 1, LavaLif.builder()).build();
        assertEquals("backend loihi1: neuron model lava-lif is not supported (group n); it runs loihi1-cuba-lif",
                assertThrows(IllegalArgumentException.class, () -> Loihi1.backend().open(n, RunOptions.seed(1)))
                        .getMessage());
    }

    @Test
    void lavasRegistersAreRangeChecked() {
        assertEquals("lava-lif: biasExp -8 is out of range -7..7",
                assertThrows(IllegalArgumentException.class, () -> LavaLif.builder().bias(1, -8).build())
                        .getMessage());
        assertEquals("lava-lif: du 4096 is out of range 0..4095",
                assertThrows(IllegalArgumentException.class, () -> LavaLif.builder().du(4096).build()).getMessage());
        assertEquals("group n, compartment 1: biasExp 8 is out of range -7..7", assertThrows(
                IllegalArgumentException.class, () -> Network.builder().group("n", 2, LavaLif.builder()).build()
                        .groups().get(0).withBiasExps(-7, 8)).getMessage());
    }
}
