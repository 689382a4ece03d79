package org.synfire.chip.api.spi;

import java.util.Set;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.TrainingSession;

/**
 * Extension point for learning circuits: a circuit that trains and evaluates a network, either on a
 * chip backend or as a functional model that needs none.
 */
public interface CircuitProvider extends Extension {

    /** Whether {@link #open} needs a chip backend. */
    boolean needsBackend();

    /**
     * Opens a training session with fresh weights drawn from the settings' seed.
     *
     * @param backend the chip backend to run on; ignored (may be null) when {@link #needsBackend()} is false
     */
    TrainingSession open(CircuitSettings settings, ChipBackend backend);

    /**
     * The names of the {@link CircuitSettings#parameters() parameters} this circuit reads; the command line
     * shows only these (a circuit without hidden layers is not said to have any). By default the layered
     * network's {@link CircuitSettings#INPUTS}, {@link CircuitSettings#HIDDEN} and {@link CircuitSettings#OUTPUTS}.
     */
    default Set<String> parameters() {
        return Set.of(CircuitSettings.INPUTS, CircuitSettings.HIDDEN, CircuitSettings.OUTPUTS);
    }

    /**
     * Refuses a number of hidden layers the circuit cannot be built with, before anything of that depth is made:
     * the command line asks it of {@code --hidden}, an experiment's {@code hidden} and a sweep's values. By
     * default every number is taken.
     *
     * @param layers the number of hidden layers asked for
     * @throws IllegalArgumentException in one line: the most hidden layers the circuit takes, and why
     */
    default void requireHiddenLayers(int layers) {
    }
}
