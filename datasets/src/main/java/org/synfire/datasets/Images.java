package org.synfire.datasets;

/**
 * Grey-scale images of one size: {@code count} images of {@code rows x columns} unsigned 8-bit
 * pixels, stored image after image, each row by row.
 *
 * @param count   number of images
 * @param rows    pixel rows per image
 * @param columns pixel columns per image
 * @param pixels  {@code count * rows * columns} values; read with {@code & 0xFF}
 */
public record Images(int count, int rows, int columns, byte[] pixels) {

    public Images {
        if (count < 0 || rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("images: count " + count + ", rows " + rows + " and columns "
                    + columns + " must be positive (count may be 0)");
        }
        if (pixels.length != (long) count * rows * columns) {
            throw new IllegalArgumentException("images: " + pixels.length + " pixel values, expected " + count
                    + " x " + rows + " x " + columns);
        }
    }

    /** Pixels per image. */
    public int size() {
        return rows * columns;
    }

    /** Pixel ({@code row}, {@code column}) of image {@code i}, 0 .. 255. */
    public int pixel(int i, int row, int column) {
        return pixels[(i * rows + row) * columns + column] & 0xFF;
    }
}
