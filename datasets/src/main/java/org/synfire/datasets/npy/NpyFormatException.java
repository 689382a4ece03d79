package org.synfire.datasets.npy;

import java.io.IOException;

/** An NPY or NPZ file that is not what it should be; the message names the file and the problem. */
public final class NpyFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public NpyFormatException(String file, String problem) {
        super(file + ": " + problem);
    }
}
