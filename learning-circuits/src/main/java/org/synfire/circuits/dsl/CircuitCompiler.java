package org.synfire.circuits.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.synfire.chip.api.network.CompartmentGroup;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.LearningRule;
import org.synfire.chip.api.network.Mask;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.ReinforcementChannel;
import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.api.network.SpikeGenerator;
import org.synfire.chip.model.loihi1.CompartmentPrototype;
import org.synfire.chip.model.loihi1.LearningSettings;
import org.synfire.chip.model.loihi1.Loihi1Model;
import org.synfire.chip.model.loihi1.TraceSettings;
import org.synfire.chip.model.loihi1.learning.RuleParser;
import org.synfire.circuits.dsl.CircuitDescription.Connection;
import org.synfire.circuits.dsl.CircuitDescription.Generator;
import org.synfire.circuits.dsl.CircuitDescription.NeuronType;
import org.synfire.circuits.dsl.CircuitDescription.Population;

/** Turns a {@link CircuitDescription} into a chip {@link Network} for given sizes and initial weights. */
public final class CircuitCompiler {

    /** Matrix weights are 8-bit mixed-sign mantissas at exponent 0: steps of 2 from -256 to 254. */
    static final SignMode MATRIX_SIGN_MODE = SignMode.MIXED;
    static final int MATRIX_WEIGHT_BITS = 8;

    private CircuitCompiler() {
    }

    /**
     * Compiles a circuit.
     *
     * @param description the circuit, concrete for its parameters
     * @param matrices    the initial value of every weight matrix, [row][column]
     * @throws IllegalArgumentException naming what is missing, unknown or out of range
     */
    public static CompiledCircuit compile(CircuitDescription description, Map<String, int[][]> matrices) {
        return compile(description, matrices, Map.of());
    }

    /**
     * Compiles a circuit whose matrix connections start from given weights rather than from their
     * matrices: for resuming a circuit whose copies may have drifted apart (saturation).
     *
     * @param connectionWeights weights [pre][post] by connection name; others take their matrix
     */
    public static CompiledCircuit compile(CircuitDescription description, Map<String, int[][]> matrices,
            Map<String, int[][]> connectionWeights) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        List<CompartmentGroup> groups = new ArrayList<>();
        Budget budget = new Budget(description.name());
        description.populations().forEach((name, population) -> {
            sizes.put(name, size(description, population.size(), "population " + name));
            budget.add("population " + name, sizes.get(name), 0);
            groups.add(new CompartmentGroup(name, sizes.get(name), prototype(description, name, population),
                    Optional.empty()));
        });
        int origin = description.phases();
        List<SpikeGenerator> generators = new ArrayList<>();
        description.generators().forEach((name, generator) -> {
            if (sizes.containsKey(name)) {
                throw new IllegalArgumentException(description.name() + ": generator " + name
                        + " has the name of a population");
            }
            sizes.put(name, size(description, generator.size(), "generator " + name));
            // a generator that fires once holds one scheduled spike per neuron and offset
            long once = generator.emits().equals(HostInputs.ONCE) ? (long) generator.at().size() * sizes.get(name) : 0;
            budget.add("generator " + name, sizes.get(name), once);
            generators.add(generator(name, sizes.get(name), generator, origin, description.phases()));
        });

        Map<String, int[]> shapes = new LinkedHashMap<>();
        description.matrices().forEach((name, matrix) -> {
            String where = description.name() + ": matrix " + name;
            if (matrix.shape().size() != 2) {
                throw new IllegalArgumentException(where + ": shape " + matrix.shape() + "; expected [rows, columns]");
            }
            int[] dims = {size(description, matrix.shape().get(0), where), size(description, matrix.shape().get(1), where)};
            shapes.put(name, dims);
            if (matrix.exponent() < Loihi1Model.MIN_EXPONENT || matrix.exponent() > Loihi1Model.MAX_EXPONENT) {
                throw new IllegalArgumentException(where + ": exponent " + matrix.exponent() + "; expected "
                        + Loihi1Model.MIN_EXPONENT + " .. " + Loihi1Model.MAX_EXPONENT);
            }
            int[][] value = matrices.get(name);
            if (value == null || value.length != dims[0] || Arrays.stream(value).anyMatch(r -> r.length != dims[1])) {
                throw new IllegalArgumentException(where + ": an initial value of " + dims[0] + " x " + dims[1]
                        + " is needed" + (value == null ? "" : "; given " + value.length + " x "
                        + (value.length == 0 ? 0 : value[0].length)));
            }
        });
        List<ReinforcementChannel> channels = new ArrayList<>();
        Map<String, LearningSettings> rules = new LinkedHashMap<>();
        description.rules().forEach((name, rule) -> {
            String where = description.name() + ": rule " + name;
            try {
                RuleParser.parse(rule.rule()); // every rule, used or not: a rule that is not one is refused here
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": '" + CircuitLimits.abbreviated(rule.rule()) + "': "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
            }
            LearningSettings settings = LearningSettings.of(rule.rule(), rule.epoch());
            if (rule.reward() != null) {
                if (!sizes.containsKey(rule.reward())) {
                    throw new IllegalArgumentException(where + ": reward " + rule.reward()
                            + " is neither a generator nor a population");
                }
                if (channels.stream().noneMatch(c -> c.name().equals(rule.reward()))) {
                    channels.add(new ReinforcementChannel(rule.reward(), rule.reward()));
                }
                settings = settings.withReward(rule.reward(), new TraceSettings(1, 0));
            }
            rules.put(name, settings);
        });
        Map<String, Optional<LearningSettings>> learning = new LinkedHashMap<>();
        description.matrices().forEach((name, matrix) -> {
            Optional<LearningSettings> rule = matrix.learningRule().map(r -> {
                LearningSettings settings = rules.get(r);
                if (settings == null) {
                    throw new IllegalArgumentException(description.name() + ": matrix " + name + ": rule " + r
                            + " is not defined; defined: " + rules.keySet());
                }
                return settings;
            });
            learning.put(name, rule);
        });

        List<ConnectionGroup> connections = new ArrayList<>();
        List<CompiledCircuit.MatrixConnection> matrixConnections = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> views = new HashSet<>();
        for (Connection c : description.connections()) {
            String where = description.name() + ": connection " + c.name();
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(where + " is defined twice");
            }
            Integer pre = sizes.get(c.from());
            Integer post = description.populations().containsKey(c.to()) ? sizes.get(c.to()) : null;
            if (pre == null || post == null) {
                throw new IllegalArgumentException(where + ": " + (pre == null ? "source " + c.from()
                        : "target " + c.to()) + " is not defined");
            }
            WeightExpression weight = WeightExpression.parse(c.weight(), description.constants(), shapes.keySet(),
                    where);
            Mask mask = mask(c, weight, pre, where);
            budget.synapses(where, mask, pre, post);
            int count = mask.synapseCount(where, pre, post);
            int[] delays = new int[count];
            Arrays.fill(delays, c.delay());
            int[] weights = new int[count];
            if (weight instanceof WeightExpression.Fixed fixed) {
                FixedWeight encoded = FixedWeight.encode(fixed.value(), where);
                Arrays.fill(weights, encoded.mantissa());
                connections.add(new ConnectionGroup(c.name(), c.from(), c.to(), mask, weights, delays, new int[count],
                        encoded.exponent(), encoded.signMode(), FixedWeight.WEIGHT_BITS, 0, Optional.empty()));
            } else {
                WeightExpression.Matrix p = (WeightExpression.Matrix) weight;
                int[] shape = shapes.get(p.matrix());
                int[] expected = p.orientation() == WeightExpression.Orientation.DIRECT ? shape
                        : new int[] {shape[1], shape[0]};
                if (expected[0] != pre || expected[1] != post) {
                    throw new IllegalArgumentException(where + ": " + c.weight() + " is " + expected[0] + " x "
                            + expected[1] + " but connects " + pre + " to " + post);
                }
                int[][] own = connectionWeights.get(c.name());
                if (own != null) {
                    fill(weights, mask, pre, post, own, WeightExpression.Orientation.DIRECT);
                } else {
                    fill(weights, mask, pre, post, matrices.get(p.matrix()), p.orientation());
                }
                connections.add(new ConnectionGroup(c.name(), c.from(), c.to(), mask, weights, delays, new int[count],
                        description.matrices().get(p.matrix()).exponent(), MATRIX_SIGN_MODE, MATRIX_WEIGHT_BITS, 0,
                        learning.get(p.matrix()).map(LearningRule.class::cast)));
                String view = CompiledCircuit.viewName(p.matrix(), p.orientation());
                matrixConnections.add(new CompiledCircuit.MatrixConnection(c.name(), p.matrix(), p.orientation(),
                        shape[0], shape[1], views.add(view)));
            }
        }
        Network network = new Network(groups, generators, connections, channels, List.of());
        return new CompiledCircuit(description, network, Map.copyOf(sizes), matrixConnections, origin);
    }

    /** Writes a matrix into a connection's synapses (in mask order), saturated to the matrices' range. */
    private static void fill(int[] weights, Mask mask, int pre, int post, int[][] matrix,
            WeightExpression.Orientation orientation) {
        int min = MATRIX_SIGN_MODE.minStored(MATRIX_WEIGHT_BITS);
        int max = MATRIX_SIGN_MODE.maxStored(MATRIX_WEIGHT_BITS);
        for (int k = 0; k < weights.length; k++) {
            int i = mask.pre(k, pre, post);
            int j = mask.post(k, pre, post);
            int w = switch (orientation) {
                case DIRECT -> matrix[i][j];
                case TRANSPOSED -> matrix[j][i];
                case NEGATED_TRANSPOSED -> -matrix[j][i];
            };
            weights[k] = MATRIX_SIGN_MODE.truncate(Math.max(min, Math.min(max, w)), MATRIX_WEIGHT_BITS);
        }
    }

    private static Mask mask(Connection c, WeightExpression weight, int pre, String where) {
        String name = c.mask() != null ? c.mask()
                : weight instanceof WeightExpression.Matrix ? "all-to-all"
                : pre == 1 ? "one-to-all" : "one-to-one";
        return switch (name) {
            case "one-to-one" -> new Mask.OneToOne();
            case "all-to-all" -> new Mask.AllToAll();
            case "one-to-all" -> new Mask.OneToAll();
            default -> throw new IllegalArgumentException(where + ": mask '" + name
                    + "'; expected one-to-one, all-to-all or one-to-all");
        };
    }

    private static CompartmentPrototype prototype(CircuitDescription description, String name, Population population) {
        NeuronType type = description.neuronTypes().get(population.type());
        if (type == null) {
            throw new IllegalArgumentException(description.name() + ": population " + name + ": neuron type "
                    + population.type() + " is not defined; defined: " + description.neuronTypes().keySet());
        }
        return CompartmentPrototype.builder().dU(type.dU()).dV(type.dV()).vThMant(type.threshold())
                .bias(type.bias().get(0), type.bias().get(1)).refractoryDelay(type.refractory()).build();
    }

    private static SpikeGenerator generator(String name, int size, Generator generator, int origin, int phases) {
        if (!generator.emits().equals(HostInputs.ONCE)) {
            for (int at : generator.at()) {
                if (at < 1 || at > phases) {
                    throw new IllegalArgumentException("generator " + name + ": at " + at + " is out of range 1.."
                            + phases + " (a sample runs the timesteps 1 .. " + phases + " after its first gate)");
                }
            }
            return SpikeGenerator.hostInjected(name, size);
        }
        int[] times = new int[generator.at().size() * size];
        int[] neurons = new int[times.length];
        int k = 0;
        for (int at : generator.at()) {
            for (int n = 0; n < size; n++) {
                times[k] = origin + at;
                neurons[k++] = n;
            }
        }
        return new SpikeGenerator(name, size, times, neurons);
    }

    /**
     * The memory a circuit claims, added up before each population, generator and connection is made and
     * refused past {@link CircuitLimits#MAX_BYTES}, so that a size of 10^9 is a message, not an exhausted heap.
     */
    private static final class Budget {
        private final String circuit;
        private long compartments;
        private long synapses;

        Budget(String circuit) {
            this.circuit = circuit;
        }

        /** Adds a population's or generator's neurons, and the spikes it schedules (counted as a neuron each). */
        void add(String what, long neurons, long spikes) {
            compartments += neurons + spikes;
            check(what, neurons + " neurons" + (spikes > 0 ? " and " + spikes + " scheduled spikes" : ""));
        }

        void synapses(String where, Mask mask, int pre, int post) {
            long count = switch (mask) {
                case Mask.AllToAll a -> (long) pre * post;
                case Mask.OneToAll a -> post;
                default -> pre;
            };
            synapses += count;
            if (bytes() > CircuitLimits.MAX_BYTES) {
                throw new IllegalArgumentException(where + ": " + count + " synapses (" + pre + " x " + post + ", "
                        + maskName(mask) + ") bring the circuit to " + compartments + " neurons and " + synapses
                        + " synapses, about " + bytes() + " bytes, more than the memory budget of " + CircuitLimits.MAX_BYTES
                        + " bytes (512 MiB)");
            }
        }

        private void check(String what, String own) {
            if (bytes() > CircuitLimits.MAX_BYTES) {
                throw new IllegalArgumentException(circuit + ": " + what + ": " + own + " bring the circuit to "
                        + compartments + " neurons and " + synapses + " synapses, about " + bytes()
                        + " bytes, more than the memory budget of " + CircuitLimits.MAX_BYTES + " bytes (512 MiB)");
            }
        }

        private long bytes() {
            return CircuitLimits.bytes(compartments, synapses);
        }

        private static String maskName(Mask mask) {
            return switch (mask) {
                case Mask.AllToAll a -> "all-to-all";
                case Mask.OneToAll a -> "one-to-all";
                default -> "one-to-one";
            };
        }
    }

    /** A size: a whole number or an expression of the parameters, at least 1. */
    static int size(CircuitDescription description, String size, String where) {
        long value;
        try {
            value = Expression.evaluate(size, description.parameters());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(description.name() + ": " + where + ": size: " + e.getMessage(), e);
        }
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(description.name() + ": " + where + ": size '" + size + "' is " + value
                    + "; expected a whole number from 1 to " + Integer.MAX_VALUE);
        }
        return (int) value;
    }
}
