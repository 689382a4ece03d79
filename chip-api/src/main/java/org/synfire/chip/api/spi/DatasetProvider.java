package org.synfire.chip.api.spi;

import java.io.IOException;

import org.synfire.chip.api.data.DataOptions;
import org.synfire.chip.api.data.Dataset;

/**
 * Extension point for data sets that circuits train and are evaluated on. A provider knows the shape
 * of its samples before loading them, so that a circuit can be sized without touching any file.
 */
public interface DatasetProvider extends Extension {

    /** Input values per sample, e.g. 400 for 20 x 20 images. */
    int dimension();

    /** Number of classes; labels run from 0 to {@code classes() - 1}. */
    int classes();

    /**
     * Loads the training and test samples, preprocessed, finding (and if allowed, downloading) the
     * files as the options say.
     *
     * @throws IOException naming the file and what is wrong with it, or which files are missing and
     *                     where they were looked for
     */
    Dataset load(DataOptions options) throws IOException;
}
