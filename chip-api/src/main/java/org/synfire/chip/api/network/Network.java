package org.synfire.chip.api.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A complete network: what a backend compiles onto its chips. Immutable; the constructor checks that
 * names are unique and that every reference (connection ends, reward channels, probe targets) exists
 * and that each connection's mask suits the sizes of its ends.
 *
 * @param groups      compartment groups, laid out in this order
 * @param generators  spike generators (host input)
 * @param connections connection groups
 * @param channels    reinforcement channels
 * @param probes      probes
 */
public record Network(List<CompartmentGroup> groups, List<SpikeGenerator> generators,
        List<ConnectionGroup> connections, List<ReinforcementChannel> channels, List<Probe> probes) {

    public Network {
        groups = List.copyOf(groups);
        generators = List.copyOf(generators);
        connections = List.copyOf(connections);
        channels = List.copyOf(channels);
        probes = List.copyOf(probes);
        Map<String, Integer> sizes = new HashMap<>();
        for (CompartmentGroup g : groups) {
            unique(sizes, "group", g.name(), g.size());
        }
        for (SpikeGenerator g : generators) {
            unique(sizes, "generator", g.name(), g.size());
        }
        Set<String> groupNames = new HashSet<>();
        groups.forEach(g -> groupNames.add(g.name()));
        Set<String> channelNames = new HashSet<>();
        for (ReinforcementChannel c : channels) {
            if (!channelNames.add(c.name())) {
                throw new IllegalArgumentException("reinforcement channel " + c.name() + " is defined twice");
            }
            if (!sizes.containsKey(c.source())) {
                throw new IllegalArgumentException("reinforcement channel " + c.name() + ": source " + c.source()
                        + " is neither a group nor a generator");
            }
        }
        Set<String> connectionNames = new HashSet<>();
        for (ConnectionGroup c : connections) {
            String where = "connection " + c.name();
            if (!connectionNames.add(c.name())) {
                throw new IllegalArgumentException(where + " is defined twice; name one of them");
            }
            Integer pre = sizes.get(c.source());
            if (pre == null) {
                throw new IllegalArgumentException(where + ": source " + c.source()
                        + " is neither a group nor a generator");
            }
            if (!groupNames.contains(c.target())) {
                throw new IllegalArgumentException(where + ": target " + c.target() + " is not a compartment group");
            }
            int n = c.mask().synapseCount(where, pre, sizes.get(c.target()));
            if (n != c.synapseCount()) {
                throw new IllegalArgumentException(where + ": " + c.synapseCount() + " synapses given, but its mask "
                        + c.mask() + " of " + pre + " x " + sizes.get(c.target()) + " has " + n);
            }
            Optional<String> reward = c.learning().flatMap(LearningRule::rewardChannel);
            if (reward.isPresent() && !channelNames.contains(reward.get())) {
                throw new IllegalArgumentException(where + ": reward channel " + reward.get() + " is not defined");
            }
        }
        Set<String> probeNames = new HashSet<>();
        for (Probe p : probes) {
            if (!probeNames.add(p.name())) {
                throw new IllegalArgumentException("probe " + p.name() + " is defined twice");
            }
            boolean ok = p.kind() == Probe.Kind.WEIGHTS ? connectionNames.contains(p.target())
                    : groupNames.contains(p.target());
            if (!ok) {
                throw new IllegalArgumentException("probe " + p.name() + ": target " + p.target() + " is not a "
                        + (p.kind() == Probe.Kind.WEIGHTS ? "connection" : "compartment group"));
            }
        }
    }

    private static void unique(Map<String, Integer> sizes, String what, String name, int size) {
        if (sizes.putIfAbsent(name, size) != null) {
            throw new IllegalArgumentException(what + " " + name
                    + ": the name is already used by a group or generator");
        }
    }

    /** The group called {@code name}. */
    public Optional<CompartmentGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The generator called {@code name}. */
    public Optional<SpikeGenerator> generator(String name) {
        return generators.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The connection called {@code name}. */
    public Optional<ConnectionGroup> connection(String name) {
        return connections.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The size of the group or generator called {@code name}. */
    public int sizeOf(String name) {
        return group(name).map(CompartmentGroup::size).or(() -> generator(name).map(SpikeGenerator::size))
                .orElseThrow(() -> new IllegalArgumentException(name + " is neither a group nor a generator"));
    }

    /** Number of compartments of all groups. */
    public int compartmentCount() {
        return groups.stream().mapToInt(CompartmentGroup::size).sum();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a network member by member; each member is validated as it is added. */
    public static final class Builder {
        private final List<CompartmentGroup> groups = new ArrayList<>();
        private final List<SpikeGenerator> generators = new ArrayList<>();
        private final List<ConnectionGroup> connections = new ArrayList<>();
        private final List<ReinforcementChannel> channels = new ArrayList<>();
        private final List<Probe> probes = new ArrayList<>();
        private final Map<String, Integer> sizes = new HashMap<>();

        private Builder() {
        }

        /** Adds a group of {@code size} neurons of a model. */
        public Builder group(String name, int size, NeuronModel prototype) {
            return add(new CompartmentGroup(name, size, prototype, Optional.empty()));
        }

        /**
         * Adds a group whose model parameters are built here (by a model's builder), so that an invalid value is
         * reported with the group's name.
         */
        public Builder group(String name, int size, Supplier<? extends NeuronModel> prototype) {
            NeuronModel p;
            try {
                p = prototype.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("group " + name + ": " + e.getMessage(), e);
            }
            return group(name, size, p);
        }

        /**
         * Adds a group of {@code size} neurons whose bias mantissas are {@code biasMants}, one per neuron (the
         * exponent is the model's).
         */
        public Builder group(String name, int size, NeuronModel prototype, int[] biasMants) {
            return add(new CompartmentGroup(name, size, prototype, Optional.empty(), biasMants, new int[0]));
        }

        /** Adds a group pinned to cores {@code pin}. */
        public Builder group(String name, int size, NeuronModel prototype, CoreRange pin) {
            return add(new CompartmentGroup(name, size, prototype, Optional.of(pin)));
        }

        public Builder add(CompartmentGroup group) {
            if (sizes.putIfAbsent(group.name(), group.size()) != null) {
                throw new IllegalArgumentException("group " + group.name() + ": the name is already used");
            }
            groups.add(group);
            return this;
        }

        public Builder add(SpikeGenerator generator) {
            if (sizes.putIfAbsent(generator.name(), generator.size()) != null) {
                throw new IllegalArgumentException("generator " + generator.name() + ": the name is already used");
            }
            generators.add(generator);
            return this;
        }

        /** Adds a generator whose spikes are all injected at run time. */
        public Builder generator(String name, int size) {
            return add(SpikeGenerator.hostInjected(name, size));
        }

        /** Starts a connection from {@code source} (group or generator) to {@code target} (group). */
        public ConnectionGroup.Builder connect(String source, String target) {
            Integer pre = sizes.get(source);
            Integer post = sizes.get(target);
            if (pre == null || post == null) {
                throw new IllegalArgumentException("connection " + source + "->" + target + ": "
                        + (pre == null ? source : target) + " has not been added yet");
            }
            return new ConnectionGroup.Builder(this, source, target, pre, post);
        }

        public Builder add(ConnectionGroup connection) {
            connections.add(connection);
            return this;
        }

        public Builder add(ReinforcementChannel channel) {
            channels.add(channel);
            return this;
        }

        /** Adds a reinforcement channel driven by the spikes of {@code source}. */
        public Builder channel(String name, String source) {
            return add(new ReinforcementChannel(name, source));
        }

        public Builder add(Probe probe) {
            probes.add(probe);
            return this;
        }

        /** Adds a probe recording every timestep from 0. */
        public Builder probe(String name, Probe.Kind kind, String target) {
            return add(Probe.of(name, kind, target));
        }

        public Network build() {
            return new Network(groups, generators, connections, channels, probes);
        }
    }
}
