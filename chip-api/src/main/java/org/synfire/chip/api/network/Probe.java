package org.synfire.chip.api.network;

import java.util.Objects;

/**
 * Records state of a group (spikes, current, voltage) or a connection (weights) at the end of the
 * spiking phase of timesteps {@code t0, t0 + every, t0 + 2 * every, ...}.
 *
 * @param name   unique among probes
 * @param kind   what is recorded
 * @param target a group name (spikes, current, voltage) or a connection name (weights)
 * @param t0     first recorded timestep, 0 or more
 * @param every  recording interval in timesteps, 1 or more
 */
public record Probe(String name, Kind kind, String target, int t0, int every) {

    /** What a probe records. */
    public enum Kind {
        /** 1 if the compartment spiked in the timestep, else 0. */
        SPIKES,
        /** The current u. */
        CURRENT,
        /** The voltage v. */
        VOLTAGE,
        /** The weight mantissas of a connection, in its mask's synapse order. */
        WEIGHTS
    }

    public Probe {
        Check.name("probe", name);
        Objects.requireNonNull(kind, "probe " + name + ": kind");
        Check.name("probe " + name + " target", target);
        Check.range("probe " + name, "t0", t0, 0, Integer.MAX_VALUE);
        Check.range("probe " + name, "every", every, 1, Integer.MAX_VALUE);
    }

    /** A probe recording every timestep from 0. */
    public static Probe of(String name, Kind kind, String target) {
        return new Probe(name, kind, target, 0, 1);
    }
}
