package org.synfire.datasets.preprocess;

import java.util.Objects;

import org.synfire.datasets.Images;

/**
 * Scales each image to {@code rows x columns} pixels.
 *
 * @param rows    rows of the result
 * @param columns columns of the result
 * @param method  how output pixels are computed from input pixels
 */
public record Resize(int rows, int columns, Method method) implements ImageStep {

    /** How a resized pixel is computed; both round half up to the nearest grey value. */
    public enum Method {
        /**
         * Bilinear interpolation between the four nearest input pixels, pixel centres aligned
         * (output pixel {@code y} samples input position {@code (y + 0.5) * in / out - 0.5}, clamped
         * to the image): the convention of OpenCV's {@code INTER_LINEAR}, computed here in doubles
         * (OpenCV uses fixed point, so its rounding can differ by one grey value). No anti-aliasing.
         */
        BILINEAR,
        /**
         * Area averaging: each output pixel is the mean of the input area it covers, input pixels
         * cut by its borders weighted by the covered fraction. Computed exactly in integers.
         */
        AREA
    }

    public Resize {
        Objects.requireNonNull(method, "method");
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("resize to " + rows + " x " + columns + ": sizes must be positive");
        }
    }

    @Override
    public Images apply(Images in) {
        byte[] out = new byte[in.count() * rows * columns];
        for (int i = 0; i < in.count(); i++) {
            if (method == Method.BILINEAR) {
                bilinear(in, i, out);
            } else {
                area(in, i, out);
            }
        }
        return new Images(in.count(), rows, columns, out);
    }

    private void bilinear(Images in, int i, byte[] out) {
        double sy = (double) in.rows() / rows;
        double sx = (double) in.columns() / columns;
        for (int y = 0; y < rows; y++) {
            double fy = clamp((y + 0.5) * sy - 0.5, in.rows() - 1);
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, in.rows() - 1);
            double wy = fy - y0;
            for (int x = 0; x < columns; x++) {
                double fx = clamp((x + 0.5) * sx - 0.5, in.columns() - 1);
                int x0 = (int) fx;
                int x1 = Math.min(x0 + 1, in.columns() - 1);
                double wx = fx - x0;
                double top = (1 - wx) * in.pixel(i, y0, x0) + wx * in.pixel(i, y0, x1);
                double bottom = (1 - wx) * in.pixel(i, y1, x0) + wx * in.pixel(i, y1, x1);
                long v = (long) Math.floor((1 - wy) * top + wy * bottom + 0.5);
                out[(i * rows + y) * columns + x] = (byte) Math.min(255, Math.max(0, v));
            }
        }
    }

    private static double clamp(double v, int max) {
        return Math.min(max, Math.max(0, v));
    }

    private void area(Images in, int i, byte[] out) {
        // In coordinates scaled by rows (resp. columns), input pixel r spans [r * rows, (r + 1) * rows)
        // and output pixel y spans [y * inRows, (y + 1) * inRows): all overlaps are integers, and the
        // mean is sum(overlapY * overlapX * pixel) / (inRows * inColumns), rounded half up.
        long total = (long) in.rows() * in.columns();
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                long sum = 0;
                long y0 = (long) y * in.rows();
                long y1 = y0 + in.rows();
                for (int r = (int) (y0 / rows); r < in.rows() && (long) r * rows < y1; r++) {
                    long oy = Math.min(y1, (long) (r + 1) * rows) - Math.max(y0, (long) r * rows);
                    long x0 = (long) x * in.columns();
                    long x1 = x0 + in.columns();
                    for (int c = (int) (x0 / columns); c < in.columns() && (long) c * columns < x1; c++) {
                        long ox = Math.min(x1, (long) (c + 1) * columns) - Math.max(x0, (long) c * columns);
                        sum += oy * ox * in.pixel(i, r, c);
                    }
                }
                out[(i * rows + y) * columns + x] = (byte) ((2 * sum + total) / (2 * total));
            }
        }
    }
}
