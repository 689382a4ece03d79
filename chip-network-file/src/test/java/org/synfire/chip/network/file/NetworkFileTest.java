package org.synfire.chip.network.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.CoreRange;
import org.synfire.chip.api.network.Mask;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.Probe;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi2.LavaLif;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.TraceSettings;

/** The JSON network format: a hand-written file, round trips, and refusals that name the path. */
class NetworkFileTest {

    /** What relay.json describes, built with the API (the defaults the format documents filled in by hand). */
    private static Network relay() {
        return Network.builder()
                .group("gate", 1, CompartmentPrototype.builder().vThMant(1).build())
                .group("h", 2, new CompartmentPrototype(4096, 4096, 1024, -4096, 7, 2, true), new CoreRange(3, 4))
                .add(new SpikeGenerator("in", 2, new int[] {0, 0, 4}, new int[] {0, 1, 1}))
                .generator("reward", 1)
                .channel("r", "reward")
                .connect("in", "gate").mask(new Mask.Explicit(new int[] {0}, new int[] {0})).weights(2).add()
                .connect("gate", "h").oneToAll().weight(136).exponent(6).signMode(SignMode.EXCITATORY)
                .delays(0, 1).add()
                .connect("in", "h").weights(new int[][] {{10, -20}, {30, -40}})
                .learning(LearningSettings.of("dw = y0*x0*r1*4 - y0*x0*2", 1).withReward("r", new TraceSettings(1, 0)))
                .add()
                .probe("hs", Probe.Kind.SPIKES, "h")
                .add(new Probe("w1", Probe.Kind.WEIGHTS, "in->h", 2, 5))
                .build();
    }

    @Test
    void readsAHandWrittenFile() throws IOException {
        try (InputStream in = NetworkFileTest.class.getResourceAsStream("relay.json")) {
            assertEquals(relay(), NetworkFile.read(in));
        }
    }

    @Test
    void whatIsWrittenReadsBackEqual() throws IOException {
        Network n = relay();
        assertEquals(n, read(NetworkFile.toJson(n)));
    }

    private static Network read(String json) throws IOException {
        return NetworkFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String refusal(String json) {
        return assertThrows(IllegalArgumentException.class, () -> read(json)).getMessage();
    }

    @Test
    void refusalsNameThePath() {
        String head = "{\"format\": \"synfire-network/1\", \"groups\": [{\"name\": \"a\", \"size\": 2, \"vThMant\": 1}],";
        assertEquals("connections[0].weights[1]: expected an integer, got \"x\"", refusal(head
                + "\"connections\": [{\"source\": \"a\", \"target\": \"a\", \"mask\": \"one-to-one\", \"weights\": [2, \"x\"]}]}"));
        assertEquals("groups[0].colour: unknown field; expected one of [biasExp, biasMant, dU, dV, learningSeesSpikes,"
                + " model, name, pin, refractoryDelay, size, vThMant]", refusal("{\"format\": \"synfire-network/1\", \"groups\":"
                + " [{\"name\": \"a\", \"size\": 2, \"vThMant\": 1, \"colour\": 3}]}"));
        assertEquals("groups[0].size: missing", refusal("{\"format\": \"synfire-network/1\", \"groups\": [{\"name\":"
                + " \"a\", \"vThMant\": 1}]}"));
        assertEquals("connections[0].mask: 'ring' is not a mask; expected all-to-all, one-to-one, one-to-all or"
                + " {\"pre\": [...], \"post\": [...]}", refusal(head
                + "\"connections\": [{\"source\": \"a\", \"target\": \"a\", \"mask\": \"ring\", \"weights\": 2}]}"));
        assertEquals("format: 'other/2' is not supported; expected 'synfire-network/1'",
                refusal("{\"format\": \"other/2\", \"groups\": []}"));
        // the description's own checks still apply
        assertEquals("groups[0] (group a): compartment prototype: dU 5000 is out of range 0..4096",
                refusal("{\"format\": \"synfire-network/1\", \"groups\": [{\"name\": \"a\", \"size\": 1,"
                        + " \"vThMant\": 1, \"dU\": 5000}]}"));
        assertEquals("connection a->a: weight 300 of synapse 0 does not fit sign mode MIXED (-256..255; stored with 8"
                + " bits as -256..254 in steps of 2)", refusal(head
                + "\"connections\": [{\"source\": \"a\", \"target\": \"a\", \"weights\": 300}]}"));
    }

    private static final String BIASED = "{\"format\": \"synfire-network/1\", \"groups\": [{\"name\": \"a\","
            + " \"size\": 1, \"vThMant\": 1}, {\"name\": \"h\", \"size\": 4, \"vThMant\": 1, ";

    @Test
    void biasIsOneNumberOrAListOfOnePerCompartment() throws IOException {
        Network n = read(BIASED + "\"biasMant\": [3, 33, 1, -5], \"biasExp\": [2, 0, 5, 7]}]}");
        CompartmentGroup h = n.group("h").orElseThrow();
        assertArrayEquals(new int[] {3, 33, 1, -5}, h.biasMants());
        assertArrayEquals(new int[] {12, 33, 32, -640},
                new int[] {CompartmentPrototype.bias(h, 0), CompartmentPrototype.bias(h, 1), CompartmentPrototype.bias(h, 2), CompartmentPrototype.bias(h, 3)});
        // a list of mantissas with one exponent for the group
        CompartmentGroup m = read(BIASED + "\"biasMant\": [3, 33, 1, -5], \"biasExp\": 2}]}").group("h")
                .orElseThrow();
        assertArrayEquals(new int[] {12, 132, 4, -20},
                new int[] {CompartmentPrototype.bias(m, 0), CompartmentPrototype.bias(m, 1), CompartmentPrototype.bias(m, 2), CompartmentPrototype.bias(m, 3)});
        // a list of equal values is the group's one value
        assertEquals(read(BIASED + "\"biasMant\": 7}]}"), read(BIASED + "\"biasMant\": [7, 7, 7, 7]}]}"));
    }

    @Test
    void biasIsWrittenAsAListOnlyWhereTheCompartmentsDiffer() throws IOException {
        CompartmentGroup shared = new CompartmentGroup("s", 3, CompartmentPrototype.builder().vThMant(1).bias(-9, 4)
                .build(), Optional.empty());
        Network n = Network.builder().add(shared).add(new CompartmentGroup("m", 3, shared.prototype(),
                Optional.empty()).withBiasMants(-4096, 0, 4095))
                .add(new CompartmentGroup("e", 3, shared.prototype(), Optional.empty()).withBiasExps(0, 7, 3))
                .add(new CompartmentGroup("me", 2, shared.prototype(), Optional.empty()).withBiasMants(1, 2)
                        .withBiasExps(3, 4))
                .build();
        JsonNode groups = new ObjectMapper().readTree(NetworkFile.toJson(n)).get("groups");
        assertEquals("-9 4", groups.get(0).get("biasMant") + " " + groups.get(0).get("biasExp"));
        assertEquals("[-4096,0,4095] 4", groups.get(1).get("biasMant") + " " + groups.get(1).get("biasExp"));
        assertEquals("-9 [0,7,3]", groups.get(2).get("biasMant") + " " + groups.get(2).get("biasExp"));
        assertEquals("[1,2] [3,4]", groups.get(3).get("biasMant") + " " + groups.get(3).get("biasExp"));
        assertEquals(n, read(NetworkFile.toJson(n)));
    }

    @Test
    void aBiasListOfTheWrongLengthOrOutOfRangeIsRefusedNamingGroupAndIndex() {
        assertEquals("groups[1].biasMant (group h): 3 values for 4 compartments; expected one number or a list of one"
                + " per compartment", refusal(BIASED + "\"biasMant\": [1, 2, 3]}]}"));
        assertEquals("groups[1].biasExp (group h): 0 values for 4 compartments; expected one number or a list of one"
                + " per compartment", refusal(BIASED + "\"biasExp\": []}]}"));
        assertEquals("groups[1]: group h, compartment 2: biasMant 4096 is out of range -4096..4095",
                refusal(BIASED + "\"biasMant\": [1, 2, 4096, 3]}]}"));
        assertEquals("groups[1]: group h, compartment 3: biasExp -1 is out of range 0..7",
                refusal(BIASED + "\"biasExp\": [1, 2, 3, -1]}]}"));
        assertEquals("groups[1].biasMant[1]: expected an integer, got \"x\"",
                refusal(BIASED + "\"biasMant\": [1, \"x\", 3, 4]}]}"));
    }

    @Test
    void aFileNamesItselfInARefusal(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path file = dir.resolve("net.json");
        java.nio.file.Files.writeString(file, BIASED + "\"biasMant\": [1, 2, 4096, 3]}]}");
        assertEquals("net.json: groups[1]: group h, compartment 2: biasMant 4096 is out of range -4096..4095",
                assertThrows(IllegalArgumentException.class, () -> NetworkFile.read(file)).getMessage());
    }

    @Test
    void aGroupOfLavasLifModelReadsAndWritesItsOwnRegisters() throws IOException {
        // "model": "lava-lif" takes Lava's registers (du, dv, vth, a bias exponent down to -7, refractoryPeriod)
        Network n = read("""
                {"format": "synfire-network/1",
                 "groups": [{"name": "h", "size": 2, "model": "lava-lif", "du": 4095, "vth": 1,
                             "biasMant": [100, -101], "biasExp": -2, "refractoryPeriod": 3}]}""");
        LavaLif h = (LavaLif) n.groups().get(0).prototype();
        assertEquals(new LavaLif(4095, 0, 1, 100, -2, 3), h);
        assertEquals(-101, n.groups().get(0).biasMant(1));
        assertEquals(n, read(NetworkFile.toJson(n)));
        JsonNode written = new ObjectMapper().readTree(NetworkFile.toJson(n)).get("groups").get(0);
        assertEquals("lava-lif", written.get("model").asText());
        assertEquals(false, written.has("dU"), "Loihi 1's registers are not written for Lava's model");
        assertEquals("groups[0].model: izhikevich is not a neuron model of this format; expected loihi1-cuba-lif "
                + "(the default) or lava-lif", assertThrows(IllegalArgumentException.class, () -> read("""
                {"format": "synfire-network/1", "groups": [{"name": "h", "size": 1, "model": "izhikevich"}]}"""))
                .getMessage());
        assertThrows(IllegalArgumentException.class, () -> read("""
                {"format": "synfire-network/1", "groups": [{"name": "h", "size": 1, "model": "lava-lif", "vth": 1,
                 "dU": 4096}]}"""), "Loihi 1's fields are unknown for Lava's model");
        assertEquals("groups[0] (group h): lava-lif: biasExp -8 is out of range -7..7",
                assertThrows(IllegalArgumentException.class, () -> read("""
                {"format": "synfire-network/1", "groups": [{"name": "h", "size": 1, "model": "lava-lif", "vth": 1,
                 "biasExp": -8}]}""")).getMessage());
    }

    @Test
    void defaultsAreThoseOfTheDocumentation() throws IOException {
        Network n = read("{\"format\": \"synfire-network/1\", \"groups\": [{\"name\": \"a\", \"size\": 1, \"vThMant\": 5}],"
                + " \"connections\": [{\"source\": \"a\", \"target\": \"a\", \"weights\": 4}]}");
        assertEquals(new CompartmentPrototype(4096, 4096, 5, 0, 0, 1, true), n.groups().get(0).prototype());
        var c = n.connections().get(0);
        assertEquals("a->a", c.name());
        assertEquals(new Mask.AllToAll(), c.mask());
        assertEquals(0, c.exponent());
        assertEquals(SignMode.MIXED, c.signMode());
        assertEquals(8, c.weightBits());
        assertEquals(0, c.delay(0));
        assertEquals(Optional.empty(), c.learning());
    }
}
