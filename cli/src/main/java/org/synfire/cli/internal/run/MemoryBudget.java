package org.synfire.cli.internal.run;

import java.util.List;

import org.synfire.datasets.DataLimits;

/**
 * The one memory budget of the command for sizes given as options or read from files: the data sets'
 * {@link DataLimits#MAX_DATA_BYTES}, 512 MiB. Each check runs before anything of the claimed size is
 * allocated and fails with one line naming the option or file and field, the claimed size and the
 * limit. The bytes per item are estimates of what the emulator and the circuits keep, on the high side.
 */
public final class MemoryBudget {

    /** The budget: 512 MiB. */
    public static final long MAX_BYTES = DataLimits.MAX_DATA_BYTES;
    /** Bytes of the weights per synapse of a layered circuit: the int32 matrix, its transposed and
     *  sign-split copies on the chip, and the copy a checkpoint takes. */
    static final long BYTES_PER_WEIGHT = 4 * 4;
    /** Bytes the emulator keeps per core of the board (references, counters, wiring heads). */
    static final long BYTES_PER_CORE = 64;
    /** Cores of one chip (Loihi 1). */
    static final long CORES_PER_CHIP = 128;
    /** Bytes per value a probe records: the int32 array and its CSV text. */
    static final long BYTES_PER_PROBE_VALUE = 16;

    private MemoryBudget() {
    }

    private static String limit() {
        return "the memory budget of " + MAX_BYTES + " bytes (512 MiB)";
    }

    /**
     * Checks the hidden layers without the data set: the smallest weights they can have (one input,
     * one class). Catches sizes such as {@code --hidden 2000000000} before the data set is loaded.
     */
    public static void requireHidden(String source, List<Integer> hidden) {
        requireLayers(source, 1, hidden, 1);
    }

    /**
     * Checks the weights of a layered circuit: {@code dimension} inputs, the hidden layers, {@code classes} outputs.
     *
     * @param source where the hidden layers came from, e.g. a file name or "command line"
     */
    public static void requireLayers(String source, long dimension, List<Integer> hidden, long classes) {
        long weights = 0;
        long in = dimension;
        StringBuilder shape = new StringBuilder();
        for (int h : hidden) {
            weights = saturatingAdd(weights, saturatingMultiply(in, h));
            shape.append(in).append(" x ").append(h).append(" + ");
            in = h;
        }
        weights = saturatingAdd(weights, saturatingMultiply(in, classes));
        shape.append(in).append(" x ").append(classes);
        long bytes = saturatingMultiply(weights, BYTES_PER_WEIGHT);
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(source + ": field 'hidden' (--hidden) is " + hidden + ": weights of "
                    + shape + " = " + weights + " synapses need about " + bytes + " bytes, more than " + limit());
        }
    }

    /** Checks {@code --chips}: the emulator's state per core of the board. */
    public static void requireChips(int chips) {
        long bytes = saturatingMultiply(saturatingMultiply(Math.max(chips, 0), CORES_PER_CHIP), BYTES_PER_CORE);
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("--chips " + chips + ": a board of " + chips + " chips ("
                    + (long) chips * CORES_PER_CHIP + " cores) needs about " + bytes + " bytes, more than " + limit()
                    + "; at most " + MAX_BYTES / (CORES_PER_CHIP * BYTES_PER_CORE) + " chips");
        }
    }

    /**
     * Checks what a probe records over a run: one row per recorded timestep of {@code columns} values.
     *
     * @param where the file and probe, e.g. {@code net.json: probes 'v'}
     */
    public static void requireProbe(String where, int steps, int t0, int every, long columns) {
        long rows = steps <= t0 ? 0 : (steps - 1L - t0) / Math.max(every, 1) + 1;
        long bytes = saturatingMultiply(saturatingMultiply(rows, columns + 1), BYTES_PER_PROBE_VALUE);
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(where + " over --steps " + steps + ": " + rows + " recorded timesteps x "
                    + columns + " values need about " + bytes + " bytes, more than " + limit());
        }
    }

    private static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
