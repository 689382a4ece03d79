package org.synfire.chip.api;

/**
 * What a probe recorded: {@code values[s][c]} is column {@code c} (a compartment of the group, or a
 * synapse of the connection in mask order) at the timestep {@code timesteps[s]}.
 *
 * @param probe     the probe's name
 * @param timesteps the recorded timesteps, in order
 * @param values    one row per recorded timestep
 */
public record ProbeData(String probe, int[] timesteps, int[][] values) {

    public ProbeData {
        if (timesteps.length != values.length) {
            throw new IllegalArgumentException("probe " + probe + ": " + timesteps.length + " timesteps but "
                    + values.length + " rows");
        }
    }

    /** Number of recorded timesteps. */
    public int samples() {
        return timesteps.length;
    }

    /** The value of column {@code column} in sample {@code sample}. */
    public int get(int sample, int column) {
        return values[sample][column];
    }
}
