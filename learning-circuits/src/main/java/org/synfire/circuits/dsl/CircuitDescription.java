package org.synfire.circuits.dsl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.Loihi1Model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A circuit written as data, made concrete for its parameter values (a {@link CircuitTemplate} with its
 * loops and {@code $(...)} expanded): neuron types, populations, spike generators the host drives,
 * learning rules, weight matrices, the connections between them, and the readout that gives a class.
 * {@link CircuitCompiler} turns it into a chip network with initial weights. Read with
 * {@link CircuitDescriptions}; every key is described in the project's circuit language reference.
 *
 * <p>Weights are written in mantissa units at exponent 0 (the chip multiplies them by 64), as names
 * of constants, sums of them ({@code G+GM}), negations ({@code -R}), integers, or a weight matrix
 * ({@code w1}), its transpose ({@code w2^T}) or its negated transpose ({@code -w2^T}). A matrix learns
 * by its rule when it names one, and stays fixed otherwise.
 *
 * @param name        the circuit's name
 * @param description one line for listings
 * @param parameters  the value of every parameter (a whole number is a list of one)
 * @param phases      timesteps per sample
 * @param phaseNames  a short name for each phase (empty: the phases are known by number only)
 * @param constants   named weights
 * @param neuronTypes compartment prototypes by name
 * @param populations compartment groups by name, in the order they are placed on the chip
 * @param generators  spike generators by name
 * @param rules       learning rules by name
 * @param matrices    weight matrices by name
 * @param connections every connection
 * @param readout     where the class of a sample is read, if the circuit gives one
 */
public record CircuitDescription(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("description") String description,
        @JsonProperty("parameters") Map<String, List<Long>> parameters,
        @JsonProperty(value = "phases", required = true) int phases,
        @JsonProperty("phase-names") List<String> phaseNames,
        @JsonProperty("constants") Map<String, Integer> constants,
        @JsonProperty(value = "neuron-types", required = true) Map<String, NeuronType> neuronTypes,
        @JsonProperty(value = "populations", required = true) Map<String, Population> populations,
        @JsonProperty("generators") Map<String, Generator> generators,
        @JsonProperty("rules") Map<String, Rule> rules,
        @JsonProperty("matrices") Map<String, Matrix> matrices,
        @JsonProperty(value = "connections", required = true) List<Connection> connections,
        @JsonProperty("readout") Readout readout) {

    public CircuitDescription {
        given("name", name);
        description = description == null ? "" : description;
        parameters = ordered(parameters);
        phaseNames = phaseNames == null ? List.of() : listOf("phase-names", phaseNames);
        if (phases < 1 || phases > CircuitLimits.MAX_PHASES) {
            throw new IllegalArgumentException("circuit " + name + ": phases " + phases + " is out of range 1 .. "
                    + CircuitLimits.MAX_PHASES + " (timesteps per sample)");
        }
        if (!phaseNames.isEmpty() && phaseNames.size() != phases) {
            throw new IllegalArgumentException("circuit " + name + ": " + phaseNames.size() + " phase names for "
                    + phases + " phases");
        }
        constants = ordered(constants);
        neuronTypes = ordered(neuronTypes);
        populations = ordered(populations);
        generators = ordered(generators);
        rules = ordered(rules);
        matrices = ordered(matrices);
        connections = listOf("connections", connections);
        checkRanges(name, phases, neuronTypes, populations, generators, rules, connections, readout);
    }

    /**
     * Every number the description gives that the chip or the runtime bounds, checked here in the language's
     * words (rather than later in the chip's, or not at all where an array of that size would be made).
     */
    private static void checkRanges(String name, int phases, Map<String, NeuronType> neuronTypes,
            Map<String, Population> populations, Map<String, Generator> generators, Map<String, Rule> rules,
            List<Connection> connections, Readout readout) {
        String circuit = "circuit " + name + ": ";
        neuronTypes.forEach((type, t) -> {
            String where = circuit + "neuron type " + type;
            range(where, "threshold", t.threshold(), 0, CompartmentPrototype.MAX_VTH_MANT);
            range(where, "bias mantissa", t.bias().get(0), CompartmentPrototype.MIN_BIAS_MANT,
                    CompartmentPrototype.MAX_BIAS_MANT);
            range(where, "bias exponent", t.bias().get(1), 0, CompartmentPrototype.MAX_BIAS_EXP);
            range(where, "refractory", t.refractory(), 1, CompartmentPrototype.MAX_REFRACTORY_DELAY);
            range(where, "du", t.dU(), 0, CompartmentPrototype.MAX_DECAY);
            range(where, "dv", t.dV(), 0, CompartmentPrototype.MAX_DECAY);
        });
        populations.forEach((population, p) -> {
            if (p.phases() != null) {
                p.phases().forEach(phase -> range(circuit + "population " + population, "phase", phase, 0, phases - 1));
            }
        });
        generators.forEach((generator, g) -> {
            boolean once = g.emits().equals(HostInputs.ONCE);
            // a generator that fires once may fire before sample 0, back to the first timestep
            g.at().forEach(at -> range(circuit + "generator " + generator, "at", at, once ? -phases : 1, phases));
            g.neurons().forEach(n -> range(circuit + "generator " + generator, "neuron", n, 0, Integer.MAX_VALUE));
        });
        rules.forEach((rule, r) -> range(circuit + "rule " + rule, "epoch", r.epoch(), 1,
                LearningSettings.MAX_T_EPOCH));
        connections.forEach(c -> {
            if (c.delay() < 0 || c.delay() > Loihi1Model.MAX_DELAY) {
                throw new IllegalArgumentException(circuit + "connection " + c.name() + ": delay " + c.delay()
                        + " is out of range 0 .. " + Loihi1Model.MAX_DELAY + " (the chip's longest synaptic delay)");
            }
        });
        if (readout != null) {
            range(circuit + "readout", "phase", readout.phase(), 0, phases - 1);
        }
    }

    private static void range(String where, String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(where + ": " + field + " " + value + " is out of range " + min + " .. "
                    + max);
        }
    }

    /** The name of phase {@code p}: its given name, else its number. */
    public String phaseName(int p) {
        return phaseNames.isEmpty() ? Integer.toString(p) : phaseNames.get(p);
    }

    /** The readout, if the circuit gives a class. */
    public Optional<Readout> classReadout() {
        return Optional.ofNullable(readout);
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        if (map == null) {
            return Map.of();
        }
        map.forEach((key, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("'" + key + "' has no value");
            }
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A copy of a list the description gives, whose elements must all be given ({@code ~} is refused). */
    private static <T> List<T> listOf(String field, List<T> list) {
        if (list == null) {
            throw new IllegalArgumentException("'" + field + "' has no value");
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] has no value");
            }
        }
        return List.copyOf(list);
    }

    /** A required text, refused when written as {@code ~}. */
    private static void given(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' has no value");
        }
    }

    /**
     * A compartment prototype: memoryless (the current and voltage are emptied every timestep, as
     * every sBP population is) unless decays are given.
     *
     * @param threshold  threshold mantissa (x 64 on the chip)
     * @param bias       bias as [mantissa, exponent]
     * @param refractory refractory delay, 1 for none
     * @param dU         current decay, 4096 (memoryless) by default
     * @param dV         voltage decay, 4096 (memoryless) by default
     */
    public record NeuronType(
            @JsonProperty(value = "threshold", required = true) int threshold,
            @JsonProperty("bias") List<Integer> bias,
            @JsonProperty("refractory") Integer refractory,
            @JsonProperty("du") Integer dU,
            @JsonProperty("dv") Integer dV) {

        public NeuronType {
            bias = bias == null ? List.of(0, 0) : listOf("bias", bias);
            if (bias.size() != 2) {
                throw new IllegalArgumentException("bias " + bias + ": expected [mantissa, exponent]");
            }
            refractory = refractory == null ? 1 : refractory;
            dU = dU == null ? 4096 : dU;
            dV = dV == null ? 4096 : dV;
        }
    }

    /**
     * A population.
     *
     * @param size   a whole number or an {@link Expression} of the parameters, e.g. {@code hidden[0]}
     * @param type   its neuron type's name
     * @param phases the phases in which it is meant to fire; a spike at any other time is counted as out
     *               of phase. Absent: not checked.
     */
    public record Population(
            @JsonProperty(value = "size", required = true) String size,
            @JsonProperty(value = "type", required = true) String type,
            @JsonProperty("phases") List<Integer> phases) {

        public Population {
            given("size", size);
            given("type", type);
            phases = phases == null ? null : listOf("phases", phases);
        }
    }

    /**
     * A spike generator the host drives.
     *
     * @param size    a whole number or an expression of the parameters
     * @param emits   what it sends, by kind: {@code sample-input} (the sample's active inputs),
     *                {@code sample-target} (the neuron of the sample's class), {@code every-sample} (each of its
     *                neurons, every sample), {@code pattern} (the neurons listed in {@code neurons}, every
     *                sample), {@code once} (each neuron once, before the first sample), or a kind the circuit
     *                adds ({@link HostInput})
     * @param at      the timesteps within a sample at which it emits, counted from the one in which the
     *                sample's first gate fires: 1 .. phases (phases is also offset 0 of the next sample);
     *                negative for a generator that fires {@code once} before sample 0
     * @param neurons the neurons a {@code pattern} sends
     */
    public record Generator(
            @JsonProperty(value = "size", required = true) String size,
            @JsonProperty(value = "emits", required = true) String emits,
            @JsonProperty(value = "at", required = true) List<Integer> at,
            @JsonProperty("neurons") List<Integer> neurons) {

        public Generator {
            given("size", size);
            given("emits", emits);
            at = listOf("at", at);
            neurons = neurons == null ? List.of() : listOf("neurons", neurons);
        }
    }

    /**
     * A learning rule, as the chip's learning engine takes it.
     *
     * @param rule   the rule in NxSDK syntax, e.g. {@code dw = y0*x0*r1*4 - y0*x0*2}
     * @param reward the generator or population whose spikes drive the rule's reinforcement channel, if any
     *               (its reward trace takes an impulse of 1 per spike and holds it for the epoch)
     * @param epoch  the learning epoch in timesteps, 1 by default
     */
    public record Rule(
            @JsonProperty(value = "rule", required = true) String rule,
            @JsonProperty("reward") String reward,
            @JsonProperty("epoch") Integer epoch) {

        public Rule {
            given("rule", rule);
            epoch = epoch == null ? 1 : epoch;
        }
    }

    /**
     * A weight matrix: 8-bit mixed-sign mantissas (steps of 2 from -256 to 254), acting at a weight exponent.
     *
     * @param shape    [rows, columns], each a whole number or an expression of the parameters
     * @param rule     the name of the rule it learns by; absent: it stays fixed
     * @param exponent the weight exponent of every connection holding the matrix, -8 .. 7, 0 by default: a
     *                 mantissa w acts as {@code floor(w * 2^exponent)} mantissa units at exponent 0, while
     *                 the rule still moves w itself (so a lower exponent also makes the rule's step smaller
     *                 against the thresholds)
     */
    public record Matrix(
            @JsonProperty(value = "shape", required = true) List<String> shape,
            @JsonProperty("rule") String rule,
            @JsonProperty("exponent") Integer exponent) {

        public Matrix {
            shape = listOf("shape", shape);
            exponent = exponent == null ? 0 : exponent;
        }

        /** The rule's name, if the matrix learns. */
        public Optional<String> learningRule() {
            return Optional.ofNullable(rule);
        }
    }

    /**
     * A connection.
     *
     * @param from   source population or generator
     * @param to     target population
     * @param weight the weight expression
     * @param delay  synaptic delay, 0 by default
     * @param mask   {@code one-to-one}, {@code all-to-all} or {@code one-to-all}; by default
     *               all-to-all for a weight matrix, one-to-all from a source of size 1, else one-to-one
     */
    public record Connection(
            @JsonProperty(value = "from", required = true) String from,
            @JsonProperty(value = "to", required = true) String to,
            @JsonProperty(value = "weight", required = true) String weight,
            @JsonProperty("delay") Integer delay,
            @JsonProperty("mask") String mask) {

        @JsonCreator
        public Connection {
            given("from", from);
            given("to", to);
            given("weight", weight);
            delay = delay == null ? 0 : delay;
        }

        /** A name unique within the circuit: {@code from->to}, with {@code .d<delay>} when delayed. */
        public String name() {
            return from + "->" + to + (delay == 0 ? "" : ".d" + delay);
        }
    }

    /**
     * Where a sample's class is read: the output population in the phase it fires in. The prediction is
     * the first output that fires (output 0 when none does); the potential of an output is its input
     * current in that timestep, in mantissa units, less {@code potentialOffset} (the gate's lift).
     *
     * @param population      the output population, one unit per class
     * @param phase           the phase in which it fires
     * @param potentialOffset a constant's name or a whole number subtracted from the current
     * @param hidden          populations whose units are reported as dead when they never fire (each read in
     *                        the first phase it declares)
     */
    public record Readout(
            @JsonProperty(value = "population", required = true) String population,
            @JsonProperty(value = "phase", required = true) int phase,
            @JsonProperty("potential-offset") String potentialOffset,
            @JsonProperty("hidden") List<String> hidden) {

        public Readout {
            potentialOffset = potentialOffset == null ? "0" : potentialOffset;
            given("population", population);
            hidden = hidden == null ? List.of() : listOf("hidden", hidden);
        }
    }
}
