package org.synfire.datasets;

import java.io.IOException;

import org.synfire.chip.api.data.DataOptions;
import org.synfire.chip.api.data.Dataset;
import org.synfire.chip.api.spi.DatasetProvider;
import org.synfire.chip.api.spi.Extension;
import org.synfire.datasets.internal.DataFiles;
import org.synfire.datasets.internal.RawSource;

/**
 * A data set provider for one {@link Variant}: it finds (or downloads, or for embedded sources
 * reads from this module) the raw images and preprocesses them.
 */
public abstract sealed class ImageDatasetProvider implements DatasetProvider
        permits Mnist20Provider, Mnist28Provider, FashionMnist28Provider, Mnist20MiniProvider {

    private final Variant variant;
    private final RawSource source;
    private final DataFiles files;

    ImageDatasetProvider(Variant variant, DataFiles files) {
        this.variant = variant;
        this.source = switch (variant.source()) {
            case "mnist" -> RawSource.MNIST;
            case "fashion-mnist" -> RawSource.FASHION_MNIST;
            case "mnist-mini" -> RawSource.MNIST_MINI;
            default -> throw new IllegalArgumentException("variant " + variant.id() + ": unknown source "
                    + variant.source());
        };
        this.files = files;
        Extension.requireValidId(variant.id());
    }

    /** The preprocessing this provider applies. */
    public Variant variant() {
        return variant;
    }

    @Override
    public String id() {
        return variant.id();
    }

    @Override
    public String description() {
        return variant.description();
    }

    @Override
    public int dimension() {
        return variant.rows() * variant.columns();
    }

    @Override
    public int classes() {
        return RawSource.CLASSES;
    }

    @Override
    public Dataset load(DataOptions options) throws IOException {
        RawSource.Raw raw = source.load(options, files);
        return new Dataset(variant.id(), variant.apply(raw.train()).samples(), variant.apply(raw.test()).samples(),
                raw.files());
    }
}
