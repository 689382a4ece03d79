package org.synfire.datasets.npy;

/** The element types of NPY arrays this module reads and writes, with their NumPy type codes. */
public enum NpyType {
    INT8('i', 1), INT16('i', 2), INT32('i', 4), INT64('i', 8), FLOAT32('f', 4), FLOAT64('f', 8);

    private final char kind;
    private final int bytes;

    NpyType(char kind, int bytes) {
        this.kind = kind;
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Whether the elements are integers. */
    public boolean integral() {
        return kind == 'i';
    }

    /** The NumPy type code without byte order, e.g. {@code i4}. */
    public String code() {
        return kind + Integer.toString(bytes);
    }

    /** The type of a NumPy code without byte order, e.g. {@code f8}; null if not one of these. */
    static NpyType ofCode(String code) {
        for (NpyType t : values()) {
            if (t.code().equals(code)) {
                return t;
            }
        }
        return null;
    }
}
