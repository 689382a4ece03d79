package org.synfire.chip.api.network;

/**
 * A reinforcement channel: every spike of {@code source} (a generator or a compartment group, any of
 * its members) is a reward spike for the learning rules that name this channel.
 */
public record ReinforcementChannel(String name, String source) {

    public ReinforcementChannel {
        Check.name("reinforcement channel", name);
        Check.name("reinforcement channel " + name + " source", source);
    }
}
