package org.synfire.circuits.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile circuit descriptions: every bound of the language ({@link CircuitLimits}) and every number the
 * description gives is refused in one line naming the file, the place and what would be right, before
 * anything of the claimed size is made. Expected messages are written out from the inputs by hand (the
 * 64-bit range, the sums that overflow it, the loop counts, the byte estimates at 64 bytes per neuron and
 * 53 per synapse).
 */
class CircuitHostileTest {

    /** A valid circuit around {@code body}: one neuron type {@code u} and, unless the body gives them, 2 phases. */
    private static String circuit(String body) {
        return "name: h\nneuron-types: {u: {threshold: 10}}\n" + (body.startsWith("phases:") ? "" : "phases: 2\n")
                + (body.contains("populations:") ? "" : "populations: {a: {size: 2, type: u}}\n")
                + (body.contains("connections:") ? "" : "connections: []\n") + body;
    }

    /** The message of parsing and compiling {@code body}, which must be refused. */
    private static String refusal(String body) {
        return assertThrows(IllegalArgumentException.class, () -> CircuitCompiler.compile(
                CircuitDescriptions.parse(circuit(body), "h.yaml", Map.of()), Map.of())).getMessage();
    }

    private static final String RANGE = "is outside the 64-bit range -9223372036854775808 .. 9223372036854775807";

    @Test
    void aLoopThatEndsAtTheTopOfTheRangeEnds() {
        // counted rather than 'i <= to': i++ past Long.MAX_VALUE would wrap and never end
        CircuitDescription d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CircuitDescriptions.parse(
                circuit("populations:\n  for i in 9223372036854775806..9223372036854775807:\n"
                        + "    a$i: {size: 1, type: u}\n"), "h.yaml", Map.of()));
        assertEquals(List.of("a9223372036854775806", "a9223372036854775807"), List.copyOf(d.populations().keySet()));
    }

    @Test
    void aRangeWiderThanALongIsCountedNotWrapped() {
        // to - from = 2^64 - 2, which wraps to -2 in a long and slipped under the cap
        assertEquals("h.yaml: /populations (for i in -9223372036854775807..9223372036854775807): repeats more than "
                + "9223372036854775807 times; the loops of a description repeat at most 100001 times in all",
                refusal("populations:\n  for i in -9223372036854775807..9223372036854775807:\n"
                        + "    a$i: {size: 1, type: u}\n"));
    }

    @Test
    void nestedLoopsCountEveryInnerRepetition() {
        // 1 + 1000 repetitions per outer one: the 100th inner loop passes 100,001 (100 x 1000 = 100,000 before it)
        assertEquals("h.yaml: /connections[0][0] (for j in 1..1000): repeats 1000 times after 100000 repetitions of "
                + "the loops around or before it; the loops of a description repeat at most 100001 times in all",
                refusal("connections:\n  - for i in 1..1000:\n    - for j in 1..1000: []\n"));
    }

    @Test
    void theExpansionIsBoundedInValues() {
        // each repetition makes a map of 41 values (the map, 40 numbers): the 4,879th passes 200,000
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            wide.append(i == 0 ? "" : ", ").append("k").append(i).append(": ").append(i);
        }
        String message = refusal("x:\n  - for i in 1..90000:\n    - " + wide.append('}') + "\n");
        assertEquals("h.yaml: /x[0][0]/k", message.substring(0, message.indexOf("/k") + 2));
        assertEquals(": the description expands to more than 200000 maps, lists and values; at most 200000 are "
                + "allowed", message.substring(message.indexOf(':', "h.yaml:".length())));
    }

    @Test
    void letListsCannotDoubleWithoutLimit() {
        StringBuilder lets = new StringBuilder("let:\n  a0: [1, 1]\n");
        for (int i = 1; i < 40; i++) {
            lets.append("  a").append(i).append(": [a").append(i - 1).append(", a").append(i - 1).append("]\n");
        }
        // a0 .. a15 hold 2 + 4 + ... + 2^16 = 131,070 elements; a15 alone is 65,536, so a15 passes 100,000
        assertEquals("h.yaml: let a15: the let values would hold more than 100000 elements in all; at most 100000 "
                + "are allowed", refusal(lets.toString()));
    }

    @Test
    void phasesAreBoundedBeforeTheirTablesAreMade() {
        assertEquals("h.yaml: circuit h: phases 1000000000 is out of range 1 .. 4096 (timesteps per sample)",
                refusal("phases: 1000000000\n"));
        assertEquals("h.yaml: circuit h: phases 2147483647 is out of range 1 .. 4096 (timesteps per sample)",
                refusal("phases: 2147483647\n"));
        assertEquals("h.yaml: /phases: expected a whole number from -2147483648 to 2147483647",
                refusal("phases: 2147483648\n"));
    }

    @Test
    void populationSizesAreBudgetedBeforeAllocation() {
        // 10^9 x 64 bytes; (2^31 - 1) x 64 bytes
        assertEquals("h: population a: 1000000000 neurons bring the circuit to 1000000000 neurons and 0 synapses, about "
                + "64000000000 bytes, more than the memory budget of 536870912 bytes (512 MiB)",
                refusal("populations: {a: {size: 1000000000, type: u}}\n"));
        assertEquals("h: population a: 2147483647 neurons bring the circuit to 2147483647 neurons and 0 synapses, about "
                + "137438953408 bytes, more than the memory budget of 536870912 bytes (512 MiB)",
                refusal("populations: {a: {size: 2147483647, type: u}}\n"));
    }

    @Test
    void generatorSizesAreBudgetedBeforeAllocation() {
        // 2 + (2^31 - 1) neurons and as many spikes scheduled once: (2 + 2 x 2147483647) x 64 bytes
        assertEquals("h: generator g: 2147483647 neurons and 2147483647 scheduled spikes bring the circuit to "
                + "4294967296 neurons and 0 synapses, about 274877906944 bytes, more than the memory budget of "
                + "536870912 bytes (512 MiB)",
                refusal("generators: {g: {size: 2147483647, emits: once, at: [-1]}}\n"));
        assertEquals("h: generator g: 1000000000 neurons bring the circuit to 1000000002 neurons and 0 synapses, about "
                + "64000000128 bytes, more than the memory budget of 536870912 bytes (512 MiB)",
                refusal("generators: {g: {size: 1000000000, emits: every-sample, at: [1]}}\n"));
    }

    @Test
    void synapsesAreBudgetedBeforeTheirArraysAreMade() {
        // 40000 x 40000 = 1.6e9 synapses x 53 + 40000 neurons x 64
        assertEquals("h: connection a->a: 1600000000 synapses (40000 x 40000, all-to-all) bring the circuit to 40000 "
                + "neurons and 1600000000 synapses, about 84802560000 bytes, more than the memory budget of 536870912 "
                + "bytes (512 MiB)", refusal("populations: {a: {size: 40000, type: u}}\n"
                        + "connections: [{from: a, to: a, weight: 2, mask: all-to-all}]\n"));
    }

    @Test
    void deeplyNestedExpressionsAreOneLineNotAStackOverflow() {
        String deep = "(".repeat(50_000) + "1" + ")".repeat(50_000);
        String message = refusal("phases: \"$(" + deep + ")\"\n");
        assertEquals("nested more than 100 deep (parentheses, minus signs, indices and arguments)",
                message.substring(message.lastIndexOf(": ") + 2));
        assertEquals(1, message.lines().count());
        String minus = refusal("phases: \"$(" + "-".repeat(50_000) + "1)\"\n");
        assertEquals("nested more than 100 deep (parentheses, minus signs, indices and arguments)",
                minus.substring(minus.lastIndexOf(": ") + 2));
    }

    @Test
    void deeplyNestedYamlIsOneLine() {
        assertEquals("h.yaml: maps and lists are nested more than 1000 deep",
                refusal("x: " + "[".repeat(5000) + "]".repeat(5000) + "\n"));
    }

    @Test
    void everyOperationIsExact() {
        assertEquals("h.yaml: /phases ('$(9223372036854775807 + 1)'): expression '9223372036854775807 + 1': "
                + "9223372036854775807 + 1 " + RANGE, refusal("phases: \"$(9223372036854775807 + 1)\"\n"));
        assertEquals("h.yaml: /phases ('$(0 - 9223372036854775807 - 2)'): expression '0 - 9223372036854775807 - 2': "
                + "-9223372036854775807 - 2 " + RANGE, refusal("phases: \"$(0 - 9223372036854775807 - 2)\"\n"));
        assertEquals("h.yaml: /phases ('$(4294967296 * 4294967296)'): expression '4294967296 * 4294967296': "
                + "4294967296 * 4294967296 " + RANGE, refusal("phases: \"$(4294967296 * 4294967296)\"\n"));
        // Long.MIN_VALUE / -1 is the one division that overflows; floorDiv wrapped it silently
        assertEquals("h.yaml: /phases ('$((0 - 9223372036854775807 - 1) / (0 - 1))'): expression "
                + "'(0 - 9223372036854775807 - 1) / (0 - 1)': -9223372036854775808 / -1 " + RANGE,
                refusal("phases: \"$((0 - 9223372036854775807 - 1) / (0 - 1))\"\n"));
        assertEquals("h.yaml: /phases ('$(-(0 - 9223372036854775807 - 1))'): expression '-(0 - 9223372036854775807 - 1)'"
                + ": -(-9223372036854775808) " + RANGE, refusal("phases: \"$(-(0 - 9223372036854775807 - 1))\"\n"));
        assertEquals("h.yaml: /phases ('$(99999999999999999999)'): expression '99999999999999999999': number "
                + "99999999999999999999 " + RANGE, refusal("phases: \"$(99999999999999999999)\"\n"));
    }

    @Test
    void aWeightThatOverflowsIsRefusedNotWrappedTo128() {
        // (2^63 - 1) + (2^63 - 1) + 130 wrapped to 128, a valid weight, and the circuit trained
        assertEquals("h: connection a->a: weight '9223372036854775807+9223372036854775807+130': 9223372036854775807 + "
                + "9223372036854775807 " + RANGE, refusal(
                        "connections: [{from: a, to: a, weight: 9223372036854775807+9223372036854775807+130}]\n"));
        assertEquals("h: connection a->a: weight '99999999999999999999': number 99999999999999999999 " + RANGE,
                refusal("connections: [{from: a, to: a, weight: 99999999999999999999}]\n"));
        // -2^63 exactly: Math.abs of it is negative and passed the old range check as weight 0
        assertEquals("h: connection a->a: weight '-9223372036854775807-1' is -9223372036854775808; expected a value "
                + "from -2147483647 to 2147483647",
                refusal("connections: [{from: a, to: a, weight: -9223372036854775807-1}]\n"));
    }

    @Test
    void aLetNumberPastALongIsRefusedNotTruncated() {
        assertEquals("h.yaml: let x: '99999999999999999999' is not a whole number from -9223372036854775808 to "
                + "9223372036854775807", refusal("let: {x: 99999999999999999999}\n"));
        assertEquals("h.yaml: let x: '1.5' is not a whole number from -9223372036854775808 to 9223372036854775807",
                refusal("let: {x: 1.5}\n"));
    }

    @Test
    void anUnusedRuleThatIsNotARuleIsRefused() {
        assertEquals("h: rule r: 'not a rule': learning rule, line 1, column 1: expected dw, dd or dt at the start of a "
                + "statement, found 'not'", refusal("rules: {r: {rule: not a rule}}\n"));
    }

    @Test
    void numbersOfTheDescriptionAreCheckedInItsWords() {
        assertEquals("h.yaml: circuit h: readout: phase 2147483647 is out of range 0 .. 1",
                refusal("readout: {population: a, phase: 2147483647}\n"));
        assertEquals("h.yaml: circuit h: generator g: at -2147483648 is out of range -2 .. 2",
                refusal("generators: {g: {size: 2, emits: once, at: [-2147483648]}}\n"));
        assertEquals("h.yaml: circuit h: population a: phase 5 is out of range 0 .. 1",
                refusal("populations: {a: {size: 2, type: u, phases: [5]}}\n"));
        assertEquals("h.yaml: circuit h: neuron type u: threshold 200000 is out of range 0 .. 131071",
                neuronType("{threshold: 200000}"));
        assertEquals("h.yaml: circuit h: rule r: epoch 64 is out of range 1 .. 63",
                refusal("rules: {r: {rule: dw = x0*y0, epoch: 64}}\n"));
        assertEquals("h.yaml: circuit h: connection a->a.d63: delay 63 is out of range 0 .. 62 (the chip's longest "
                + "synaptic delay)", refusal("connections: [{from: a, to: a, weight: 2, delay: 63}]\n"));
    }

    /** The message for a description whose neuron type u is {@code type}. */
    private static String neuronType(String type) {
        return assertThrows(IllegalArgumentException.class, () -> CircuitDescriptions.parse(
                "name: h\nneuron-types: {u: " + type + "}\nphases: 2\npopulations: {a: {size: 2, type: u}}\n"
                        + "connections: []\n", "h.yaml", Map.of())).getMessage();
    }

    @Test
    void noMessageLeaksTheParserOrAJavaType() {
        assertEquals("h.yaml: /phases: 'abc' is not a whole number from -2147483648 to 2147483647",
                refusal("phases: abc\n"));
        assertEquals("h.yaml: /phases: '1.5' is not a whole number from -2147483648 to 2147483647",
                refusal("phases: 1.5\n"));
        assertEquals("h.yaml: /connections: expected a list", refusal("connections: {}\n"));
        assertEquals("h.yaml: /populations/a: 'size' is required", refusal("populations: {a: {type: u}}\n"));
        assertEquals("h.yaml: /populations/a: 'type' has no value", refusal("populations: {a: {size: 2, type: ~}}\n"));
        assertEquals("h.yaml: /populations/a: phases[1] has no value",
                refusal("populations: {a: {size: 2, type: u, phases: [1, ~]}}\n"));
        assertEquals("h.yaml: /neuron-types/u/threshold: expected a whole number from -2147483648 to 2147483647",
                neuronType("{threshold: [1]}"));
        // an empty name reached the chip's group names: "group name '' is not valid"
        assertEquals("h.yaml: rename/a: expected the new name, e.g. a: o", refusal("rename: {a: [1]}\n"));
    }
}
