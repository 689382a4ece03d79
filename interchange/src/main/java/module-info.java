/**
 * Networks in and out of Synfire: NIR graphs as HDF5 files (through jhdf, pure Java), written from a
 * circuit's inference network and read into chip networks.
 */
module org.synfire.interchange {
    requires transitive org.synfire.chip.api;
    requires org.synfire.chip.model.loihi1;
    requires io.jhdf;

    exports org.synfire.interchange.nir;
}
