package org.synfire.chip.model.loihi1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Mask;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;

/** The description refuses what a chip cannot hold, and says what, where and what would be right. */
class NetworkValidationTest {

    private static final CompartmentPrototype P = CompartmentPrototype.builder().build();

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    private static Network.Builder twoGroups(int a, int b) {
        return Network.builder().group("a", a, P).group("b", b, P);
    }

    @Test
    void prototypeFieldsAreRangeChecked() {
        assertEquals("compartment prototype: dU 5000 is out of range 0..4096",
                message(() -> CompartmentPrototype.builder().dU(5000).build()));
        assertEquals("group h: compartment prototype: dV -1 is out of range 0..4096",
                message(() -> Network.builder().group("h", 4, CompartmentPrototype.builder().dV(-1))));
        assertEquals("compartment prototype: vThMant 131072 is out of range 0..131071",
                message(() -> CompartmentPrototype.builder().vThMant(131_072).build()));
        assertEquals("compartment prototype: biasMant -4097 is out of range -4096..4095",
                message(() -> CompartmentPrototype.builder().bias(-4097, 0).build()));
        assertEquals("compartment prototype: biasExp 8 is out of range 0..7",
                message(() -> CompartmentPrototype.builder().bias(1, 8).build()));
        assertEquals("compartment prototype: refractoryDelay 0 is out of range 1..63",
                message(() -> CompartmentPrototype.builder().refractoryDelay(0).build()));
    }

    @Test
    void biasPerCompartmentIsCheckedNamingGroupCompartmentValueAndRange() {
        CompartmentGroup h = new CompartmentGroup("h", 4, P, java.util.Optional.empty());
        assertEquals("group h, compartment 2: biasMant 4096 is out of range -4096..4095",
                message(() -> h.withBiasMants(0, 1, 4096, 3)));
        assertEquals("group h, compartment 0: biasMant -4097 is out of range -4096..4095",
                message(() -> Network.builder().group("h", 4, P, new int[] {-4097, 0, 0, 0})));
        assertEquals("group h, compartment 3: biasExp 8 is out of range 0..7",
                message(() -> h.withBiasExps(0, 1, 7, 8)));
        assertEquals("group h: 3 biasMant values given for 4 compartments; expected one per compartment (or one"
                + " for the group)", message(() -> h.withBiasMants(1, 2, 3)));
    }

    @Test
    void biasPerCompartmentIsReadCompartmentByCompartment() {
        CompartmentGroup h = new CompartmentGroup("h", 3, CompartmentPrototype.builder().bias(5, 2).build(),
                java.util.Optional.empty());
        assertEquals(false, h.hasBiasPerCompartment());
        assertEquals(20, CompartmentPrototype.bias(h, 2));
        CompartmentGroup m = h.withBiasMants(-3, 0, 7);
        assertEquals(true, m.hasBiasPerCompartment());
        assertArrayEquals(new int[] {-12, 0, 28},
                new int[] {CompartmentPrototype.bias(m, 0), CompartmentPrototype.bias(m, 1), CompartmentPrototype.bias(m, 2)});
        CompartmentGroup e = m.withBiasExps(0, 7, 1);
        assertArrayEquals(new int[] {-3, 0, 14},
                new int[] {CompartmentPrototype.bias(e, 0), CompartmentPrototype.bias(e, 1), CompartmentPrototype.bias(e, 2)});
        assertEquals(1, e.biasExp(2));
        // the prototype holds compartment 0's values where the compartments differ
        assertEquals(-3, e.prototype().biasMant());
        assertEquals(0, e.prototype().biasExp());
    }

    @Test
    void biasPerCompartmentThatIsTheSameEverywhereIsTheSharedBias() {
        // canonical: a list of equal values is the prototype's value, and the group equals one built that way
        CompartmentGroup shared = new CompartmentGroup("h", 3, CompartmentPrototype.builder().bias(9, 3).build(),
                java.util.Optional.empty());
        CompartmentGroup listed = new CompartmentGroup("h", 3, P, java.util.Optional.empty(), new int[] {9, 9, 9},
                new int[] {3, 3, 3});
        assertEquals(shared, listed);
        assertEquals(shared.hashCode(), listed.hashCode());
        assertEquals(false, listed.hasBiasPerCompartment());
        assertArrayEquals(new int[0], listed.biasMants());
        assertEquals(72, ((CompartmentPrototype) listed.prototype()).bias());
        // and two groups with the same per-compartment values are equal
        assertEquals(shared.withBiasMants(1, 2, 3), listed.withBiasMants(1, 2, 3));
    }

    @Test
    void weightOutsideTheSignModeIsRefusedNamingConnectionAndRange() {
        assertEquals("connection a->b: weight 300 of synapse 0 does not fit sign mode MIXED (-256..255; stored with 8"
                + " bits as -256..254 in steps of 2)", message(() -> twoGroups(1, 1).connect("a", "b").weight(300).add()));
        assertEquals("connection a->b: weight -1 of synapse 1 does not fit sign mode EXCITATORY (0..255; stored with 4"
                + " bits as 0..240 in steps of 16)", message(() -> twoGroups(1, 2).connect("a", "b")
                        .signMode(SignMode.EXCITATORY).weightBits(4).weights(3, -1).add()));
    }

    @Test
    void delaysExponentsAndBitsAreRangeChecked() {
        // what holds on every chip, the network checks; Loihi 1's limits (docs/loihi1-semantics.md: delays 0..62,
        // exponents -8..7, tags of up to 8 bits), its check before a backend opens the network
        assertEquals("connection a->b, synapse 0: delay -1 is out of range 0..2147483647",
                message(() -> twoGroups(1, 1).connect("a", "b").delay(-1).add()));
        assertEquals("connection a->b: weight bits 9 is out of range 1..8",
                message(() -> twoGroups(1, 1).connect("a", "b").weightBits(9).add()));
        assertEquals("backend loihi1: delay 63 is longer than its longest, 62 (connection a->b)", message(
                () -> Loihi1Model.check(twoGroups(1, 1).connect("a", "b").delay(63).add().build(), "loihi1")));
        assertEquals("backend loihi1: weight exponent 8 is out of range -8..7 (connection a->b)", message(
                () -> Loihi1Model.check(twoGroups(1, 1).connect("a", "b").exponent(8).add().build(), "loihi1")));
        assertEquals("backend loihi1: 9 tag bits are out of range 0..8 (connection a->b)", message(
                () -> Loihi1Model.check(twoGroups(1, 1).connect("a", "b").tags(9, 0).add().build(), "loihi1")));
        Loihi1Model.check(twoGroups(1, 1).connect("a", "b").delay(62).exponent(-8).tags(8, -128).add().build(),
                "loihi1");
    }

    @Test
    void masksCheckSizes() {
        assertEquals("connection a->b: one-to-one mask needs equal sizes, got source 2 and target 3",
                message(() -> twoGroups(2, 3).connect("a", "b").oneToOne().add()));
        assertEquals("connection a->b: one-to-all mask needs a source of size 1, got 2",
                message(() -> twoGroups(2, 3).connect("a", "b").oneToAll().add()));
        assertEquals("connection a->b, synapse 1: postsynaptic index 3 is out of range 0..2",
                message(() -> twoGroups(2, 3).connect("a", "b").mask(new Mask.Explicit(new int[] {0, 1},
                        new int[] {0, 3})).add()));
        assertEquals("connection a->b: explicit mask lists synapse 1 -> 2 twice",
                message(() -> twoGroups(2, 3).connect("a", "b").mask(new Mask.Explicit(new int[] {1, 1},
                        new int[] {2, 2})).add()));
        assertEquals("connection a->b: 2 weights given, but the mask AllToAll[] of 2 x 3 has 6 synapses",
                message(() -> twoGroups(2, 3).connect("a", "b").weights(1, 2).add()));
    }

    @Test
    void denseMatrixIsLaidOutRowByRow() {
        ConnectionGroup c = twoGroups(2, 3).connect("a", "b").weights(new int[][] {{1, 2, 3}, {4, 5, 6}}).add()
                .build().connection("a->b").orElseThrow();
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, c.weights());
        assertEquals(1, c.mask().pre(4, 2, 3));
        assertEquals(1, c.mask().post(4, 2, 3));
    }

    @Test
    void referencesMustExistAndNamesBeUnique() {
        assertEquals("connection a->x: x has not been added yet", message(() -> twoGroups(1, 1).connect("a", "x")));
        assertEquals("group a: the name is already used", message(() -> twoGroups(1, 1).group("a", 1, P)));
        assertEquals("connection a->b is defined twice; name one of them",
                message(() -> twoGroups(1, 1).connect("a", "b").add().connect("a", "b").add().build()));
        assertEquals("probe p: target c is not a compartment group",
                message(() -> twoGroups(1, 1).probe("p", Probe.Kind.SPIKES, "c").build()));
        assertEquals("probe w: target a is not a connection",
                message(() -> twoGroups(1, 1).probe("w", Probe.Kind.WEIGHTS, "a").build()));
        assertEquals("connection a->b: reward channel r is not defined", message(() -> twoGroups(1, 1)
                .connect("a", "b").learning(LearningSettings.of("dw = x0*y0*2", 1).withReward("r",
                        new TraceSettings(1, 0))).add().build()));
        assertEquals("reinforcement channel r: source z is neither a group nor a generator",
                message(() -> twoGroups(1, 1).channel("r", "z").build()));
    }

    @Test
    void generatorSpikesMustBeInOrderAndInRange() {
        assertEquals("generator g: spike time 1 is out of range 2..2147483647",
                message(() -> new SpikeGenerator("g", 2, new int[] {2, 1}, new int[] {0, 0})));
        assertEquals("generator g: neuron index 2 is out of range 0..1",
                message(() -> new SpikeGenerator("g", 2, new int[] {0}, new int[] {2})));
    }

    @Test
    void signModesTruncateWithAnArithmeticShift() {
        // s = 8 - (bits - isMixed)
        assertEquals(1, SignMode.MIXED.truncationShift(8));
        assertEquals(0, SignMode.EXCITATORY.truncationShift(8));
        assertEquals(-4, SignMode.MIXED.truncate(-3, 8));
        assertEquals(-256, SignMode.MIXED.minStored(8));
        assertEquals(254, SignMode.MIXED.maxStored(8));
        assertEquals(255, SignMode.EXCITATORY.maxStored(8));
        assertEquals(0, SignMode.INHIBITORY.maxStored(8));
    }
}
