package org.synfire.datasets;

import java.util.List;
import java.util.Objects;

import org.synfire.datasets.preprocess.Binarize;
import org.synfire.datasets.preprocess.Crop;
import org.synfire.datasets.preprocess.Pipeline;

/**
 * A named preprocessing of a raw data set: what a data set id stands for.
 *
 * @param id          the data set id, e.g. {@code mnist20}
 * @param description one line for listings
 * @param source      the raw data set it is made from: {@code mnist}, {@code fashion-mnist} or
 *                    {@code mnist-mini} (embedded)
 * @param pipeline    the steps applied to every 28 x 28 image
 * @param rows        rows of the preprocessed images
 * @param columns     columns of the preprocessed images
 */
public record Variant(String id, String description, String source, Pipeline pipeline, int rows, int columns) {

    /** The paper's MNIST input: 4 pixels cropped off every side (20 x 20), 1 iff intensity / 255 > 0.5. */
    public static final Variant MNIST20 = new Variant("mnist20",
            "MNIST digits cropped to 20x20 and binarised at 0.5 (the paper's input), 60,000 + 10,000",
            "mnist", Pipeline.of(Crop.border(4), new Binarize(0.5)), 20, 20);

    /** MNIST binarised at 0.5, full 28 x 28. */
    public static final Variant MNIST28 = new Variant("mnist28",
            "MNIST digits, 28x28, binarised at 0.5, 60,000 + 10,000", "mnist",
            Pipeline.of(new Binarize(0.5)), 28, 28);

    /** Fashion-MNIST binarised at 0.5, full 28 x 28. */
    public static final Variant FASHION_MNIST28 = new Variant("fashion-mnist28",
            "Fashion-MNIST, 28x28, binarised at 0.5, 60,000 + 10,000", "fashion-mnist",
            Pipeline.of(new Binarize(0.5)), 28, 28);

    /** As {@link #MNIST20}, from the first 2,000 training and 1,000 test digits shipped inside this module. */
    public static final Variant MNIST20_MINI = new Variant("mnist20-mini",
            "The first 2,000 + 1,000 MNIST digits as mnist20, embedded: works offline, nothing to download",
            "mnist-mini", Pipeline.of(Crop.border(4), new Binarize(0.5)), 20, 20);

    /** Every named variant. */
    public static final List<Variant> ALL = List.of(MNIST20, MNIST28, FASHION_MNIST28, MNIST20_MINI);

    public Variant {
        Objects.requireNonNull(pipeline, "pipeline");
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("variant " + id + ": " + rows + " x " + columns
                    + " images, sizes must be positive");
        }
    }

    /**
     * The variant named {@code id}.
     *
     * @throws IllegalArgumentException listing the known ids
     */
    public static Variant named(String id) {
        for (Variant v : ALL) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no data set variant '" + id + "'; known: "
                + ALL.stream().map(Variant::id).toList());
    }

    /** The images preprocessed, checked to come out {@code rows x columns}. */
    public Images apply(Images images) {
        Images out = pipeline.apply(images);
        if (out.rows() != rows || out.columns() != columns) {
            throw new IllegalStateException("variant " + id + " made " + out.rows() + " x " + out.columns()
                    + " images from " + images.rows() + " x " + images.columns() + ", expected " + rows + " x "
                    + columns);
        }
        return out;
    }

    /** The labelled images preprocessed. */
    public LabelledImages apply(LabelledImages raw) {
        return new LabelledImages(apply(raw.images()), raw.labels(), raw.classes());
    }
}
