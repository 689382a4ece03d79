package org.synfire.datasets;

import org.synfire.datasets.internal.DataFiles;

/** The {@code mnist20} data set: see {@link Variant#MNIST20}. */
public final class Mnist20Provider extends ImageDatasetProvider {

    /** Finds files through this process's environment and home directory. */
    public Mnist20Provider() {
        this(DataFiles.system());
    }

    Mnist20Provider(DataFiles files) {
        super(Variant.MNIST20, files);
    }
}
