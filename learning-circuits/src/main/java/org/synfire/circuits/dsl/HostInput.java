package org.synfire.circuits.dsl;

import java.util.List;

import org.synfire.chip.api.ChipSimulation;

/**
 * A kind of host input: what a spike generator of a circuit sends in each sample, named in its
 * description by {@code emits}. The built-in kinds are in {@link HostInputs}; a circuit adds its own
 * through its {@link CircuitModel}.
 */
@FunctionalInterface
public interface HostInput {

    /**
     * Prepares the sending of one generator, once, when a circuit is opened.
     *
     * @param generator the generator's name
     * @param size      its neurons
     * @param neurons   the neurons its description lists (for kinds that send a fixed pattern)
     * @throws IllegalArgumentException if the generator's description does not suit this kind
     */
    Emitter open(String generator, int size, List<Integer> neurons);

    /** Sends a generator's spikes for one sample, in the timestep it is called for. */
    @FunctionalInterface
    interface Emitter {

        /**
         * @param chip   the simulation, to {@link ChipSimulation#inject} into
         * @param input  the samples' inputs: {@code input[offset + i] != 0} means input i is active
         * @param offset where the sample starts in {@code input}
         * @param label  the sample's class
         */
        void emit(ChipSimulation chip, byte[] input, int offset, int label);
    }
}
