package org.synfire.cli.internal.run;

import java.util.List;
import java.util.OptionalLong;

import org.synfire.chip.api.spi.BackendCapabilities;
import org.synfire.chip.api.spi.BackendCapabilities.Resource;
import org.synfire.chip.model.loihi1.Loihi1Model;
import org.synfire.datasets.DataLimits;

/**
 * The one memory budget of the command for sizes given as options or read from files: the data sets'
 * {@link DataLimits#MAX_DATA_BYTES}, 512 MiB. Each check runs before anything of the claimed size is
 * allocated and fails with one line naming the option or file and field, the claimed size and the
 * limit. The bytes per item are measured (docs/benchmarks.md, "Memory budget") and rounded up.
 */
public final class MemoryBudget {

    /** The budget: 512 MiB. */
    public static final long MAX_BYTES = DataLimits.MAX_DATA_BYTES;
    /** Bytes per weight of a layered circuit on the chip: measured 114 to 160 (live heap after a full GC, sBP on
     *  loihi1, hidden 400 against 1200: about three synapses per weight and their learning state); see
     *  docs/benchmarks.md, "Memory budget". */
    static final long BYTES_PER_WEIGHT = 160;
    /** Bytes the emulator keeps per core of the board: measured 107 to 131 (heap after GC, an empty network on
     *  8,192 and 65,536 chips). */
    static final long BYTES_PER_CORE = 160;
    /** Cores of one Loihi-1 chip: the count of a backend that declares none (see {@link #coresPerChip}). */
    static final long LOIHI1_CORES_PER_CHIP = Loihi1Model.CAPABILITIES.chipResource("cores").orElseThrow().value()
            .orElseThrow();
    /** Bytes per value a probe records: the int32 in its row and in the NPY file's copy as it is written. */
    static final long BYTES_PER_PROBE_VALUE = 8;
    /** Bytes per row (recorded timestep) of a probe: the row array's header and reference, the timestep;
     *  with BYTES_PER_PROBE_VALUE measured 78 bytes per row of 2 values (scripts/memory-budget). */
    static final long BYTES_PER_PROBE_ROW = 64;

    /**
     * Bytes per spike of {@code synfire import --input}: its pair, the generator's arrays and the network file's
     * JSON of it. Measured 217 (scripts/memory-budget: 100 inputs, 5,000 against 20,000 timesteps of ones).
     */
    static final long BYTES_PER_INPUT_SPIKE = 224;

    /** Backend threads at most: each reserves a stack (1 MiB by default), and no circuit here spans more chip
     *  cores than this to share out. */
    public static final int MAX_THREADS = 256;

    private MemoryBudget() {
    }

    /**
     * Checks the backend threads of a run.
     *
     * @param source where the number came from, e.g. a file name or "command line"
     */
    public static void requireThreads(String source, int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException(source + ": field 'threads' (--threads) is " + threads
                    + "; expected 1 to " + MAX_THREADS + " (each backend thread reserves a stack; more threads than"
                    + " the machine has cores do not help)");
        }
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
        for (int h : hidden == null ? List.<Integer>of() : hidden) { // null: a circuit without hidden layers
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

    /**
     * Checks the spikes of {@code synfire import --input}, added to what the graph they drive already takes.
     *
     * @param file       the spike file
     * @param spikes     its nonzero elements
     * @param graphBytes what the graph is counted (NirFile.budgetedBytes)
     */
    public static void requireInputSpikes(String file, long spikes, long graphBytes) {
        long bytes = saturatingAdd(graphBytes, saturatingMultiply(spikes, BYTES_PER_INPUT_SPIKE));
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": " + spikes + " spikes bring the import to about " + bytes
                    + " bytes with the graph, more than " + limit());
        }
    }

    /**
     * Cores of one chip of a backend: the {@code cores} it declares per chip. A backend that declares none (one not
     * made of cores, or whose chip has no public figure) is counted as Loihi 1's 128, the default capabilities every
     * backend has unless it declares its own, and the board {@link #BYTES_PER_CORE} was measured on.
     */
    public static long coresPerChip(BackendCapabilities capabilities) {
        OptionalLong declared = capabilities.chipResource("cores").map(Resource::value).orElse(OptionalLong.empty());
        return Math.max(declared.orElse(LOIHI1_CORES_PER_CHIP), 1);
    }

    /**
     * Checks {@code --chips}: the emulator's state per core of the board, the cores per chip as the backend declares
     * them ({@link #coresPerChip}).
     *
     * @param backend the backend's id, for the message
     */
    public static void requireChips(int chips, String backend, BackendCapabilities capabilities) {
        long perChip = coresPerChip(capabilities);
        long cores = saturatingMultiply(Math.max(chips, 0), perChip);
        long bytes = saturatingMultiply(cores, BYTES_PER_CORE);
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("--chips " + chips + ": a board of " + chips + " chips of " + backend
                    + " (" + cores + " cores, " + perChip + " a chip) needs about " + bytes + " bytes, more than "
                    + limit() + "; at most " + MAX_BYTES / saturatingMultiply(perChip, BYTES_PER_CORE) + " chips");
        }
    }

    /**
     * What the probes of one simulation record over a run, added up probe by probe: each adds one row per
     * recorded timestep of its values, and the run is refused as soon as all of them together pass the budget
     * (many probes each under it are not let through).
     */
    public static final class Probes {
        private final String where;
        private final int steps;
        private long bytes;

        /**
         * @param where the file, e.g. {@code net.json: probes}
         * @param steps the timesteps of the run ({@code --steps})
         */
        public Probes(String where, int steps) {
            this.where = where;
            this.steps = steps;
        }

        /** Adds a probe that records {@code columns} values every {@code every} timesteps from {@code t0}. */
        public void add(String probe, int t0, int every, long columns) {
            long rows = steps <= t0 ? 0 : (steps - 1L - t0) / Math.max(every, 1) + 1;
            long own = saturatingMultiply(rows, saturatingAdd(BYTES_PER_PROBE_ROW,
                    saturatingMultiply(columns, BYTES_PER_PROBE_VALUE)));
            bytes = saturatingAdd(bytes, own);
            if (bytes > MAX_BYTES) {
                throw new IllegalArgumentException(where + " over --steps " + steps + ": with probe '" + probe + "' ("
                        + rows + " recorded timesteps x " + columns + " values) they need about " + bytes
                        + " bytes, more than " + limit());
            }
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
