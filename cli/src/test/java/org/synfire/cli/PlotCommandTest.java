package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synfire plot draws again every figure synfire train drew, from the run directory and from its bundle. */
class PlotCommandTest {

    @TempDir
    static Path temp;

    private static Path run;

    private static CliRun cli(String... args) {
        return CliRun.withFakeData(args);
    }

    @BeforeAll
    static void train() throws IOException {
        CliRun trained = cli("train", "--circuit", "sbp", "--dataset", "tiny", "--hidden", "12", "--seed", "4",
                "--epochs", "2", "--runs", temp.resolve("runs").toString(), "--quiet");
        assertEquals(0, trained.exitCode(), trained.err());
        try (Stream<Path> dirs = Files.list(temp.resolve("runs"))) {
            run = dirs.findFirst().orElseThrow();
        }
    }

    /** The figures of the run, relative to its plots/. */
    private static List<Path> figures() throws IOException {
        try (Stream<Path> files = Files.walk(run.resolve("plots"))) {
            return files.filter(f -> f.toString().endsWith(".png")).map(run.resolve("plots")::relativize).sorted()
                    .toList();
        }
    }

    @Test
    void trainingDrawsEveryFigureAndKeepsTheInitialWeights() throws IOException {
        assertEquals(List.of("accuracy.png", "energy-events.png", "energy-phases.png", "energy.png",
                "inference/energy-events.png", "inference/energy-phases.png", "inference/energy.png", "raster.png",
                "weights.png"), figures().stream().map(p -> p.toString().replace('\\', '/')).toList());
        assertTrue(Files.isRegularFile(run.resolve("weights-initial.npz")));
    }

    @Test
    void redrawsEveryFigureFromTheDirectory() throws IOException {
        assertRedrawn(run, temp.resolve("from-directory"));
    }

    @Test
    void redrawsEveryFigureFromTheBundle() throws IOException {
        assertRedrawn(run.resolve(run.getFileName() + ".tar.gz"), temp.resolve("from-bundle"));
    }

    private static void assertRedrawn(Path source, Path out) throws IOException {
        CliRun plot = cli("plot", source.toString(), "--out", out.toString());

        assertEquals(0, plot.exitCode(), plot.err());
        for (Path figure : figures()) {
            assertTrue(plot.out().contains(figure.toString().replace('\\', '/')), figure + " in " + plot.out());
            BufferedImage drawn = ImageIO.read(run.resolve("plots").resolve(figure).toFile());
            BufferedImage redrawn = ImageIO.read(out.resolve(figure).toFile());
            assertEquals(drawn.getWidth(), redrawn.getWidth(), figure.toString());
            assertEquals(drawn.getHeight(), redrawn.getHeight(), figure.toString());
            if (!figure.toString().equals("raster.png")) { // the raster's samples come from a new evaluation
                assertTrue(sameImage(drawn, redrawn), figure + " differs from the one training drew");
            }
        }
    }

    private static boolean sameImage(BufferedImage a, BufferedImage b) {
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
