// A runtime plugin as a third party would write it: compiled and packed into a jar by PluginLoadingTest.
module org.synfire.fixture {
    // REQUIRES_PLACEHOLDER
    requires org.synfire.chip.api;
    requires com.google.guice;

    provides org.synfire.chip.api.spi.ChipBackend with org.synfire.fixture.FixtureBackend;
    provides com.google.inject.Module with org.synfire.fixture.FixtureModule;
}
