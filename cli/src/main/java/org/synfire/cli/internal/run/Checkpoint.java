package org.synfire.cli.internal.run;

import java.util.Map;

/**
 * The state of a training run after {@code samples} training samples: the circuit's weights. With
 * the experiment's seed it is all a resumed run needs to continue exactly.
 *
 * @param samples training samples seen
 * @param weights every weight matrix of the circuit, by name
 */
public record Checkpoint(long samples, Map<String, int[][]> weights) {

    public Checkpoint {
        if (samples < 0) {
            throw new IllegalArgumentException("checkpoint: samples " + samples + " must not be negative");
        }
        weights = Map.copyOf(weights);
    }
}
