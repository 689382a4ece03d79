package org.synfire.circuits.internal.sbp;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.synfire.chip.api.data.Samples;

/**
 * The 2,000 training digits embedded in the datasets module (mnist-mini), read from its source tree
 * and prepared as {@code mnist20} prepares them (4 pixels cropped off every side, input 1 iff pixel >=
 * 128): 400 binary inputs, 10 classes. For tests and timings of this module, which does not depend on
 * the datasets module.
 */
final class MnistMini {

    private static final Path IN_REPOSITORY = Path.of("datasets", "src", "main", "resources", "org", "synfire",
            "datasets", "embedded", "mnist-mini");

    private MnistMini() {
    }

    /** The digits, from the module directory (as Maven runs tests) or else the repository's root. */
    static Samples train() {
        Path fromModule = Path.of("..").resolve(IN_REPOSITORY);
        return read(Files.isDirectory(fromModule) ? fromModule : IN_REPOSITORY);
    }

    static Samples read(Path directory) {
        try (DataInputStream images = open(directory.resolve("train-images-idx3-ubyte.gz"));
             DataInputStream labels = open(directory.resolve("train-labels-idx1-ubyte.gz"))) {
            expect(images.readInt(), 0x803, "images");
            int count = images.readInt();
            int rows = images.readInt();
            int columns = images.readInt();
            expect(labels.readInt(), 0x801, "labels");
            expect(labels.readInt(), count, "label count");
            int side = 20;
            int border = (rows - side) / 2;
            byte[] inputs = new byte[count * side * side];
            byte[] pixels = new byte[rows * columns];
            int[] classes = new int[count];
            for (int n = 0; n < count; n++) {
                images.readFully(pixels);
                for (int r = 0; r < side; r++) {
                    for (int c = 0; c < side; c++) {
                        int pixel = pixels[(r + border) * columns + c + border] & 0xff;
                        inputs[n * side * side + r * side + c] = (byte) (pixel >= 128 ? 1 : 0);
                    }
                }
                classes[n] = labels.readUnsignedByte();
            }
            return new Samples(count, side * side, inputs, classes, 10);
        } catch (IOException e) {
            throw new UncheckedIOException("mnist-mini: cannot read " + directory.toAbsolutePath(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in)));
    }

    private static void expect(int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException("mnist-mini: " + what + " is " + actual + "; expected " + expected);
        }
    }
}
