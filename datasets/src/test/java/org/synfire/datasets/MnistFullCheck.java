package org.synfire.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.api.data.DataOptions;
import org.synfire.chip.api.data.Dataset;
import org.synfire.chip.api.data.Samples;
import org.synfire.datasets.internal.Checksum;
import org.synfire.datasets.internal.DataFiles;
import org.synfire.datasets.internal.RawSource;
import org.synfire.datasets.internal.SourceCatalog;
import org.synfire.datasets.internal.SourceSpec;
import org.synfire.datasets.internal.VerifiedFiles;
import org.synfire.datasets.idx.Idx;

/**
 * Checks against the real MNIST files, run by hand only (the class name does not match surefire's
 * default includes, so {@code mvn verify} never runs it). With the four files in
 * {@code $SYNFIRE_DATA/mnist/}:
 *
 * <pre>
 * SYNFIRE_DATA=&lt;dir&gt; mvn -o -pl datasets -am verify -Dtest=MnistFullCheck -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The checks run with a home directory of their own (the memory of verified files goes there).
 * The expected figures come from an independent NumPy model ({@code np.frombuffer} of the gunzipped
 * bytes, {@code [:, 4:24, 4:24] / 255.0 > 0.5}). The timing test prints to the surefire output file
 * ({@code target/surefire-reports/org.synfire.datasets.MnistFullCheck-output.txt}).
 */
class MnistFullCheck {

    /** The home directory of these checks: the memory of verified files goes to its {@code .cache}. */
    @TempDir
    static Path home;

    private static DataFiles files() {
        String data = System.getenv(DataFiles.DATA_VARIABLE);
        assumeTrue(data != null, "set " + DataFiles.DATA_VARIABLE + " to a directory holding mnist/");
        return new DataFiles(Map.of(DataFiles.DATA_VARIABLE, data), home, line -> { });
    }

    /** The real images with every label shifted by one (a valid file of the same size) are refused. */
    @Test
    void labelsShiftedByOneAreRefused(@TempDir Path dir) throws IOException {
        Map<String, Path> real = files().locate("mnist", RawSource.FILES, DataOptions.offline());
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        for (String file : RawSource.FILES) {
            if (file.contains("labels")) {
                int[] labels = Idx.readLabels(real.get(file), RawSource.CLASSES);
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = (labels[i] + 1) % RawSource.CLASSES;
                }
                Idx.writeLabels(mnist.resolve(file), labels, true);
            } else {
                Files.copy(real.get(file), mnist.resolve(file));
            }
        }
        DataFiles files = new DataFiles(Map.of(), home, line -> { });
        IOException e = assertThrows(IOException.class,
                () -> new Mnist20Provider(files).load(DataOptions.offline().withDirectory(dir)));
        assertTrue(e.getMessage().startsWith(mnist.resolve(RawSource.TRAIN_LABELS) + ": refused: its content-sha256 is"),
                e.getMessage());
        System.out.println("shifted labels: " + e.getMessage());
    }

    /**
     * The cost of checking the four files at a load: cold (nothing remembered: every file gunzipped
     * and hashed, the files themselves in the page cache after the first run) and warm (remembered:
     * four stats and the memory file read), medians of 5 and 21 runs.
     */
    @Test
    void timeChecksumVerification(@TempDir Path dir) throws IOException {
        Map<String, Path> paths = files().locate("mnist", RawSource.FILES, DataOptions.offline());
        SourceSpec spec = SourceCatalog.load(Map.of()).spec("mnist", RawSource.FILES);
        Path memory = dir.resolve(VerifiedFiles.FILE_NAME);
        long[] cold = new long[5];
        for (int r = 0; r < cold.length; r++) {
            Files.deleteIfExists(memory);
            long t0 = System.nanoTime();
            new VerifiedFiles(memory).verify(spec, paths);
            cold[r] = (System.nanoTime() - t0) / 1_000;
        }
        long[] warm = new long[21];
        for (int r = 0; r < warm.length; r++) {
            long t0 = System.nanoTime();
            new VerifiedFiles(memory).verify(spec, paths);
            warm[r] = (System.nanoTime() - t0) / 1_000;
        }
        System.out.println("checksum check of the 4 MNIST files, cold (us): " + Arrays.toString(cold) + ", median "
                + median(cold) + " us; warm (us): " + Arrays.toString(warm) + ", median " + median(warm) + " us");
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @Test
    void mnist20MatchesTheNumpyModel() throws IOException {
        Dataset d = new Mnist20Provider(files()).load(DataOptions.offline());
        assertEquals(60_000, d.train().count());
        assertEquals(10_000, d.test().count());
        assertEquals(6_015_681, ones(d.train()));
        assertEquals(1_018_438, ones(d.test()));
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, LabelCounts.of(d.train()));
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, LabelCounts.of(d.test()));
    }

    @Test
    void mnist28MatchesTheNumpyModel() throws IOException {
        Dataset d = new Mnist28Provider(files()).load(DataOptions.offline());
        assertEquals(6_221_431, ones(d.train()));
        assertEquals(1_052_359, ones(d.test()));
    }

    @Test
    void configuredChecksumsMatchTheFiles() throws IOException {
        Map<String, Path> paths = files().locate("mnist", RawSource.FILES, DataOptions.offline());
        SourceSpec spec = SourceCatalog.load(Map.of()).spec("mnist", RawSource.FILES);
        for (String file : RawSource.FILES) {
            for (Checksum c : spec.checksums(file)) {
                assertEquals(c.hex(), c.digest(paths.get(file)), file + " " + c.kind());
            }
        }
    }

    @Test
    void embeddedSubsetIsTheHeadOfTheFullData() throws IOException {
        Dataset full = new Mnist20Provider(files()).load(DataOptions.offline());
        Dataset mini = new Mnist20MiniProvider(files()).load(DataOptions.offline());
        assertSame(full.train().head(2000), mini.train());
        assertSame(full.test().head(1000), mini.test());
    }

    @Test
    void timeLoadingAndPreprocessingMnist20() throws IOException {
        DataFiles files = files();
        int runs = 7;
        long[] ms = new long[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            new Mnist20Provider(files).load(DataOptions.offline());
            ms[r] = (System.nanoTime() - t0) / 1_000_000;
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.println("mnist20 load + preprocess, " + runs + " runs (ms): " + Arrays.toString(ms)
                + ", median " + sorted[runs / 2] + " ms");
    }

    private static void assertSame(Samples expected, Samples actual) {
        assertEquals(expected.count(), actual.count());
        assertArrayEquals(expected.inputs(), actual.inputs());
        assertArrayEquals(expected.labels(), actual.labels());
    }

    private static long ones(Samples s) {
        long n = 0;
        for (byte b : s.inputs()) {
            n += b;
        }
        return n;
    }
}
