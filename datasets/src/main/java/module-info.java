/** Data sets: MNIST and Fashion-MNIST, the IDX and NPY/NPZ formats, and preprocessing. */
module org.synfire.datasets {
    requires transitive org.synfire.chip.api;
    requires com.google.guice;
    requires org.apache.commons.compress;

    exports org.synfire.datasets;
    exports org.synfire.datasets.idx;
    exports org.synfire.datasets.preprocess;
}
