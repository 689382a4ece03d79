package org.synfire.datasets;

import org.synfire.datasets.internal.DataFiles;

/** The {@code mnist28} data set: see {@link Variant#MNIST28}. */
public final class Mnist28Provider extends ImageDatasetProvider {

    /** Finds files through this process's environment and home directory. */
    public Mnist28Provider() {
        this(DataFiles.system());
    }

    Mnist28Provider(DataFiles files) {
        super(Variant.MNIST28, files);
    }
}
