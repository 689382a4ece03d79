package org.synfire.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.api.data.DataFile;
import org.synfire.chip.api.data.DataOptions;
import org.synfire.chip.api.data.Dataset;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.DatasetProvider;
import org.synfire.chip.api.spi.Extension;
import org.synfire.datasets.idx.Idx;
import org.synfire.datasets.idx.IdxFormatException;
import org.synfire.datasets.internal.DataFiles;
import org.synfire.datasets.internal.RawSource;

class ProvidersTest {

    @TempDir
    Path tmp;

    @Test
    void everyDeclaredProviderHasItsOwnValidId() throws IOException, ReflectiveOperationException {
        Map<String, DatasetProvider> byId = new TreeMap<>();
        for (String name : serviceFile()) {
            DatasetProvider provider = (DatasetProvider) Class.forName(name).getConstructor().newInstance();
            assertEquals(provider.id(), Extension.requireValidId(provider.id()));
            assertNull(byId.put(provider.id(), provider), "id taken twice: " + provider.id());
        }
        assertEquals(List.of("fashion-mnist28", "mnist20", "mnist20-mini", "mnist28"), List.copyOf(byId.keySet()));
        assertEquals(400, byId.get("mnist20").dimension());
        assertEquals(784, byId.get("mnist28").dimension());
        assertEquals(784, byId.get("fashion-mnist28").dimension());
        assertEquals(10, byId.get("fashion-mnist28").classes());
    }

    @Test
    void serviceFileListsTheModuleInfoProviders() throws IOException {
        // META-INF/services serves class-path users; it must name the same classes as module-info
        assertEquals(List.of(Mnist20Provider.class.getName(), Mnist28Provider.class.getName(),
                FashionMnist28Provider.class.getName(), Mnist20MiniProvider.class.getName()), serviceFile());
        Module module = Mnist20Provider.class.getModule();
        if (module.isNamed()) {
            assertEquals(serviceFile(), module.getDescriptor().provides().stream()
                    .filter(p -> p.service().equals(DatasetProvider.class.getName()))
                    .flatMap(p -> p.providers().stream()).toList());
        }
    }

    private static List<String> serviceFile() throws IOException {
        try (var in = Mnist20Provider.class.getResourceAsStream(
                "/META-INF/services/org.synfire.chip.api.spi.DatasetProvider")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
    }

    /**
     * The embedded subset as mnist20, against figures from an independent numpy model: the IDX bytes
     * read with {@code np.frombuffer}, cropped {@code [4:24, 4:24]}, binarised {@code x / 255.0 > 0.5}.
     */
    @Test
    void embeddedMnist20MiniLoadsOfflineWithNothingAround() throws IOException {
        DataFiles nowhere = new DataFiles(Map.of(), tmp.resolve("empty-home"), line -> { });
        Dataset d = new Mnist20MiniProvider(nowhere).load(DataOptions.offline());
        assertEquals("mnist20-mini", d.id());
        // it reports the four resources it read, with their SHA-256 (as the module's source tree holds them)
        Path sources = Path.of("src/main/resources/org/synfire/datasets/embedded/mnist-mini");
        assertEquals(RawSource.FILES.stream().map(f -> new DataFile("resource /org/synfire/datasets/embedded/mnist-mini/"
                + f, sha256(readAll(sources.resolve(f))))).toList(), d.files());
        Samples train = d.train();
        assertEquals(2000, train.count());
        assertEquals(400, train.dimension());
        assertEquals(1000, d.test().count());
        assertEquals(199_839, ones(train, 0, train.count()));
        assertEquals(94_014, ones(d.test(), 0, d.test().count()));
        assertEquals(104, ones(train, 0, 1));
        assertEquals(63, ones(d.test(), 0, 1));
        // first training digit (a 5): its first set inputs are 33, 34, 36, 37, 38
        int[] firstOnes = new int[5];
        for (int j = 0, k = 0; k < 5; j++) {
            if (train.input(0, j) == 1) {
                firstOnes[k++] = j;
            }
        }
        assertArrayEquals(new int[] {33, 34, 36, 37, 38}, firstOnes);
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4, 3, 5}, java.util.Arrays.copyOf(train.labels(), 12));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6},
                java.util.Arrays.copyOf(d.test().labels(), 12));
        assertArrayEquals(new int[] {191, 220, 198, 191, 214, 180, 200, 224, 172, 210}, LabelCounts.of(train));
        assertArrayEquals(new int[] {85, 126, 116, 107, 110, 87, 87, 99, 89, 94}, LabelCounts.of(d.test()));
    }

    @Test
    void variantsAreNamed() {
        assertEquals(Variant.MNIST20, Variant.named("mnist20"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Variant.named("cifar"));
        assertTrue(e.getMessage().contains("[mnist20, mnist28, fashion-mnist28, mnist20-mini]"), e.getMessage());
    }

    @Test
    void mnist20CropsThenBinarises() {
        // a 28 x 28 image with a gradient: pixel (r, c) = 9 * c, so column c is set iff 9c >= 128, i.e. c >= 15;
        // after cropping 4 columns, output column c' = c - 4 is set iff c' >= 11: 9 ones per row of 20
        byte[] px = new byte[784];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                px[r * 28 + c] = (byte) (9 * c);
            }
        }
        Images out = Variant.MNIST20.apply(new Images(1, 28, 28, px));
        assertEquals(20, out.rows());
        for (int c = 0; c < 20; c++) {
            assertEquals(c >= 11 ? 1 : 0, out.pixel(0, 7, c), "column " + c);
        }
    }

    @Test
    void rawSourceChecksCountsAndShape(@TempDir Path dir) throws IOException {
        // a toy source of 3 training and 2 test images, written as IDX files
        RawSource toy = new RawSource("toy", 3, 2, false);
        Path data = Files.createDirectories(dir.resolve("toy"));
        Idx.writeImages(data.resolve(RawSource.TRAIN_IMAGES), new Images(3, 28, 28, new byte[3 * 784]), true);
        Idx.writeLabels(data.resolve(RawSource.TRAIN_LABELS), new int[] {1, 2, 3}, true);
        Idx.writeImages(data.resolve(RawSource.TEST_IMAGES), new Images(2, 28, 28, new byte[2 * 784]), false);
        Idx.writeLabels(data.resolve(RawSource.TEST_LABELS), new int[] {4, 5}, false);
        DataFiles files = new DataFiles(Map.of(), dir.resolve("home"), line -> { });
        RawSource.Raw raw = toy.load(DataOptions.offline().withDirectory(dir), files);
        assertArrayEquals(new int[] {4, 5}, raw.test().labels());
        // the files read, each with the SHA-256 of its bytes, for the run's provenance
        assertEquals(RawSource.FILES.stream().map(f -> new DataFile(data.resolve(f).toAbsolutePath().normalize()
                .toString(), sha256(readAll(data.resolve(f))))).toList(), raw.files());

        RawSource bigger = new RawSource("toy", 4, 2, false);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> bigger.load(DataOptions.offline().withDirectory(dir), files));
        assertEquals(data.resolve(RawSource.TRAIN_IMAGES) + ": holds 3 images; toy has 4 there", e.getMessage());

        Idx.writeImages(data.resolve(RawSource.TEST_IMAGES), new Images(2, 20, 20, new byte[2 * 400]), false);
        e = assertThrows(IdxFormatException.class, () -> toy.load(DataOptions.offline().withDirectory(dir), files));
        assertEquals(data.resolve(RawSource.TEST_IMAGES) + ": images of 20 x 20 pixels, expected 28 x 28",
                e.getMessage());
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int ones(Samples s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            for (int j = 0; j < s.dimension(); j++) {
                n += s.input(i, j);
            }
        }
        return n;
    }
}
