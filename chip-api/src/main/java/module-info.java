/**
 * The chip API: what a neuromorphic chip is to Synfire, and the extension points through which
 * backends, learning circuits and data sets are contributed. Plain Java, no framework.
 */
module org.synfire.chip.api {
    exports org.synfire.chip.api;
    exports org.synfire.chip.api.spi;
    exports org.synfire.chip.api.data;
    exports org.synfire.chip.api.network;
    exports org.synfire.chip.api.circuit;
    exports org.synfire.chip.api.cost;

    uses org.synfire.chip.api.spi.ChipBackend;
    uses org.synfire.chip.api.spi.CircuitProvider;
    uses org.synfire.chip.api.spi.DatasetProvider;
    uses org.synfire.chip.api.spi.CostModelProvider;
}
