package org.synfire.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.synfire.chip.api.spi.CircuitProvider;
import org.synfire.chip.api.spi.Extension;
import org.synfire.cli.internal.experiment.Experiments;
import org.synfire.cli.internal.runtime.ExtensionPoint;
import org.synfire.cli.internal.runtime.Extensions;
import org.synfire.cli.internal.sweep.PackagedSweeps;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code synfire list}: what the platform found, built in or from plugins. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the backends, circuits, data sets and cost models found (built in and in plugin "
                + "jars), and the packaged experiments and sweeps.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Extensions extensions = main.platform(spec.commandLine().getErr()).extensions();
        print(out, "Backends", extensions.backends());
        Map<String, String> circuits = new LinkedHashMap<>();
        Map<String, String> described = extensions.circuits().descriptions(); // as given at load
        // which model of which circuit each is, also as given at load: a provider is not asked again
        extensions.circuitModels().forEach((id, c) -> circuits.put(id, described.get(id)
                + (id.equals(c.circuit()) && c.model().equals(CircuitProvider.CHIP) ? "" : " (" + c.option() + ")")));
        print(out, "Circuits", circuits);
        print(out, "Data sets", extensions.datasets());
        print(out, "Cost models", extensions.costModels());
        print(out, "Experiments", Experiments.packagedDescriptions());
        print(out, "Sweeps (synfire sweep NAME)", PackagedSweeps.descriptions());
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String heading, ExtensionPoint<? extends Extension> point) {
        print(out, heading, point.descriptions()); // as each provider gave it at load, never asked again
    }

    private static void print(PrintWriter out, String heading, Map<String, String> descriptions) {
        out.println(heading + ":");
        if (descriptions.isEmpty()) {
            out.println("  (none)");
        }
        int width = descriptions.keySet().stream().mapToInt(String::length).max().orElse(0);
        descriptions.forEach((id, description) -> out.printf("  %-" + width + "s  %s%n", id, description));
    }
}
