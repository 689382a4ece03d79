package org.synfire.datasets;

import org.synfire.datasets.internal.DataFiles;

/** The {@code mnist20-mini} data set: see {@link Variant#MNIST20_MINI}. */
public final class Mnist20MiniProvider extends ImageDatasetProvider {

    /** Finds files through this process's environment and home directory. */
    public Mnist20MiniProvider() {
        this(DataFiles.system());
    }

    Mnist20MiniProvider(DataFiles files) {
        super(Variant.MNIST20_MINI, files);
    }
}
