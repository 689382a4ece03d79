package org.synfire.datasets.idx;

import java.io.IOException;

/** A data file that is truncated, corrupt or not what was expected; the message names the file and the problem. */
public final class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public IdxFormatException(String file, String problem) {
        super(file + ": " + problem);
    }

    public IdxFormatException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
