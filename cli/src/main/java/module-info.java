/**
 * The {@code synfire} command. It finds the providers of the extension points with ServiceLoader, in
 * Synfire's own layer and in the child module layers it loads runtime plugins into, binds them with
 * Guice and runs the selected providers.
 */
module org.synfire.cli {
    requires org.synfire.chip.api;
    requires org.synfire.chip.model.loihi1;
    requires org.synfire.datasets;
    requires org.synfire.chip.network.file;
    requires org.synfire.interchange;
    requires com.google.guice;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.apache.commons.compress;
    requires org.knowm.xchart;
    requires me.tongfei.progressbar;
    requires java.desktop;
    requires jdk.unsupported; // sun.misc.Signal: SIGINT/SIGTERM stop a training run at a sample's end

    uses org.synfire.chip.api.spi.ChipBackend;
    uses org.synfire.chip.api.spi.CircuitProvider;
    uses org.synfire.chip.api.spi.DatasetProvider;
    uses org.synfire.chip.api.spi.CostModelProvider;

    provides org.synfire.chip.api.spi.CostModelProvider with
            org.synfire.cli.internal.energy.Loihi1Davies2018CostModel,
            org.synfire.cli.internal.energy.Loihi1Davies2018Blouw2019CostModel;

    opens org.synfire.cli to info.picocli;
    opens org.synfire.cli.internal.runtime to com.google.guice;
    opens org.synfire.cli.internal.experiment to com.fasterxml.jackson.databind;
    opens org.synfire.cli.internal.run to com.fasterxml.jackson.databind;
    opens org.synfire.cli.internal.sweep to com.fasterxml.jackson.databind;
}
