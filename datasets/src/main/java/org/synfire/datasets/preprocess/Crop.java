package org.synfire.datasets.preprocess;

import org.synfire.datasets.Images;

/**
 * Cuts pixels off the borders of each image.
 *
 * @param top    rows removed at the top
 * @param bottom rows removed at the bottom
 * @param left   columns removed on the left
 * @param right  columns removed on the right
 */
public record Crop(int top, int bottom, int left, int right) implements ImageStep {

    public Crop {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("crop " + top + "/" + bottom + "/" + left + "/" + right
                    + " (top/bottom/left/right): margins must not be negative");
        }
    }

    /** The same margin on every side, e.g. {@code border(4)} turns 28 x 28 into 20 x 20. */
    public static Crop border(int pixels) {
        return new Crop(pixels, pixels, pixels, pixels);
    }

    @Override
    public Images apply(Images in) {
        int rows = in.rows() - top - bottom;
        int columns = in.columns() - left - right;
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException(this + " leaves nothing of " + in.rows() + " x " + in.columns()
                    + " images");
        }
        byte[] out = new byte[in.count() * rows * columns];
        byte[] src = in.pixels();
        int o = 0;
        for (int i = 0; i < in.count(); i++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(src, (i * in.rows() + r + top) * in.columns() + left, out, o, columns);
                o += columns;
            }
        }
        return new Images(in.count(), rows, columns, out);
    }
}
