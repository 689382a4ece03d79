package org.synfire.chip.api;

/**
 * A network compiled onto (real or emulated) chips, ready to run. Timesteps are numbered from 0;
 * {@link #timestep()} is the next one to run. Not thread-safe.
 */
public interface ChipSimulation extends AutoCloseable {

    /** The next timestep {@link #run} will run (the number of timesteps run so far). */
    int timestep();

    /**
     * Makes source {@code neuron} of generator {@code generator} spike at timestep {@link #timestep()}
     * (its targets receive it at {@code timestep() + 1 + delay}), in addition to its scheduled spikes. A source
     * spikes at most once per timestep, however often it is scheduled or injected for it.
     *
     * @throws IllegalArgumentException if there is no such generator or neuron
     */
    void inject(String generator, int neuron);

    /**
     * As {@link #inject(String, int)} for every source {@code i < size} of generator {@code generator} whose entry
     * {@code pattern[offset + i]} is not zero (a sample's binary input, for example).
     *
     * @throws IllegalArgumentException if there is no such generator or it has fewer than {@code size} sources
     * @throws IndexOutOfBoundsException if {@code offset .. offset + size - 1} is not within {@code pattern}
     */
    default void injectPattern(String generator, byte[] pattern, int offset, int size) {
        java.util.Objects.checkFromIndexSize(offset, size, pattern.length);
        for (int i = 0; i < size; i++) {
            if (pattern[offset + i] != 0) {
                inject(generator, i);
            }
        }
    }

    /** Runs {@code timesteps} timesteps. */
    void run(int timesteps);

    /** What probe {@code probe} recorded so far. */
    ProbeData probe(String probe);

    /** The current weight mantissas of connection {@code connection}, as stored on the chip, in its mask order. */
    int[] weights(String connection);

    /** The spike traffic of the timesteps run so far. */
    TrafficCounts traffic();

    /** The work of the cores in the timesteps run so far. */
    ActivityCounts activity();

    /**
     * Every event that costs energy or time in the timesteps run so far, per core in use: cumulative, so the
     * difference of two snapshots ({@link ChipEvents#minus}) gives a window's.
     */
    ChipEvents events();

    /**
     * Writes the counts of {@link #events()} into {@code into}, in the layout of {@link ChipEvents#writeCounts},
     * for a caller that reads them every timestep. The default takes a snapshot; a backend may write the counts
     * without making records.
     */
    default void eventCounts(long[] into) {
        events().writeCounts(into);
    }

    /** The core (numbered across the board) that holds compartment {@code index} of group {@code group}. */
    int coreOf(String group, int index);

    /**
     * The spikes each compartment group emitted in the timesteps run so far, in the order of the
     * network's groups: cumulative, so that differences give a window's.
     */
    long[] spikesPerGroup();

    /** Writes {@link #spikesPerGroup()} into {@code into} (one entry per group), without a new array if it can. */
    default void spikesPerGroup(long[] into) {
        long[] spikes = spikesPerGroup();
        System.arraycopy(spikes, 0, into, 0, spikes.length);
    }

    /** What the network takes of the chips, core by core. */
    ResourceUsage resources();

    /** Releases the simulation's resources. */
    @Override
    void close();
}
