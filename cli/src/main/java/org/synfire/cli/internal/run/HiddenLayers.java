package org.synfire.cli.internal.run;

import java.util.List;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.spi.CircuitProvider;

/**
 * The depth a circuit takes, checked where hidden layers are given ({@code --hidden}, an experiment's
 * {@code hidden}, a sweep's values) before anything of that depth is built: the circuit says its own limit
 * ({@link CircuitProvider#requireHiddenLayers}), so that nine layers of the chip's sBP circuit are refused in one
 * line naming the limit and why, not deep inside the compiler, and five thousand are not built at all.
 */
public final class HiddenLayers {

    private HiddenLayers() {
    }

    /**
     * Refuses {@code hidden} when the circuit cannot be built with that many layers.
     *
     * @param source where the layers came from, e.g. "experiment quick" or "--hidden"
     * @param hidden the layers given; null when the circuit's own default stands
     */
    public static void require(String source, CircuitProvider circuit, List<Integer> hidden) {
        if (hidden == null || !circuit.parameters().contains(CircuitSettings.HIDDEN)) {
            return;
        }
        try {
            circuit.requireHiddenLayers(hidden.size());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": field 'hidden' (--hidden) has " + hidden.size() + " layers; "
                    + e.getMessage(), e);
        }
    }
}
