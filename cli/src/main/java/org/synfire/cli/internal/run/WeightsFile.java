package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.synfire.datasets.npy.Npy;
import org.synfire.datasets.npy.NpyArray;
import org.synfire.datasets.npy.Npz;

/**
 * Weights as NPZ files that numpy reads ({@code numpy.load}): one int32 array per matrix, named by
 * the matrix, and {@code samples}, the training samples seen, as a one-element int64 array. A run's weights also
 * say which circuit they belong to ({@link Stage}): {@code circuit_options} (int8, the UTF-8 bytes of the run's
 * circuit options as {@code key=value} lines) and {@code circuit_epoch} (int64, the epoch of the last sample
 * trained, 0 for the first), so that a weights file taken out of its run directory reopens the circuit as it was
 * then (a circuit that changes between epochs, e.g. sBP's {@code lr-schedule}). Unlike {@link Npz#write}, files are
 * written atomically: a reader never sees half a checkpoint.
 */
public final class WeightsFile {

    static final String SAMPLES = "samples";
    static final String OPTIONS = "circuit_options";
    static final String EPOCH = "circuit_epoch";

    private WeightsFile() {
    }

    /**
     * The circuit a weights file belongs to.
     *
     * @param options the run's circuit options (as its run.json records them)
     * @param epoch   the epoch of the last sample trained (0 for the first): the circuit is the run's settings at
     *                that epoch ({@code CircuitProvider.settingsAt})
     */
    public record Stage(Map<String, String> options, int epoch) {

        public Stage {
            options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
            if (epoch < 0) {
                throw new IllegalArgumentException("epoch " + epoch + " cannot be negative");
            }
            for (Map.Entry<String, String> e : options.entrySet()) {
                if (e.getKey().contains("=") || e.getKey().contains("\n") || e.getValue().contains("\n")) {
                    throw new IllegalArgumentException("circuit option " + e.getKey() + " cannot be recorded in a"
                            + " weights file (a line 'key=value' each)");
                }
            }
        }
    }

    /** Writes the matrices and the sample count to an NPZ file. */
    public static void write(Path file, Map<String, int[][]> weights, long samples) throws IOException {
        write(file, weights, samples, Optional.empty());
    }

    /** Writes the matrices, the sample count and, where given, the circuit they belong to, to an NPZ file. */
    public static void write(Path file, Map<String, int[][]> weights, long samples, Optional<Stage> stage)
            throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        weights.forEach((name, m) -> arrays.put(name, NpyArray.ofMatrix(m)));
        arrays.put(SAMPLES, new NpyArray.Int64(new int[] {1}, new long[] {samples}));
        if (stage.isPresent()) {
            StringBuilder text = new StringBuilder();
            stage.get().options().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
            arrays.put(OPTIONS, new NpyArray.Int8(new int[] {utf8.length}, utf8));
            arrays.put(EPOCH, new NpyArray.Int64(new int[] {1}, new long[] {stage.get().epoch()}));
        }
        AtomicFiles.write(file, out -> Npz.write(out, arrays));
    }

    /**
     * The circuit the weights of {@code file} belong to, if the file records it (weights written by a run since
     * weights files record it); empty for other NPZ files. A record that does not read is an error naming the file.
     */
    public static Optional<Stage> readStage(Path file) throws IOException {
        Map<String, NpyArray> arrays = Npz.read(file);
        NpyArray options = arrays.get(OPTIONS);
        NpyArray epoch = arrays.get(EPOCH);
        if (options == null && epoch == null) {
            return Optional.empty();
        }
        if (!(options instanceof NpyArray.Int8 text) || epoch == null || epoch.size() != 1
                || options.shape().length != 1) {
            throw new IOException(file + ": arrays '" + OPTIONS + "' (int8 text) and '" + EPOCH + "' (one whole "
                    + "number) must come together; not a Synfire weights file");
        }
        Map<String, String> map = new TreeMap<>();
        for (String line : new String(text.data(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IOException(file + ": array '" + OPTIONS + "' has a line without key=value");
            }
            map.put(line.substring(0, eq), line.substring(eq + 1));
        }
        long e;
        try {
            e = epoch.longAt(0);
        } catch (RuntimeException bad) {
            throw new IOException(file + ": array '" + EPOCH + "' is not a whole number", bad);
        }
        if (e < 0 || e > Integer.MAX_VALUE) {
            throw new IOException(file + ": array '" + EPOCH + "' is " + e + "; expected 0 or more");
        }
        return Optional.of(new Stage(map, (int) e));
    }

    /** Writes one int32 matrix [rows][columns] as an NPY file. */
    public static void writeNpy(Path file, int[][] rows) throws IOException {
        AtomicFiles.write(file, out -> Npy.write(out, NpyArray.ofMatrix(rows), ByteOrder.LITTLE_ENDIAN, false));
    }

    /**
     * Reads the weight matrices of an NPZ file: a checkpoint of this project or the weights the
     * published sBP code saves (w1, w2, w2Tp, w2Tm); arrays that are not matrices are left out.
     */
    public static Map<String, int[][]> readWeights(Path file) throws IOException {
        Map<String, int[][]> weights = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : Npz.read(file).entrySet()) {
            if (e.getValue().shape().length == 2) {
                weights.put(e.getKey(), e.getValue().toIntMatrix());
            }
        }
        return weights;
    }

    /**
     * Reads a checkpoint {@link #write} wrote. Every array but {@code samples} must be a 2-D matrix of
     * whole numbers, and {@code samples} one whole number of 0 or more; else the error names the file and
     * the array. (The arrays' sizes are bounded by the NPZ reader's memory budget.)
     */
    public static Checkpoint readCheckpoint(Path file) throws IOException {
        Map<String, NpyArray> arrays = Npz.read(file);
        NpyArray samples = arrays.get(SAMPLES);
        if (samples == null || samples.size() != 1) {
            throw new IOException(file + ": no '" + SAMPLES + "' array of one number; not a Synfire checkpoint");
        }
        long count;
        try {
            count = samples.longAt(0);
        } catch (RuntimeException e) {
            throw new IOException(file + ": array '" + SAMPLES + "' is not a whole number", e);
        }
        if (count < 0) {
            throw new IOException(file + ": array '" + SAMPLES + "' is " + count + "; expected 0 or more");
        }
        Map<String, int[][]> weights = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            if (e.getKey().equals(SAMPLES) || e.getKey().equals(OPTIONS) || e.getKey().equals(EPOCH)) {
                continue;
            }
            if (e.getValue().shape().length != 2) {
                throw new IOException(file + ": array '" + e.getKey() + "' has shape "
                        + java.util.Arrays.toString(e.getValue().shape()) + "; a checkpoint holds 2-D matrices");
            }
            try {
                weights.put(e.getKey(), e.getValue().toIntMatrix());
            } catch (RuntimeException bad) {
                throw new IOException(file + ": array '" + e.getKey() + "' is not a matrix of 32-bit whole numbers",
                        bad);
            }
        }
        return new Checkpoint(count, weights);
    }
}
