package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.cli.internal.run.WeightsFile;

/** synfire eval on what synfire train left: the run directory, its bundle, its weights file. */
class EvalCommandTest {

    @TempDir
    Path temp;

    private Path run;

    private CliRun cli(String... args) {
        return CliRun.withFakeData(args);
    }

    @BeforeEach
    void train() throws IOException {
        CliRun trained = cli("train", "--circuit", "sbp", "--dataset", "tiny", "--hidden", "12", "--seed", "4",
                "--runs", temp.resolve("runs").toString(), "--quiet");
        assertEquals(0, trained.exitCode(), trained.err());
        try (Stream<Path> dirs = Files.list(temp.resolve("runs"))) {
            run = dirs.findFirst().orElseThrow();
        }
    }

    @Test
    void chipInferenceAgreesWithTheFunctionalPassOnEverySample() {
        CliRun eval = cli("eval", run.toString(), "--both");

        assertEquals(0, eval.exitCode(), eval.out() + eval.err());
        assertTrue(eval.out().contains("on 40 test samples of tiny"), eval.out());
        assertTrue(eval.out().contains("predictions that differ: 0 of 40"), eval.out());
    }

    @Test
    void evaluatesABundleAsItsRunDirectory() {
        CliRun fromDirectory = cli("eval", run.toString());
        CliRun fromBundle = cli("eval", run.resolve(run.getFileName() + ".tar.gz").toString());

        assertEquals(0, fromBundle.exitCode(), fromBundle.err());
        assertEquals(fromDirectory.out().lines().skip(1).toList(), fromBundle.out().lines().skip(1).toList());
    }

    @Test
    void plotDrawsTheFiguresOfARunAndOfItsBundle() throws IOException {
        Path out = temp.resolve("figures");

        CliRun plot = cli("plot", run.resolve(run.getFileName() + ".tar.gz").toString(), "--out", out.toString());

        assertEquals(0, plot.exitCode(), plot.err());
        for (String png : new String[] {"accuracy.png", "weights.png", "raster.png"}) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        assertTrue(Files.size(run.resolve("plots/raster.png")) > 1000, "train draws the raster too");
    }

    @Test
    void aWeightsFileNeedsADataSet() {
        CliRun eval = cli("eval", run.resolve("weights.npz").toString());

        assertEquals(2, eval.exitCode());
        assertEquals("synfire: --dataset is needed to evaluate an NPZ file\n", eval.err());
    }

    @Test
    void aWeightsFileEvaluatesWithTheDataSetGiven() {
        CliRun eval = cli("eval", run.resolve("weights.npz").toString(), "--dataset", "tiny", "--circuit",
                "sbp-functional", "--hidden", "12");

        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(eval.out().contains("functional"), eval.out());
    }

    @Test
    void aWeightsFileOfOtherLayersSaysWhichOptionSetsThem() {
        CliRun eval = cli("eval", run.resolve("weights.npz").toString(), "--dataset", "tiny", "--circuit",
                "sbp-functional");

        assertEquals(2, eval.exitCode());
        assertTrue(eval.err().contains("expected 400") && eval.err().contains("--hidden"), eval.err());
    }

    /**
     * An annealed run's weights file, taken out of its run directory, reopens the circuit at the run's last stage:
     * the file records its circuit options and epoch. A file that does not (written before files did) needs them
     * given, and is refused without the epoch; options or an epoch that contradict the file, or given for a run
     * directory, are refused.
     */
    @Test
    void anAnnealedRunsWeightsFileReopensTheCircuitAtItsLastStage() throws IOException {
        Path runs = temp.resolve("annealed");
        CliRun trained = cli("train", "--circuit", "sbp", "--dataset", "tiny", "--hidden", "12", "--seed", "4",
                "--epochs", "3", "--circuit-option", "lr-schedule=halve@1,2", "--runs", runs.toString(), "--quiet");
        assertEquals(0, trained.exitCode(), trained.err());
        Path annealed;
        try (Stream<Path> dirs = Files.list(runs)) {
            annealed = dirs.findFirst().orElseThrow();
        }
        CliRun ofRun = cli("eval", annealed.toString(), "--both");
        assertEquals(0, ofRun.exitCode(), ofRun.out() + ofRun.err());
        java.util.List<String> expected = ofRun.out().lines().skip(1).toList();

        Path bare = Files.copy(annealed.resolve("weights.npz"), temp.resolve("bare.npz"));
        CliRun ofFile = cli("eval", bare.toString(), "--dataset", "tiny", "--hidden", "12", "--both");
        assertEquals(0, ofFile.exitCode(), ofFile.out() + ofFile.err());
        assertEquals(expected, ofFile.out().lines().skip(1).toList(), "the file's own record of its stage");

        Path older = temp.resolve("older.npz"); // the same weights in a file that does not record its circuit
        WeightsFile.write(older, WeightsFile.readWeights(bare), 360);
        CliRun noEpoch = cli("eval", older.toString(), "--dataset", "tiny", "--hidden", "12", "--circuit-option",
                "lr-schedule=halve@1,2");
        assertEquals(2, noEpoch.exitCode(), noEpoch.out());
        assertTrue(noEpoch.err().contains("changes between epochs") && noEpoch.err().contains("give --epoch E"),
                noEpoch.err());
        CliRun given = cli("eval", older.toString(), "--dataset", "tiny", "--hidden", "12", "--both",
                "--circuit-option", "lr-schedule=halve@1,2", "--epoch", "3");
        assertEquals(0, given.exitCode(), given.out() + given.err());
        assertEquals(expected, given.out().lines().skip(1).toList(), "options and epoch given");

        CliRun contradicts = cli("eval", bare.toString(), "--dataset", "tiny", "--hidden", "12",
                "--circuit-option", "lr-schedule=none");
        assertEquals(2, contradicts.exitCode(), contradicts.out());
        assertTrue(contradicts.err().contains("records the circuit option lr-schedule=halve@1,2; --circuit-option "
                + "lr-schedule=none contradicts it"), contradicts.err());
        CliRun wrongEpoch = cli("eval", bare.toString(), "--dataset", "tiny", "--hidden", "12", "--epoch", "1");
        assertEquals(2, wrongEpoch.exitCode(), wrongEpoch.out());
        assertTrue(wrongEpoch.err().contains("records that its weights ended epoch 3; --epoch 1 contradicts it"),
                wrongEpoch.err());
        Path exported = temp.resolve("exported.npz"); // layers at exponent 0, not the circuit's mantissas
        CliRun export = cli("export", annealed.toString(), "--format", "npz", "--out", exported.toString());
        assertEquals(0, export.exitCode(), export.out() + export.err());
        CliRun ofExport = cli("eval", exported.toString(), "--dataset", "tiny", "--hidden", "12", "--both");
        assertEquals(2, ofExport.exitCode(), ofExport.out());
        assertTrue(ofExport.err().contains("is an inference network that 'synfire export' wrote")
                && ofExport.err().contains("evaluate the run directory, its bundle or its weights.npz"), ofExport.err());
        CliRun ofDirectory = cli("eval", annealed.toString(), "--epoch", "3");
        assertEquals(2, ofDirectory.exitCode(), ofDirectory.out());
        assertTrue(ofDirectory.err().contains("is a run directory"), ofDirectory.err());
    }
}
