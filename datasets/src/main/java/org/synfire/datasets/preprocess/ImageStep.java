package org.synfire.datasets.preprocess;

import org.synfire.datasets.Images;

/** One preprocessing step on images; steps compose into a {@link Pipeline}. */
public sealed interface ImageStep permits Crop, Resize, Binarize {

    /** The step applied to every image; the input is left unchanged. */
    Images apply(Images images);
}
