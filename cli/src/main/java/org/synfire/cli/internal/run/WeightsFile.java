package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
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
        AtomicFiles.write(file, out -> {
            ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey() + ".npy"));
                Npy.write(zip, e.getValue(), ByteOrder.LITTLE_ENDIAN, false);
                zip.closeArchiveEntry();
            }
            zip.finish();
        });
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

    /** Reads a checkpoint {@link #write} wrote. */
    public static Checkpoint readCheckpoint(Path file) throws IOException {
        Map<String, NpyArray> arrays = Npz.read(file);
        NpyArray samples = arrays.get(SAMPLES);
        if (samples == null || samples.size() != 1) {
            throw new IOException(file + ": no '" + SAMPLES + "' array; not a Synfire checkpoint");
        }
        Map<String, int[][]> weights = new LinkedHashMap<>();
        arrays.forEach((name, array) -> {
            if (!name.equals(SAMPLES)) {
                weights.put(name, array.toIntMatrix());
            }
        });
        return new Checkpoint(samples.longAt(0), weights);
    }
}
