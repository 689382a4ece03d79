package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Modules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.api.ChipSimulation;
import org.synfire.chip.api.RunOptions;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.spi.BackendCapabilities;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.model.loihi1.Loihi1Model;

/**
 * The cost table a run's energy is costed with: its backend's own ({@code ChipBackend.costTable()}), none for a
 * backend that names none (then no estimate, said in one line), or the one {@code --cost-table} or an experiment
 * file's {@code cost-table:} names; recorded in experiment.yaml and run.json.
 */
class CostTableTest {

    @TempDir
    Path temp;

    /** Loihi 1's emulator under another id, for a chip that names no cost table. */
    static final class UncostedBackend implements ChipBackend {
        static final String ID = "uncosted";
        private final ChipBackend loihi1 = ServiceLoader.load(ChipBackend.class).stream()
                .map(ServiceLoader.Provider::get).filter(b -> b.id().equals("loihi1")).findFirst().orElseThrow();

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return "loihi1's emulator, for a chip without public energy figures";
        }

        @Override
        public BackendCapabilities capabilities() {
            BackendCapabilities l = Loihi1Model.CAPABILITIES;
            return new BackendCapabilities("Test Chip", l.neuronModels(), l.weights(), l.maxDelay(),
                    l.gradedSpikeBits(), l.refractoryPeriods(), l.ruleDialects(), l.perCore(), l.perChip());
        }

        @Override
        public Optional<String> costTable() {
            return Optional.empty();
        }

        @Override
        public ChipSimulation open(Network network, RunOptions options) {
            return loihi1.open(network, options);
        }
    }

    private static Module uncosted() {
        return Modules.combine(FakeDataset.module(), new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, ChipBackend.class).addBinding(UncostedBackend.ID)
                        .toInstance(new UncostedBackend());
            }
        });
    }

    private CliRun inferOn(String backend, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--circuit", "sbp-functional",
                "--inference-circuit", "sbp", "--backend", backend, "--dataset", "tiny", "--hidden", "12",
                "--runs", temp.resolve("runs").toString(), "--quiet"));
        args.addAll(List.of(more));
        return CliRun.with(uncosted(), args.toArray(String[]::new));
    }

    private Path onlyRun() throws IOException {
        try (Stream<Path> runs = Files.list(temp.resolve("runs"))) {
            List<Path> all = runs.toList();
            assertEquals(1, all.size(), "run directories: " + all);
            return all.get(0);
        }
    }

    @Test
    void theBackendsDefaultTableCostsTheRunAndIsRecorded() throws IOException {
        CliRun run = inferOn("loihi1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("(estimate, loihi1-davies2018-blouw2019, 40 samples)"), run.out());
        assertTrue(Files.readString(onlyRun().resolve("energy-inference.json")).contains("\"loihi1-davies2018-blouw2019\""));
        assertTrue(Files.readString(onlyRun().resolve("experiment.yaml")).contains("cost-table: \"loihi1-davies2018-blouw2019\"")
                || Files.readString(onlyRun().resolve("experiment.yaml")).contains("cost-table: loihi1-davies2018-blouw2019"),
                Files.readString(onlyRun().resolve("experiment.yaml")));
        assertTrue(Files.readString(onlyRun().resolve("run.json")).contains("\"cost-table\" : \"loihi1-davies2018-blouw2019\""),
                Files.readString(onlyRun().resolve("run.json")));
    }

    @Test
    void aBackendThatNamesNoTableGetsNoEstimateAndTheRunSaysWhyInOneLine() throws IOException {
        CliRun run = inferOn(UncostedBackend.ID);

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().filter(l -> l.startsWith("inference energy")).toList();
        assertEquals(List.of("inference energy       none: backend uncosted names no cost table, as no "
                + "per-event energy figures are public for Test Chip (another chip's figures would mislead); "
                + "--cost-table ID names one"), lines, run.out());
        assertFalse(run.out().contains("loihi1-davies2018"), run.out());
        assertFalse(Files.exists(onlyRun().resolve("energy-inference.json")));
        assertFalse(Files.readString(onlyRun().resolve("experiment.yaml")).contains("cost-table"));
        assertTrue(Files.readString(onlyRun().resolve("result.json")).contains("null")
                || !Files.readString(onlyRun().resolve("result.json")).contains("inference_joules"));
    }

    @Test
    void aChipRunOnABackendThatNamesNoTableWritesNoEnergyJson() throws IOException {
        CliRun run = CliRun.with(uncosted(), "train", "--circuit", "sbp", "--backend", UncostedBackend.ID, "--dataset",
                "tiny", "--hidden", "12", "--runs", temp.resolve("runs").toString(), "--quiet");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("energy / time          none: backend uncosted names no cost table, as no per-event "
                + "energy figures are public for Test Chip (another chip's figures would mislead); --cost-table ID "
                + "names one"), run.out().lines().filter(l -> l.startsWith("energy / time")).toList(), run.out());
        assertFalse(Files.exists(onlyRun().resolve("energy.json")));
        assertFalse(Files.exists(onlyRun().resolve("plots/energy.png")));
    }

    @Test
    void costTableOnTheCommandLineOverridesTheBackendsChoice() throws IOException {
        CliRun run = inferOn(UncostedBackend.ID, "--cost-table", "loihi1-davies2018");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("(estimate, loihi1-davies2018, 40 samples)"), run.out());
        assertFalse(run.out().contains("no estimate"), run.out());
        assertTrue(Files.exists(onlyRun().resolve("energy-inference.json")));
        assertTrue(Files.readString(onlyRun().resolve("experiment.yaml")).contains("loihi1-davies2018"));
    }

    @Test
    void anUnknownCostTableIsRefusedInOneLineListingTheAvailableOnes() {
        CliRun run = inferOn("loihi1", "--cost-table", "truenorth-2014");

        assertEquals(2, run.exitCode(), run.out());
        assertEquals("synfire: experiment train: field 'cost-table' (--cost-table) is 'truenorth-2014'; available: "
                + "loihi1-davies2018, loihi1-davies2018-blouw2019\n", run.err());
        assertFalse(Files.exists(temp.resolve("runs")) && temp.resolve("runs").toFile().list().length > 0,
                "no run directory is made");

        CliRun functional = CliRun.with(uncosted(), "train", "--circuit", "sbp-functional", "--dataset", "tiny",
                "--hidden", "12", "--cost-table", "nope", "--runs", temp.resolve("runs").toString(), "--quiet");
        assertEquals(2, functional.exitCode(), functional.out());
        assertEquals("synfire: experiment train: field 'cost-table' (--cost-table) is 'nope'; available: "
                + "loihi1-davies2018, loihi1-davies2018-blouw2019\n", functional.err());
    }

    @Test
    void anExperimentFilesCostTableIsHonouredAndAnUnknownOneRefused() throws IOException {
        Path good = temp.resolve("good.yaml");
        Files.writeString(good, """
                name: costed
                circuit: sbp-functional
                inference-circuit: sbp
                backend: uncosted
                dataset: tiny
                hidden: 12
                cost-table: loihi1-davies2018
                """);
        CliRun run = CliRun.with(uncosted(), "run", good.toString(), "--runs", temp.resolve("runs").toString(),
                "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("(estimate, loihi1-davies2018, 40 samples)"), run.out());

        Path bad = temp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(good).replace("loihi1-davies2018", "nope"));
        CliRun refused = CliRun.with(uncosted(), "run", bad.toString(), "--runs", temp.resolve("runs2").toString(),
                "--quiet");
        assertEquals(2, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("field 'cost-table' (--cost-table) is 'nope'; available: loihi1-davies2018"),
                refused.err());
    }

    @Test
    void loihi2AndIdealNameNoCostTableAndLoihi1BackendsTheirs() {
        List<String> ids = ServiceLoader.load(ChipBackend.class).stream().map(p -> p.get().id()).sorted().toList();
        assertTrue(ids.containsAll(List.of("ideal", "loihi1", "loihi1-reference", "loihi2")), ids.toString());
        for (ChipBackend b : ServiceLoader.load(ChipBackend.class)) {
            Optional<String> expected = b.id().equals("loihi2") || b.id().equals("ideal") ? Optional.empty()
                    : Optional.of(Loihi1Model.COST_TABLE);
            assertEquals(expected, b.costTable(), b.id());
        }
    }
}
