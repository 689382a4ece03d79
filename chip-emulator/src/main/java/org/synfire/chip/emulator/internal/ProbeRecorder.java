package org.synfire.chip.emulator.internal;

import java.util.Arrays;

import org.synfire.chip.api.ProbeData;
import org.synfire.chip.api.network.Probe;

/** Records one probe into a growing primitive buffer, {@code columns} values per recorded timestep. */
final class ProbeRecorder {

    private final Probe probe;
    private final CompartmentState state;
    /** First global compartment (state probes). */
    private final int first;
    /** The connection (weight probes), or null. */
    private final Synapses synapses;
    private final int columns;
    private int[] timesteps = new int[16];
    private int[] values;
    private int samples;

    ProbeRecorder(Probe probe, CompartmentState state, int first, int size, Synapses synapses) {
        this.probe = probe;
        this.state = state;
        this.first = first;
        this.synapses = synapses;
        this.columns = synapses != null ? synapses.rowIndexOfMaskIndex.length : size;
        this.values = new int[16 * Math.max(columns, 1)];
    }

    /** Records timestep {@code t} if the probe samples it (called at the end of the spiking phase). */
    void record(int t) {
        if (t < probe.t0() || (t - probe.t0()) % probe.every() != 0) {
            return;
        }
        if (samples == timesteps.length) {
            timesteps = Arrays.copyOf(timesteps, samples * 2);
            values = Arrays.copyOf(values, samples * 2 * Math.max(columns, 1));
        }
        timesteps[samples] = t;
        int row = samples * columns;
        switch (probe.kind()) {
            case SPIKES -> {
                for (int c = 0; c < columns; c++) {
                    values[row + c] = state.lastSpike[first + c] == t ? 1 : 0;
                }
            }
            case CURRENT -> System.arraycopy(state.u, first, values, row, columns);
            case VOLTAGE -> System.arraycopy(state.v, first, values, row, columns);
            case WEIGHTS -> {
                int[] index = synapses.rowIndexOfMaskIndex;
                for (int c = 0; c < columns; c++) {
                    values[row + c] = synapses.weight[index[c]];
                }
            }
        }
        samples++;
    }

    ProbeData data() {
        int[][] rows = new int[samples][];
        for (int s = 0; s < samples; s++) {
            rows[s] = Arrays.copyOfRange(values, s * columns, (s + 1) * columns);
        }
        return new ProbeData(probe.name(), Arrays.copyOf(timesteps, samples), rows);
    }
}
