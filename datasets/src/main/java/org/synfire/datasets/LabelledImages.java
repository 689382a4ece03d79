package org.synfire.datasets;

import java.util.Arrays;

import org.synfire.chip.api.data.Samples;

/**
 * Images with one class label each.
 *
 * @param images  the images
 * @param labels  the class of each image, 0 .. classes - 1
 * @param classes number of classes
 */
public record LabelledImages(Images images, int[] labels, int classes) {

    public LabelledImages {
        if (labels.length != images.count()) {
            throw new IllegalArgumentException(labels.length + " labels for " + images.count() + " images");
        }
        if (classes <= 0) {
            throw new IllegalArgumentException("classes " + classes + " must be positive");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is outside 0.."
                        + (classes - 1));
            }
        }
    }

    /** The images flattened row by row into samples of {@code rows * columns} inputs. */
    public Samples samples() {
        return new Samples(images.count(), images.size(), images.pixels(), labels, classes);
    }

    /** The first {@code n} images (all of them if there are fewer). */
    public LabelledImages head(int n) {
        int m = Math.min(n, images.count());
        byte[] pixels = Arrays.copyOf(images.pixels(), m * images.size());
        return new LabelledImages(new Images(m, images.rows(), images.columns(), pixels),
                Arrays.copyOf(labels, m), classes);
    }
}
