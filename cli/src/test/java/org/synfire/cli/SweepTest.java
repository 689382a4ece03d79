package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.cli.internal.experiment.ConfigurationException;
import org.synfire.cli.internal.experiment.Experiments;
import org.synfire.cli.internal.sweep.Seeds;
import org.synfire.cli.internal.sweep.Stats;
import org.synfire.cli.internal.sweep.SweepGrid;
import org.synfire.cli.internal.sweep.SweepPoint;

/**
 * {@code synfire sweep}: the grid a command line makes (seeds x every combination of the --set values, circuit
 * options included), its statistics, and one-line errors for bad input, each before anything runs.
 */
class SweepTest {

    @TempDir
    Path temp;

    private CliRun sweep(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--sweeps";
        all[args.length + 2] = temp.resolve("sweeps").toString();
        return CliRun.of(all);
    }

    private static void usageError(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("synfire: "), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }

    @Test
    void seedsReadRangesAndListsInOrderOnce() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), Seeds.parse("1..5"));
        assertEquals(List.of(1L, 2L, 3L, 7L), Seeds.parse("1..3,7,2"));
        assertEquals(List.of(42L), Seeds.parse(" 42 "));
        assertEquals("1..3,7,9..10", Seeds.format(List.of(1L, 2L, 3L, 7L, 9L, 10L)));
        assertEquals(Seeds.parse("1..3,7"), Seeds.parse(Seeds.format(Seeds.parse("1..3,7"))));
        // a range that ends at the largest seed ends (the loop once wrapped around and never did)
        assertEquals(List.of(Long.MAX_VALUE - 1, Long.MAX_VALUE), Seeds.parse((Long.MAX_VALUE - 1) + ".." + Long.MAX_VALUE));
    }

    @Test
    void resumeOptionsGoOverTheRecordedOnes() {
        org.synfire.cli.internal.sweep.ExecutorChoice recorded = new org.synfire.cli.internal.sweep.ExecutorChoice(
                "slurm", 4, "2g", "short", "1:00:00", 2, "2G", List.of("--account=x"), true, 5);
        SweepCommand.ExecutorOptions longer = new SweepCommand.ExecutorOptions();
        longer.time = "2:00:00";
        assertEquals(new org.synfire.cli.internal.sweep.ExecutorChoice("slurm", 4, "2g", "short", "2:00:00", 2, "2G",
                List.of("--account=x"), false, 5), longer.over(recorded), "a longer time limit keeps the rest, and waits");
        SweepCommand.ExecutorOptions fewer = new SweepCommand.ExecutorOptions();
        fewer.parallel = 2;
        assertEquals("slurm", fewer.over(recorded).executor(), "--parallel alone does not switch to local");
        SweepCommand.ExecutorOptions local = new SweepCommand.ExecutorOptions();
        local.executor = "local";
        assertEquals(new org.synfire.cli.internal.sweep.ExecutorChoice("local", null, "2g", null, null, null, null,
                null, false, null), local.over(recorded), "a switch to local keeps only the heap");
    }

    @Test
    void badSeedsAreOneLineErrors() {
        assertTrue(assertThrows(ConfigurationException.class, () -> Seeds.parse("5..1")).getMessage()
                .contains("the range 5..1 ends before it starts"));
        assertTrue(assertThrows(ConfigurationException.class, () -> Seeds.parse("1..x")).getMessage()
                .contains("'1..x' is not a whole number or a range"));
        assertTrue(assertThrows(ConfigurationException.class, () -> Seeds.parse("1..100000")).getMessage()
                .contains("more than 10000 seeds"));
        // last - first overflows a long: still too many, not a negative span
        assertTrue(assertThrows(ConfigurationException.class,
                () -> Seeds.parse("-9000000000000000000..9000000000000000000")).getMessage()
                .contains("more than 10000 seeds"));
        assertTrue(assertThrows(ConfigurationException.class, () -> Seeds.parse("")).getMessage()
                .contains("it is empty"));
        usageError(sweep("quick", "--seeds", "3..1"), "--seeds 3..1: the range 3..1 ends before it starts");
        usageError(sweep("quick", "--seeds", "1", "--set", "init=spec,positive-output", "--set", "init=spec"),
                "--set init=spec: key 'init' is set twice; give all its values in one --set");
        assertFalse(Files.exists(temp.resolve("sweeps")), "nothing is made for a bad command");
    }

    @Test
    void theGridIsSeedsTimesEveryCombinationOfTheValues() {
        LinkedHashMap<String, List<String>> set = new LinkedHashMap<>();
        set.put("circuit", List.of("sbp-functional"));
        set.put("init", List.of("spec", "positive-output"));
        set.put("hidden", List.of("400", "100+50"));
        SweepGrid grid = new SweepGrid("g", Experiments.packaged("quick"), List.of(1L, 2L, 3L), set);

        List<SweepPoint> points = grid.points();

        assertEquals(12, points.size());
        assertEquals(List.of("init", "hidden"), grid.varied(), "a key with one value changes every point, no axis");
        assertEquals(points.size(), points.stream().map(SweepPoint::id).distinct().count(), "ids are unique");
        SweepPoint last = points.get(points.size() - 1);
        assertEquals("init=positive-output_hidden=100+50_seed=3", last.id());
        assertEquals(3, last.seed());
        assertEquals(3L, last.experiment().seed());
        assertEquals(List.of(100, 50), last.experiment().hidden());
        assertEquals("positive-output", last.experiment().options().get("init"));
        assertEquals("sbp-functional", last.experiment().circuit());
        assertEquals(Map.of("init", "positive-output", "hidden", "100+50"), last.settings());
        assertEquals("spec", points.get(0).experiment().options().get("init"));
        assertEquals(4, points.stream().map(SweepPoint::group).distinct().count());
    }

    @Test
    void aCircuitOptionTheExperimentDoesNotSetIsNamedWithItsPrefix() {
        LinkedHashMap<String, List<String>> set = new LinkedHashMap<>();
        set.put("circuit-option.depth-scale", List.of("2"));
        SweepGrid grid = new SweepGrid("g", Experiments.packaged("quick"), List.of(1L), set);

        assertEquals("2", grid.points().get(0).experiment().options().get("depth-scale"));
    }

    @Test
    void theModelIsAFieldASweepSets() {
        LinkedHashMap<String, List<String>> set = new LinkedHashMap<>();
        set.put("model", List.of("chip", "functional"));
        SweepGrid grid = new SweepGrid("g", Experiments.packaged("quick"), List.of(1L), set);

        assertEquals(List.of("chip", "functional"), grid.points().stream().map(p -> p.experiment().model()).toList());
        assertEquals(List.of("sbp", "sbp"), grid.points().stream().map(p -> p.experiment().circuit()).toList());
    }

    @Test
    void unknownKeysAndBadValuesAreOneLineErrorsBeforeAnythingRuns() {
        usageError(sweep("quick", "--seeds", "1", "--set", "colour=red"),
                "--set colour=red: unknown key 'colour'; known: circuit, model, backend, dataset, epochs");
        usageError(sweep("quick", "--seeds", "1", "--set", "epochs=1,two"), "--set epochs=two: field 'epochs' is 'two'");
        usageError(sweep("quick", "--seeds", "1", "--set", "seed=4"), "a sweep's seeds are given by --seeds");
        usageError(sweep("quick", "--seeds", "1", "--set", "epochs=0"), "field 'epochs' is 0");
        usageError(sweep("quick", "--seeds", "1", "--set", "epochs"), "--set epochs: expected KEY=VALUE[,VALUE...]");
        usageError(sweep("quick", "--seeds", "1", "--set", "init=spec,,x"), "an empty value");
        usageError(sweep("quick", "--seeds", "1", "--set", "init=spec,spec"), "value 'spec' twice");
        usageError(sweep("no-such-experiment", "--seeds", "1"), "unknown experiment 'no-such-experiment'");
        usageError(sweep("quick"), "--seeds is missing");
        assertFalse(Files.exists(temp.resolve("sweeps")), "nothing is made for a bad command");
    }

    @Test
    void unknownExecutorAndSlurmOptionsWithoutSlurmAreOneLineErrors() {
        usageError(sweep("quick", "--seeds", "1", "--executor", "kubernetes"),
                "unknown executor 'kubernetes'; expected one of local, slurm");
        usageError(sweep("quick", "--seeds", "1", "--partition", "gpu"), "are for --executor slurm");
        usageError(sweep("quick", "--seeds", "1", "--parallel", "0"), "--parallel 0: expected at least 1");
        usageError(sweep("quick", "--seeds", "1", "--heap", "lots"), "--heap lots: expected a size");
        assertFalse(Files.exists(temp.resolve("sweeps")), "nothing is made for a bad command");
    }

    @Test
    void aSweepDirectoryThatIsAFileOrHoldsAnotherSweepIsAnError() throws IOException {
        Files.createDirectories(temp.resolve("sweeps"));
        Files.writeString(temp.resolve("sweeps").resolve("quick"), "not a directory");
        usageError(sweep("quick", "--seeds", "1"), "sweep directory " + temp.resolve("sweeps").resolve("quick")
                + " is a file, not a directory");

        Files.writeString(temp.resolve("plain"), "x");
        usageError(CliRun.of("sweep", "status", temp.resolve("plain").toString()), "is a file, not a sweep directory");
        usageError(CliRun.of("sweep", "status", temp.toString()), "is not a sweep directory: it has no sweep.yaml");
        usageError(CliRun.of("sweep", "quick", "--seeds", "1", "--sweeps", temp.resolve("plain").toString()),
                "is a file, not a directory");
        usageError(CliRun.of("sweep", "quick", "--seeds", "1", "--sweeps", temp.toString(), "--name", "../up"),
                "is not a plain file name");
        usageError(CliRun.of("sweep"), "name an experiment or a packaged sweep");
        usageError(CliRun.of("sweep", "report", temp.resolve("absent").toString()), "no such sweep directory: "
                + temp.resolve("absent"));
    }

    @Test
    void statisticsAreTheUsualOnes() {
        Stats s = Stats.of(List.of(4.0, 1.0, 3.0, 2.0));
        assertEquals(4, s.count());
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3.0), s.sd(), 1e-12);
        assertEquals(2.5, s.median(), 1e-12);
        assertEquals(1.0, s.min());
        assertEquals(4.0, s.max());
        assertEquals(3.0, Stats.of(List.of(5.0, 3.0, 1.0)).median());
        assertEquals(0.0, Stats.of(List.of(7.0)).sd());
    }

    @Test
    void helpNamesTheSubcommandsAndTheExecutors() {
        CliRun help = CliRun.of("sweep", "--help");
        assertEquals(0, help.exitCode(), help.err());
        for (String word : new String[] {"--seeds", "--set", "--executor", "--parallel", "--sweeps", "--partition",
            "--time", "--cpus-per-task", "--mem", "--sbatch-arg", "--detach", "resume", "status", "report", "table1"}) {
            assertTrue(help.out().contains(word), word + " missing from:\n" + help.out());
        }
        assertFalse(help.out().contains("  point "), "the point command is internal");
        CliRun list = CliRun.of("list");
        assertTrue(list.out().matches("(?s).*Sweeps \\(synfire sweep NAME\\):\n  table1 +The paper's experiment.*"),
                list.out());
    }

    /** table1-annealed is table1 with one schedule, a whole value (its commas are the schedule's, not a list). */
    @Test
    void theAnnealedTable1IsThePapersExperimentWithOneSchedule() {
        org.synfire.cli.internal.sweep.PackagedSweeps.Definition annealed =
                org.synfire.cli.internal.sweep.PackagedSweeps.find("table1-annealed").orElseThrow();
        org.synfire.cli.internal.sweep.PackagedSweeps.Definition table1 =
                org.synfire.cli.internal.sweep.PackagedSweeps.find("table1").orElseThrow();
        assertEquals(table1.experiment(), annealed.experiment());
        assertEquals(table1.seeds(), annealed.seeds());
        assertEquals(Map.of("circuit-option.lr-schedule", List.of("halve-output@40,50")), annealed.set());
    }
}
