// A runtime plugin as a third party would write it: compiled and packed into a jar by FixturePlugin.
// Its package is not exported: ServiceLoader creates the provider all the same.
module MODULE_PLACEHOLDER {
    // REQUIRES_PLACEHOLDER
    requires org.synfire.chip.api;

    provides org.synfire.chip.api.spi.ChipBackend with org.synfire.fixture.FixtureBackend;
    // PROVIDES_PLACEHOLDER
}
