/**
 * The network file format {@code synfire-network/1}: a {@link org.synfire.chip.api.network.Network} as JSON,
 * independent of any backend (documented in {@code network-format.md} of this module).
 */
module org.synfire.chip.network.file {
    requires transitive org.synfire.chip.api;
    requires transitive org.synfire.chip.model.loihi1;
    requires transitive org.synfire.chip.model.loihi2;
    requires com.fasterxml.jackson.databind;

    exports org.synfire.chip.network.file;
}
