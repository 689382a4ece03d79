package org.synfire.chip.api.network;

import java.util.Objects;
import java.util.Optional;

/**
 * A population of {@code size} identical compartments, laid out contiguously on the cores.
 *
 * @param name      unique among groups and generators
 * @param size      number of compartments, at least 1
 * @param prototype the parameters every compartment shares
 * @param pin       cores the group must be placed on, if the user chose them
 */
public record CompartmentGroup(String name, int size, CompartmentPrototype prototype, Optional<CoreRange> pin) {

    public CompartmentGroup {
        Check.name("group", name);
        Check.range("group " + name, "size", size, 1, Integer.MAX_VALUE);
        Objects.requireNonNull(prototype, "group " + name + ": prototype");
        Objects.requireNonNull(pin, "group " + name + ": pin");
    }
}
