package org.synfire.chip.api.spi;

/**
 * Extension point for learning circuits: a circuit that trains and evaluates a network, either on a
 * chip backend or as a functional model that needs none.
 */
public interface CircuitProvider extends Extension {
}
