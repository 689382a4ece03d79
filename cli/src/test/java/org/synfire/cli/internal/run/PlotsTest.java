package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    @TempDir
    Path temp;

    @Test
    void drawsTheAccuracyCurveAsAPng() throws IOException {
        Path png = temp.resolve("accuracy.png");

        Plots.accuracy(List.of(MetricsLogTest.metrics(0.5, 30000, 0.8, 0.9, 0.92, 0.1, 5000),
                MetricsLogTest.metrics(1.0, 60000, 0.85, 0.93, 0.95, 0.08, 5000)), png);

        assertDrawn(png);
    }

    @Test
    void drawsWeightHistogramsAsAPng() throws IOException {
        Path png = temp.resolve("weights.png");

        Plots.weightHistograms(Map.of("W1", new int[] {-256, -2, 0, 2, 254}, "W2", new int[] {10, 12}),
                -256, 254, 16, png);

        assertDrawn(png);
    }

    private static void assertDrawn(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(560, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 3, "the picture is almost blank: " + colours.size() + " colours");
    }
}
