package org.synfire.datasets.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.synfire.datasets.LabelledImages;
import org.synfire.datasets.idx.Idx;

/**
 * Makes the embedded {@code mnist-mini} subset from the full MNIST files: the first 2,000 training
 * and first 1,000 test digits, written as gzip IDX. Run by hand, once; its output is committed under
 * {@code src/main/resources/org/synfire/datasets/embedded/mnist-mini/} (see the README there):
 *
 * <pre>
 * mvn -q -pl datasets -am compile
 * java -cp datasets/target/classes:chip-api/target/classes:&lt;jars of commons-compress, commons-io, commons-lang3&gt; \
 *     org.synfire.datasets.internal.EmbeddedSubsetTool &lt;dir with the 4 MNIST files&gt; \
 *     datasets/src/main/resources/org/synfire/datasets/embedded/mnist-mini
 * </pre>
 */
public final class EmbeddedSubsetTool {

    private EmbeddedSubsetTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedSubsetTool <mnist directory> <output directory>");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        RawSource mini = RawSource.MNIST_MINI;
        write(Idx.readLabelled(in.resolve(RawSource.TRAIN_IMAGES), in.resolve(RawSource.TRAIN_LABELS),
                RawSource.CLASSES).head(mini.trainCount()), out, RawSource.TRAIN_IMAGES, RawSource.TRAIN_LABELS);
        write(Idx.readLabelled(in.resolve(RawSource.TEST_IMAGES), in.resolve(RawSource.TEST_LABELS),
                RawSource.CLASSES).head(mini.testCount()), out, RawSource.TEST_IMAGES, RawSource.TEST_LABELS);
    }

    private static void write(LabelledImages subset, Path out, String images, String labels) throws IOException {
        Idx.writeImages(out.resolve(images), subset.images(), true);
        Idx.writeLabels(out.resolve(labels), subset.labels(), true);
        System.out.println(out.resolve(images) + ", " + out.resolve(labels) + ": " + subset.images().count()
                + " digits");
    }
}
