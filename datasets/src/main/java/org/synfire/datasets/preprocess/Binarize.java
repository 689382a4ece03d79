package org.synfire.datasets.preprocess;

import org.synfire.datasets.Images;

/**
 * Turns grey values into 0 or 1: a pixel becomes 1 iff {@code pixel / 255 > threshold}. With the
 * threshold 0.5 of the paper that is {@code pixel > 127.5}, i.e. {@code pixel >= 128}.
 *
 * @param threshold the fraction of full intensity a pixel must exceed, in [0, 1)
 */
public record Binarize(double threshold) implements ImageStep {

    public Binarize {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("binarise threshold " + threshold + " must be in [0, 1)");
        }
    }

    /** The smallest pixel value that becomes 1. */
    public int firstOne() {
        // the comparison in doubles, once per grey value, is the definition; no rounding to argue about
        for (int p = 0; p < 256; p++) {
            if (p / 255.0 > threshold) {
                return p;
            }
        }
        return 256;
    }

    @Override
    public Images apply(Images in) {
        int first = firstOne();
        byte[] src = in.pixels();
        byte[] out = new byte[src.length];
        for (int k = 0; k < src.length; k++) {
            out[k] = (byte) ((src[k] & 0xFF) >= first ? 1 : 0);
        }
        return new Images(in.count(), in.rows(), in.columns(), out);
    }
}
