package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.synfire.datasets.npy.Npy;
import org.synfire.datasets.npy.NpyArray;
import org.synfire.datasets.npy.Npz;

/**
 * Weights as NPZ files that numpy reads ({@code numpy.load}): one int32 array per matrix, named by
 * the matrix, and {@code samples}, the training samples seen, as a one-element int64 array. Unlike
 * {@link Npz#write}, files are written atomically: a reader never sees half a checkpoint.
 */
public final class WeightsFile {

    static final String SAMPLES = "samples";

    private WeightsFile() {
    }

    /** Writes the matrices and the sample count to an NPZ file. */
    public static void write(Path file, Map<String, int[][]> weights, long samples) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        weights.forEach((name, m) -> arrays.put(name, NpyArray.ofMatrix(m)));
        arrays.put(SAMPLES, new NpyArray.Int64(new int[] {1}, new long[] {samples}));
        AtomicFiles.write(file, out -> Npz.write(out, arrays));
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
            if (e.getKey().equals(SAMPLES)) {
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
