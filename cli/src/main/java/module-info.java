/**
 * The {@code synfire} command. It loads runtime plugins into child module layers, installs the
 * Guice module of every provider it finds and runs the selected providers.
 */
module org.synfire.cli {
    requires org.synfire.chip.api;
    requires org.synfire.datasets;
    requires org.synfire.chip.network.file;
    requires com.google.guice;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.apache.commons.compress;
    requires org.knowm.xchart;
    requires me.tongfei.progressbar;
    requires java.desktop;

    uses com.google.inject.Module;
    uses org.synfire.chip.api.spi.ChipBackend;

    provides com.google.inject.Module with org.synfire.cli.internal.energy.EnergyModule;

    opens org.synfire.cli to info.picocli;
    opens org.synfire.cli.internal.runtime to com.google.guice;
    opens org.synfire.cli.internal.experiment to com.fasterxml.jackson.databind;
    opens org.synfire.cli.internal.run to com.fasterxml.jackson.databind;
}
