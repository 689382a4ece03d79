package org.synfire.chip.api.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.synfire.chip.api.network.CompartmentPrototype;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.SignMode;

/**
 * What a chip backend supports: the neuron models it runs, the weights, delays and spikes its synapses carry, the
 * learning-rule dialects it understands, and the resources of one core and one chip. A backend declares it through
 * {@link ChipBackend#capabilities()} and refuses a network that asks for more, in one line naming the feature and
 * the backend. Plain data, for listings and for the tools that size a network before opening it.
 *
 * @param chip              the chip the backend emulates or drives, e.g. {@code Loihi 1}
 * @param neuronModels      the neuron models it runs, by name, each with a short note on where it comes from
 * @param weights           the weight mantissas and exponents its synapses hold
 * @param maxDelay          the longest synaptic delay in timesteps (a spike emitted at {@code t} arrives at
 *                          {@code t + 1 + delay})
 * @param gradedSpikeBits   payload bits of a graded spike that a network can use on this backend, 0 for binary
 *                          spikes only
 * @param refractoryPeriods whether a neuron can have a refractory period ({@code refractoryDelay > 1})
 * @param ruleDialects      the learning-rule dialects it learns with (empty: no learning)
 * @param perCore           resources and limits of one core
 * @param perChip           resources and limits of one chip
 */
public record BackendCapabilities(String chip, List<String> neuronModels, WeightFormat weights, int maxDelay,
        int gradedSpikeBits, boolean refractoryPeriods, List<String> ruleDialects, List<Resource> perCore,
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

    private static final String D18 = "Davies et al., IEEE Micro 38(1), 2018";

    /**
     * Loihi 1 as today's network types describe it, and as the {@code loihi1} and {@code loihi1-reference} backends
     * run it: the default of {@link ChipBackend#capabilities()}. The figures are those of the project's Loihi-1
     * semantics page.
     */
    public static final BackendCapabilities LOIHI1 = new BackendCapabilities("Loihi 1",
            List.of("loihi1-cuba-lif: current-based LIF with Loihi-1 registers (dU, dV, vThMant, bias, "
                    + "refractoryDelay)"),
            new WeightFormat(SignMode.MIN_WEIGHT_BITS, SignMode.MAX_WEIGHT_BITS, ConnectionGroup.MIN_EXPONENT,
                    ConnectionGroup.MAX_EXPONENT),
            ConnectionGroup.MAX_DELAY, 0, true, List.of("nxsdk: NxSDK rule text (dw, dd, dt), tEpoch up to 63"),
            List.of(Resource.of("compartments", 1024, "", D18),
                    Resource.of("fan-in axons", 4096, "", D18),
                    Resource.of("fan-out axons", 4096, "", D18),
                    Resource.of("synaptic memory", 128 * 1024, "bytes", D18),
                    Resource.of("refractory delay", CompartmentPrototype.MAX_REFRACTORY_DELAY, "timesteps", D18)),
            List.of(Resource.of("cores", 128, "", D18),
                    Resource.of("neurons", 131_072, "", D18),
                    Resource.of("synapses", 130_000_000L, "", D18)));
}
