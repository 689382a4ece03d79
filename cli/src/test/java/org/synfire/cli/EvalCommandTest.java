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
}
