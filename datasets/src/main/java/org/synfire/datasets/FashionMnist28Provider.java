package org.synfire.datasets;

import org.synfire.datasets.internal.DataFiles;

/** The {@code fashion-mnist28} data set: see {@link Variant#FASHION_MNIST28}. */
public final class FashionMnist28Provider extends ImageDatasetProvider {

    /** Finds files through this process's environment and home directory. */
    public FashionMnist28Provider() {
        this(DataFiles.system());
    }

    FashionMnist28Provider(DataFiles files) {
        super(Variant.FASHION_MNIST28, files);
    }
}
