package org.synfire.datasets.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.synfire.chip.api.data.DataFile;
import org.synfire.chip.api.data.DataOptions;
import org.synfire.datasets.Images;
import org.synfire.datasets.LabelledImages;
import org.synfire.datasets.idx.Idx;
import org.synfire.datasets.idx.IdxFormatException;

/**
 * A raw data set in the four IDX files of MNIST: 28 x 28 grey images of 10 classes, read from files
 * that {@link DataFiles} finds, or from resources of this module.
 *
 * @param name       the data set's name, also its directory name, e.g. {@code mnist}
 * @param trainCount number of training images
 * @param testCount  number of test images
 * @param embedded   whether the files are resources of this module (no files to find)
 */
public record RawSource(String name, int trainCount, int testCount, boolean embedded) {

    /** MNIST, 60,000 training and 10,000 test digits. */
    public static final RawSource MNIST = new RawSource("mnist", 60_000, 10_000, false);

    /** Fashion-MNIST, 60,000 training and 10,000 test images of clothes. */
    public static final RawSource FASHION_MNIST = new RawSource("fashion-mnist", 60_000, 10_000, false);

    /** The first 2,000 training and first 1,000 test digits of MNIST, shipped inside this module. */
    public static final RawSource MNIST_MINI = new RawSource("mnist-mini", 2_000, 1_000, true);

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    /** The four files, as the data sets' publishers name them. */
    public static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    public static final int CLASSES = 10;

    /** The resource directory of embedded sources, relative to the module root. */
    public static final String EMBEDDED_ROOT = "/org/synfire/datasets/embedded/";

    /**
     * Training and test images, as read, and the files they were read from.
     *
     * @param files each file read (its path, or {@code resource PATH} for an embedded one) with the SHA-256
     *              of its bytes, in the order of {@link #FILES}
     */
    public record Raw(LabelledImages train, LabelledImages test, List<DataFile> files) {
        public Raw {
            files = List.copyOf(files);
        }
    }

    /**
     * Reads both halves, checking every file against its checksums (see {@link DataFiles#verify}; an
     * embedded file against the SHA-256 recorded for it in the built-in catalogue, as it is read), then
     * its format, and that there are as many images as this source has.
     */
    public Raw load(DataOptions options, DataFiles files) throws IOException {
        if (embedded) {
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            for (String file : FILES) {
                bytes.put(file, resource(file));
            }
            List<DataFile> read = new ArrayList<>();
            bytes.forEach((file, content) -> read.add(new DataFile(resourceName(file), sha256(content))));
            return new Raw(
                    pair(resourceImages(TRAIN_IMAGES, bytes), TRAIN_IMAGES, resourceLabels(TRAIN_LABELS, bytes),
                            TRAIN_LABELS, trainCount),
                    pair(resourceImages(TEST_IMAGES, bytes), TEST_IMAGES, resourceLabels(TEST_LABELS, bytes),
                            TEST_LABELS, testCount),
                    read);
        }
        Map<String, Path> paths = files.locate(name, FILES, options);
        Map<Path, String> proved = files.verify(name, paths);
        List<DataFile> read = new ArrayList<>();
        for (Path path : paths.values()) {
            Path file = path.toAbsolutePath().normalize();
            String sha256 = proved.get(file); // a file just proved by its SHA-256 is not hashed twice
            read.add(new DataFile(file.toString(), sha256 != null ? sha256 : sha256(path)));
        }
        return new Raw(
                pair(fileImages(paths.get(TRAIN_IMAGES)), paths.get(TRAIN_IMAGES).toString(),
                        Idx.readLabels(paths.get(TRAIN_LABELS), CLASSES), paths.get(TRAIN_LABELS).toString(),
                        trainCount),
                pair(fileImages(paths.get(TEST_IMAGES)), paths.get(TEST_IMAGES).toString(),
                        Idx.readLabels(paths.get(TEST_LABELS), CLASSES), paths.get(TEST_LABELS).toString(),
                        testCount),
                read);
    }

    private static Images fileImages(Path file) throws IOException {
        return checked(Idx.readImages(file), file.toString());
    }

    private LabelledImages pair(Images images, String imagesName, int[] labels, String labelsName, int count)
            throws IdxFormatException {
        if (images.count() != count) {
            throw new IdxFormatException(imagesName, "holds " + images.count() + " images; " + name + " has "
                    + count + " there");
        }
        return Idx.pair(imagesName, images, labelsName, labels, CLASSES);
    }

    private static Images checked(Images images, String file) throws IdxFormatException {
        if (images.rows() != ROWS || images.columns() != COLUMNS) {
            throw new IdxFormatException(file, "images of " + images.rows() + " x " + images.columns()
                    + " pixels, expected " + ROWS + " x " + COLUMNS);
        }
        return images;
    }

    private Images resourceImages(String file, Map<String, byte[]> bytes) throws IOException {
        String path = resourceName(file);
        return checked(Idx.readImages(path, new ByteArrayInputStream(bytes.get(file))), path);
    }

    private int[] resourceLabels(String file, Map<String, byte[]> bytes) throws IOException {
        return Idx.readLabels(resourceName(file), new ByteArrayInputStream(bytes.get(file)), CLASSES);
    }

    /** How an embedded file is named in messages and in a run's provenance. */
    private String resourceName(String file) {
        return "resource " + EMBEDDED_ROOT + name + "/" + file;
    }

    /** The SHA-256 of a file's bytes as stored (a gzip file's, not its content's). */
    static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0;) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The bytes of an embedded file, checked against the SHA-256 the built-in catalogue records for it. */
    private byte[] resource(String file) throws IOException {
        String path = EMBEDDED_ROOT + name + "/" + file;
        byte[] bytes;
        try (InputStream in = RawSource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("resource " + path + " is missing from the datasets module");
            }
            bytes = Bounded.read(in, MAX_EMBEDDED_BYTES + 1);
        }
        if (bytes.length > MAX_EMBEDDED_BYTES) {
            throw new IOException("resource " + path + " is longer than " + Bounded.bytes(MAX_EMBEDDED_BYTES)
                    + ", more than an embedded file may be");
        }
        checkEmbedded("resource " + path, bytes, SourceCatalog.builtIn().spec(name, FILES).checksums(file));
        return bytes;
    }

    /** The largest embedded file read: 16 MiB (the files of mnist-mini take 0.3 MB at most). */
    static final int MAX_EMBEDDED_BYTES = 16 << 20;

    /** Checks the bytes of an embedded file against its SHA-256; refuses a file that has none recorded. */
    static void checkEmbedded(String what, byte[] bytes, List<Checksum> sums) throws IOException {
        Checksum sha = sums.stream().filter(c -> c.kind() == Checksum.Kind.SHA256).findFirst().orElse(null);
        if (sha == null) {
            throw new IOException(what + ": no SHA-256 is recorded for it in the built-in sources.properties,"
                    + " so it is not used");
        }
        String actual = sha256(bytes);
        if (!actual.equals(sha.hex())) {
            throw new IOException(what + ": refused: its sha256 is " + actual + ", but the datasets module"
                    + " recorded " + sha.hex() + " for it: the file is damaged or altered");
        }
    }
}
