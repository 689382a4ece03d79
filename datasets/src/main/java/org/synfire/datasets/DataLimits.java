package org.synfire.datasets;

/**
 * The limits every reader of this module enforces on what a file declares, checked before anything
 * of that size is allocated or read, so that a hostile or damaged file fails at once with an error
 * naming the file, the claimed size and the limit, instead of exhausting memory or time.
 *
 * <p>{@link #MAX_DATA_BYTES} is the one memory budget: the size of the arrays one read returns
 * (an IDX images file: one byte per pixel; an IDX labels file: four bytes per label, as they become
 * ints; an NPY array: its elements at their own width; an NPZ archive: all its arrays together).
 * Readers allocate at most about twice that while reading. Where a file's real size is known (a
 * plain file) its claims are also checked against it before reading; where it is not (gzip data, an
 * archive entry) the data is read in growing steps, so that a short stream claiming a large size
 * fails as truncated after allocating about what it holds.
 */
public final class DataLimits {

    /** The memory budget: 512 MiB of decoded data per read (the full MNIST needs 55 MB). */
    public static final long MAX_DATA_BYTES = 512L << 20;

    /**
     * The longest NPY header read, in bytes: NumPy's own default ({@code max_header_size} of
     * {@code numpy.load}); the headers NumPy writes for plain arrays are 118 to a few hundred bytes.
     */
    public static final int MAX_NPY_HEADER_BYTES = 10_000;

    /** The most entries an NPZ archive may hold (the published sBP weights have a handful). */
    public static final int MAX_NPZ_ENTRIES = 1_000;

    /**
     * The largest ratio of unpacked to packed bytes an NPZ entry may reach, once it has unpacked
     * {@link #NPZ_RATIO_GRACE_BYTES}: a defence against zip bombs. Deflate itself reaches about
     * 1,000; arrays of real weights stay far below 100, while an array of zeros does not, so such an
     * array above the grace size must be saved uncompressed ({@code numpy.savez}). The grace is large
     * enough for the all-zero weights of a fresh network of this project (700 x 784 int32: 2.2 MB).
     */
    public static final int MAX_NPZ_RATIO = 100;

    /** The unpacked bytes an NPZ entry may produce before {@link #MAX_NPZ_RATIO} applies: 16 MiB. */
    public static final long NPZ_RATIO_GRACE_BYTES = 16L << 20;

    private DataLimits() {
    }
}
