/** Data sets: MNIST and Fashion-MNIST, the IDX and NPY/NPZ formats, and preprocessing. */
module org.synfire.datasets {
    requires transitive org.synfire.chip.api;
    requires org.apache.commons.compress;
    requires java.net.http;

    exports org.synfire.datasets;
    exports org.synfire.datasets.idx;
    exports org.synfire.datasets.preprocess;
    exports org.synfire.datasets.npy;

    provides org.synfire.chip.api.spi.DatasetProvider with
            org.synfire.datasets.Mnist20Provider,
            org.synfire.datasets.Mnist28Provider,
            org.synfire.datasets.FashionMnist28Provider,
            org.synfire.datasets.Mnist20MiniProvider;
}
