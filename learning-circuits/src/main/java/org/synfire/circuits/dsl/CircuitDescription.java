package org.synfire.circuits.dsl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A circuit written as data: neuron types, populations, spike generators, weight matrices and
 * the connections between them, with sizes given by parameters. {@link CircuitCompiler} turns it into
 * a chip network for given parameter values and initial weights. Read with {@link CircuitDescriptions}.
 *
 * <p>Weights are written in mantissa units at exponent 0 (the chip multiplies them by 64), as names
 * of constants, sums of them ({@code G+GM}), negations ({@code -R}), integers, or a weight matrix
 * ({@code W1}), its transpose ({@code W2^T}) or its negated transpose ({@code -W2^T}). Matrices learn
 * by the rule of the {@code weights} section when it has one, and stay fixed otherwise.
 *
 * @param name        the circuit's name
 * @param description one line for listings
 * @param parameters  names of the size parameters, e.g. {@code n_in}
 * @param phases      timesteps per sample
 * @param constants   named weights
 * @param neuronTypes compartment prototypes by name
 * @param populations compartment groups by name, in the order they are placed on the chip
 * @param generators  spike generators by name
 * @param weights     the weight matrices and their learning rule, if any
 * @param connections every connection
 */
public record CircuitDescription(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("description") String description,
        @JsonProperty("parameters") List<String> parameters,
        @JsonProperty(value = "phases", required = true) int phases,
        @JsonProperty("constants") Map<String, Integer> constants,
        @JsonProperty(value = "neuron-types", required = true) Map<String, NeuronType> neuronTypes,
        @JsonProperty(value = "populations", required = true) Map<String, Population> populations,
        @JsonProperty("generators") Map<String, Generator> generators,
        @JsonProperty("weights") WeightMatrices weights,
        @JsonProperty(value = "connections", required = true) List<Connection> connections) {

    public CircuitDescription {
        description = description == null ? "" : description;
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        constants = constants == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(constants));
        generators = generators == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(generators));
        neuronTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(neuronTypes));
        populations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(populations));
        connections = List.copyOf(connections);
    }

    /** The weight matrices, if the circuit has any. */
    public Optional<WeightMatrices> matrices() {
        return Optional.ofNullable(weights);
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
            bias = bias == null ? List.of(0, 0) : List.copyOf(bias);
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
     * @param size   a number or the name of a parameter
     * @param type   its neuron type's name
     * @param phases the phases (rows of the circuit's phase table) in which it is meant to fire; a
     *               spike at any other time is counted as out of phase. Absent: not checked.
     */
    public record Population(
            @JsonProperty(value = "size", required = true) String size,
            @JsonProperty(value = "type", required = true) String type,
            @JsonProperty("phases") List<Integer> phases) {

        public Population {
            phases = phases == null ? null : List.copyOf(phases);
        }
    }

    /**
     * A spike generator the host drives.
     *
     * @param size  a number or the name of a parameter
     * @param emits what it sends: the sample's input, the sample's target (one-hot), a spike of its
     *              every neuron each sample, or a spike once before the first sample
     * @param at    the timesteps within a sample at which it emits, counted from the one in which the
     *              sample's first gate fires: 1 .. phases (phases is also offset 0 of the next sample);
     *              negative for a generator that fires {@code once} before sample 0
     */
    public record Generator(
            @JsonProperty(value = "size", required = true) String size,
            @JsonProperty(value = "emits", required = true) Emits emits,
            @JsonProperty(value = "at", required = true) List<Integer> at) {

        public Generator {
            at = List.copyOf(at);
        }
    }

    /** What a generator sends. */
    public enum Emits {
        @JsonProperty("sample-input") SAMPLE_INPUT,
        @JsonProperty("sample-target") SAMPLE_TARGET,
        @JsonProperty("every-sample") EVERY_SAMPLE,
        @JsonProperty("once") ONCE
    }

    /**
     * The weight matrices, 8-bit mixed-sign mantissas at exponent 0, and the rule every connection
     * holding one learns with.
     *
     * @param rule     the learning rule in NxSDK syntax; absent: the matrices stay fixed
     * @param reward   the generator that drives the rule's reinforcement channel, if any
     * @param matrices matrix name to [rows, columns], each a number or a parameter
     */
    public record WeightMatrices(
            @JsonProperty("rule") String rule,
            @JsonProperty("reward") String reward,
            @JsonProperty(value = "matrices", required = true) Map<String, List<String>> matrices) {

        public WeightMatrices {
            matrices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matrices));
            if (rule == null && reward != null) {
                throw new IllegalArgumentException("weights: a reward (" + reward + ") needs a learning rule");
            }
        }

        /** The rule, if the matrices learn. */
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
            delay = delay == null ? 0 : delay;
        }

        /** A name unique within the circuit: {@code from->to}, with {@code .d<delay>} when delayed. */
        public String name() {
            return from + "->" + to + (delay == 0 ? "" : ".d" + delay);
        }
    }
}
