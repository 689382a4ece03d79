package org.synfire.chip.api.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.Network;

/**
 * What a chip backend supports: the neuron models it runs, the weights, delays and spikes its synapses carry, the
 * learning-rule dialects it understands, and the resources of one core and one chip. A backend declares it through
 * {@link ChipBackend#capabilities()} and refuses a network that asks for more, in one line naming the feature and
 * the backend. Plain data, for listings and for the tools that size a network before opening it.
 *
 * @param chip              the chip the backend emulates or drives, e.g. {@code Loihi 1}
 * @param neuronModels      the neuron models it runs ({@code NeuronModel.modelName()}), each with a short note on
 *                          where it comes from
 * @param weights           the weight mantissas and exponents its synapses hold
 * @param maxDelay          the longest synaptic delay in timesteps (a spike emitted at {@code t} arrives at
 *                          {@code t + 1 + delay})
 * @param gradedSpikeBits   payload bits of a graded spike that a network can use on this backend, 0 for binary
 *                          spikes only
 * @param refractoryPeriods whether a neuron can have a refractory period ({@code refractoryDelay > 1})
 * @param ruleDialects      the learning-rule dialects it learns with ({@code LearningRule.dialect()}; empty: no
 *                          learning)
 * @param perCore           resources and limits of one core
 * @param perChip           resources and limits of one chip
 */
public record BackendCapabilities(String chip, List<Feature> neuronModels, WeightFormat weights, int maxDelay,
        int gradedSpikeBits, boolean refractoryPeriods, List<Feature> ruleDialects, List<Resource> perCore,
        List<Resource> perChip) {

    public BackendCapabilities {
        Objects.requireNonNull(chip, "chip");
        Objects.requireNonNull(weights, "weights");
        neuronModels = List.copyOf(neuronModels);
        ruleDialects = List.copyOf(ruleDialects);
        perCore = List.copyOf(perCore);
        perChip = List.copyOf(perChip);
        if (maxDelay < 0 || gradedSpikeBits < 0) {
            throw new IllegalArgumentException("capabilities of " + chip + ": maxDelay " + maxDelay
                    + " and gradedSpikeBits " + gradedSpikeBits + " cannot be negative");
        }
    }

    /**
     * A feature by name, e.g. a neuron model or a rule dialect, with a short note on what it is and where it comes
     * from.
     */
    public record Feature(String name, String note) {

        public Feature {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(note, "note");
        }

        @Override
        public String toString() {
            return name + ": " + note;
        }
    }

    /**
     * The weights a backend's synapses hold: mantissas of {@code minBits .. maxBits} bits (8 bits: -256 .. 255 with
     * the sign mode's range) and one exponent per connection in {@code minExponent .. maxExponent}.
     */
    public record WeightFormat(int minBits, int maxBits, int minExponent, int maxExponent) {

        public WeightFormat {
            if (minBits < 1 || maxBits < minBits || maxExponent < minExponent) {
                throw new IllegalArgumentException("weight format: bits " + minBits + ".." + maxBits + ", exponent "
                        + minExponent + ".." + maxExponent + " is not valid: expected 1 <= minBits <= maxBits and "
                        + "minExponent <= maxExponent");
            }
        }
    }

    /**
     * One resource or limit, e.g. the compartments of a core.
     *
     * @param name   what it is, e.g. {@code compartments}
     * @param value  how many; empty where no public figure exists
     * @param unit   the unit of {@code value}, e.g. {@code bytes}, or empty for a count
     * @param source where the figure comes from, or why there is none
     */
    public record Resource(String name, OptionalLong value, String unit, String source) {

        public Resource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(source, "source");
        }

        /** A resource with a known figure. */
        public static Resource of(String name, long value, String unit, String source) {
            return new Resource(name, OptionalLong.of(value), unit, source);
        }

        /** A resource for which no public figure exists; {@code why} says so and what is known. */
        public static Resource unknown(String name, String unit, String why) {
            return new Resource(name, OptionalLong.empty(), unit, why);
        }
    }

    /** The resource of one core called {@code name}. */
    public Optional<Resource> core(String name) {
        return perCore.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The resource of one chip called {@code name}. */
    public Optional<Resource> chipResource(String name) {
        return perChip.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Whether the backend runs the neuron model called {@code name}. */
    public boolean runsNeuronModel(String name) {
        return neuronModels.stream().anyMatch(f -> f.name().equals(name));
    }

    /** Whether the backend learns with the rule dialect called {@code name}. */
    public boolean learnsWith(String name) {
        return ruleDialects.stream().anyMatch(f -> f.name().equals(name));
    }

    /**
     * Checks that {@code network} asks for nothing these capabilities lack: each group's neuron model, each
     * connection's weight exponent, weight bits, delays and learning dialect.
     *
     * @param backend the backend's id, for the message
     * @throws IllegalArgumentException in one line naming the backend, the feature and the group or connection
     */
    public void check(Network network, String backend) {
        for (CompartmentGroup g : network.groups()) {
            String model = g.prototype().modelName();
            if (!runsNeuronModel(model)) {
                throw new IllegalArgumentException("backend " + backend + ": neuron model " + model
                        + " is not supported (group " + g.name() + "); it runs " + names(neuronModels));
            }
        }
        for (ConnectionGroup c : network.connections()) {
            String where = " (connection " + c.name() + ")";
            if (c.exponent() < weights.minExponent() || c.exponent() > weights.maxExponent()) {
                throw new IllegalArgumentException("backend " + backend + ": weight exponent " + c.exponent()
                        + " is out of range " + weights.minExponent() + ".." + weights.maxExponent() + where);
            }
            if (c.weightBits() < weights.minBits() || c.weightBits() > weights.maxBits()) {
                throw new IllegalArgumentException("backend " + backend + ": " + c.weightBits()
                        + " weight bits are out of range " + weights.minBits() + ".." + weights.maxBits() + where);
            }
            if (c.maxDelay() > maxDelay) {
                throw new IllegalArgumentException("backend " + backend + ": delay " + c.maxDelay()
                        + " is longer than its longest, " + maxDelay + where);
            }
            if (c.learning().isPresent()) {
                String dialect = c.learning().get().dialect();
                if (ruleDialects.isEmpty()) {
                    throw new IllegalArgumentException("backend " + backend + ": learning rules are not supported"
                            + where);
                }
                if (!learnsWith(dialect)) {
                    throw new IllegalArgumentException("backend " + backend + ": rule dialect " + dialect
                            + " is not supported" + where + "; it learns with " + names(ruleDialects));
                }
            }
        }
    }

    private static String names(List<Feature> features) {
        return features.isEmpty() ? "none"
                : String.join(", ", features.stream().map(Feature::name).toList());
    }
}
