package org.synfire.datasets.npy;

import java.util.Arrays;

/**
 * An n-dimensional array as NPY files hold it, its elements in C order (last index fastest) whatever
 * order the file used. One record per element type keeps the elements in a primitive array.
 */
public sealed interface NpyArray {

    /** The element type. */
    NpyType type();

    /** The size of each dimension; empty for a scalar. */
    int[] shape();

    /** Number of elements: the product of the shape. */
    default int size() {
        return size(shape());
    }

    /** Element {@code i} in C order as a long; floats only if they hold an integer exactly. */
    long longAt(int i);

    /** Element {@code i} in C order as a double (exact for all but large 64-bit integers). */
    double doubleAt(int i);

    /**
     * The elements as ints, in C order.
     *
     * @throws ArithmeticException naming the first element that is not an integer in int range
     */
    default int[] toIntArray() {
        int[] out = new int[size()];
        for (int i = 0; i < out.length; i++) {
            long v = longAt(i);
            if (v != (int) v) {
                throw new ArithmeticException("element " + i + " = " + v + " does not fit an int");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /**
     * A two-dimensional array as rows of ints.
     *
     * @throws IllegalStateException if the array is not two-dimensional
     * @throws ArithmeticException   naming the first element that is not an integer in int range
     */
    default int[][] toIntMatrix() {
        int[] s = shape();
        if (s.length != 2) {
            throw new IllegalStateException("array of shape " + Arrays.toString(s) + " is not a matrix");
        }
        int[] flat = toIntArray();
        int[][] rows = new int[s[0]][];
        for (int r = 0; r < s[0]; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * s[1], (r + 1) * s[1]);
        }
        return rows;
    }

    /** A matrix of ints as an INT32 array. */
    static NpyArray ofMatrix(int[][] rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        int[] flat = new int[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has "
                        + columns);
            }
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return new Int32(new int[] {rows.length, columns}, flat);
    }

    /** The number of elements of an array of this shape. */
    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative size");
            }
            n *= d;
            if (n > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large for one array");
            }
        }
        return (int) n;
    }

    private static void check(int[] shape, int length) {
        if (size(shape) != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size(shape)
                    + " elements, got " + length);
        }
    }

    private static long exact(double v, int i) {
        long l = (long) v;
        if (l != v || (v == Long.MAX_VALUE)) {
            throw new ArithmeticException("element " + i + " = " + v + " is not an integer");
        }
        return l;
    }

    /** 8-bit integers. */
    record Int8(int[] shape, byte[] data) implements NpyArray {
        public Int8 {
            shape = shape.clone();
            check(shape, data.length);
        }

        @Override
        public NpyType type() {
            return NpyType.INT8;
        }

        @Override
        public long longAt(int i) {
            return data[i];
        }

        @Override
        public double doubleAt(int i) {
            return data[i];
        }
    }

    /** 16-bit integers. */
    record Int16(int[] shape, short[] data) implements NpyArray {
        public Int16 {
            shape = shape.clone();
            check(shape, data.length);
        }

        @Override
        public NpyType type() {
            return NpyType.INT16;
        }

        @Override
        public long longAt(int i) {
            return data[i];
        }

        @Override
        public double doubleAt(int i) {
            return data[i];
        }
    }

    /** 32-bit integers. */
    record Int32(int[] shape, int[] data) implements NpyArray {
        public Int32 {
            shape = shape.clone();
            check(shape, data.length);
        }

        @Override
        public NpyType type() {
            return NpyType.INT32;
        }

        @Override
        public long longAt(int i) {
            return data[i];
        }

        @Override
        public double doubleAt(int i) {
            return data[i];
        }
    }

    /** 64-bit integers. */
    record Int64(int[] shape, long[] data) implements NpyArray {
        public Int64 {
            shape = shape.clone();
            check(shape, data.length);
        }

        @Override
        public NpyType type() {
            return NpyType.INT64;
        }

        @Override
        public long longAt(int i) {
            return data[i];
        }

        @Override
        public double doubleAt(int i) {
            return data[i];
        }
    }

    /** 32-bit floats. */
    record Float32(int[] shape, float[] data) implements NpyArray {
        public Float32 {
            shape = shape.clone();
            check(shape, data.length);
        }

        @Override
        public NpyType type() {
            return NpyType.FLOAT32;
        }

        @Override
        public long longAt(int i) {
            return exact(data[i], i);
        }

        @Override
        public double doubleAt(int i) {
            return data[i];
        }
    }

    /** 64-bit floats. */
    record Float64(int[] shape, double[] data) implements NpyArray {
        public Float64 {
            shape = shape.clone();
            check(shape, data.length);
        }

        @Override
        public NpyType type() {
            return NpyType.FLOAT64;
        }

        @Override
        public long longAt(int i) {
            return exact(data[i], i);
        }

        @Override
        public double doubleAt(int i) {
            return data[i];
        }
    }
}
