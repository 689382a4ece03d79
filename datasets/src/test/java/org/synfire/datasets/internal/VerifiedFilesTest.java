package org.synfire.datasets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.api.data.DataOptions;
import org.synfire.datasets.Images;
import org.synfire.datasets.idx.Idx;

/**
 * Files of known data sets are checked against their checksums at every load, hashed once and then
 * remembered; altered files, and embedded files without a recorded sum, are refused naming the file.
 */
class VerifiedFilesTest {

    @TempDir
    Path tmp;

    private Path home;
    private Path data;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> log = new ArrayList<>();

    /** A toy source of 3 training and 2 test images, with content-sha256 sums configured for its files. */
    private final RawSource toy = new RawSource("toy", 3, 2, false);

    @BeforeEach
    void setUp() throws IOException, NoSuchAlgorithmException {
        home = Files.createDirectories(tmp.resolve("home"));
        data = Files.createDirectories(tmp.resolve("data/toy"));
        Idx.writeImages(data.resolve(RawSource.TRAIN_IMAGES), new Images(3, 28, 28, pixels(3)), true);
        Idx.writeLabels(data.resolve(RawSource.TRAIN_LABELS), new int[] {1, 2, 3}, true);
        Idx.writeImages(data.resolve(RawSource.TEST_IMAGES), new Images(2, 28, 28, pixels(2)), true);
        Idx.writeLabels(data.resolve(RawSource.TEST_LABELS), new int[] {4, 9}, true);
        List<String> lines = new ArrayList<>();
        for (String file : RawSource.FILES) {
            lines.add("toy." + file + ".content-sha256=" + contentSha256(data.resolve(file)));
        }
        Path config = Files.write(tmp.resolve("sources.properties"), lines);
        env.put(SourceCatalog.CONFIG_VARIABLE, config.toString());
    }

    private DataFiles files() {
        return new DataFiles(env, home, log::add);
    }

    private DataOptions options() {
        return DataOptions.offline().withDirectory(data.getParent());
    }

    /** The memory of checked files makes a second load hash nothing. */
    @Test
    void knownFilesAreHashedOnceThenRemembered() throws IOException {
        DataFiles files = files();
        toy.load(options(), files);
        assertEquals(4, files.verified().hashed());
        toy.load(options(), files);
        assertEquals(4, files.verified().hashed(), "remembered within a process");
        DataFiles again = files();
        toy.load(options(), again);
        assertEquals(0, again.verified().hashed(), "and across processes");
        assertTrue(Files.isRegularFile(home.resolve(".cache/synfire/" + VerifiedFiles.FILE_NAME)));
    }

    /**
     * Guard: {@code RawSource.load} verifies found files at every load, not only downloads. A labels
     * file with every label shifted by one (a valid IDX file of the same size) is refused, naming it,
     * also after it was once verified and remembered.
     */
    @Test
    void labelsShiftedByOneAreRefusedNamingTheFile() throws IOException {
        toy.load(options(), files());
        Path labels = data.resolve(RawSource.TRAIN_LABELS);
        Idx.writeLabels(labels, new int[] {2, 3, 4}, true);
        IOException e = assertThrows(IOException.class, () -> toy.load(options(), files()));
        assertTrue(e.getMessage().startsWith(labels + ": refused: its content-sha256 is "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": the file is damaged or altered; replace it"), e.getMessage());
    }

    /**
     * Guard: the status-change time in the remembered stamp. A file altered in place, at the same
     * size, with its modification time set back ({@code touch -d}), is hashed again and refused.
     */
    @Test
    void alteredFileWithItsModificationTimeSetBackIsHashedAgain() throws IOException {
        Path labels = data.resolve(RawSource.TRAIN_LABELS);
        assumeTrue(Files.getFileStore(labels).supportsFileAttributeView("unix"), "no status-change time here");
        toy.load(options(), files());
        FileTime mtime = Files.getLastModifiedTime(labels);
        long size = Files.size(labels);
        Idx.writeLabels(labels, new int[] {2, 3, 4}, true);
        Files.setLastModifiedTime(labels, mtime);
        assertEquals(size, Files.size(labels));
        IOException e = assertThrows(IOException.class, () -> toy.load(options(), files()));
        assertTrue(e.getMessage().startsWith(labels + ": refused"), e.getMessage());
    }

    /** The built-in MNIST sums refuse anything but MNIST: here the embedded subset offered as the full set. */
    @Test
    void builtInMnistSumsRefuseOtherFiles() throws IOException {
        Path mnist = Files.createDirectories(tmp.resolve("other/mnist"));
        for (String file : RawSource.FILES) {
            try (InputStream in = RawSource.class.getResourceAsStream(RawSource.EMBEDDED_ROOT + "mnist-mini/" + file)) {
                Files.copy(in, mnist.resolve(file));
            }
        }
        IOException e = assertThrows(IOException.class, () -> RawSource.MNIST.load(
                DataOptions.offline().withDirectory(mnist.getParent()), new DataFiles(Map.of(), home, log::add)));
        assertTrue(e.getMessage().startsWith(mnist.resolve(RawSource.TRAIN_IMAGES) + ": refused: its content-sha256"
                + " is "), e.getMessage());
        assertTrue(e.getMessage().contains(", but mnist's train-images-idx3-ubyte.gz has ba891046e6505d7a"),
                e.getMessage());
    }

    /**
     * A proved file hands the SHA-256 of its bytes as stored to the run's provenance, hashed or remembered alike:
     * the sum it was checked by, or (checked by its content's sum) one taken as it was hashed. The expected sums
     * are computed here with the JDK's MessageDigest (sha256Of), independently of Checksum.
     */
    @Test
    void theStoredSha256OfAProvedFileIsReturnedForTheProvenance() throws IOException {
        Path served = data.resolve(RawSource.TRAIN_LABELS);
        String sha256 = sha256Of(served);
        SourceSpec spec = SourceCatalog.of(props("toy.a.gz.sha256=" + sha256, "toy.b.gz.content-sha256="
                + contentSha256(served))).spec("toy", List.of("a.gz", "b.gz"));
        VerifiedFiles verified = new VerifiedFiles(home.resolve(VerifiedFiles.FILE_NAME));
        Path key = served.toAbsolutePath().normalize();

        assertEquals(Map.of(key, sha256), verified.verify(spec, Map.of("a.gz", served)), "hashed");
        assertEquals(Map.of(key, sha256), verified.verify(spec, Map.of("a.gz", served)), "remembered");
        assertEquals(1, verified.hashed());
        VerifiedFiles byContent = new VerifiedFiles(home.resolve("other.properties"));
        assertEquals(Map.of(key, sha256Of(served)), byContent.verify(spec, Map.of("b.gz", served)), "hashed");
        assertEquals(Map.of(key, sha256Of(served)), byContent.verify(spec, Map.of("b.gz", served)), "remembered");
        assertEquals(1, byContent.hashed());
    }

    /** Guard: a file checked by the sum of its gzip as served cannot stand in uncompressed. */
    @Test
    void uncompressedFileCannotBeVerifiedByTheSumOfItsGzip() throws IOException {
        Path plain = Files.writeString(data.resolve("a"), "a");
        SourceSpec spec = SourceCatalog.of(props("toy.a.gz.sha256=" + "0".repeat(64))).spec("toy", List.of("a.gz"));
        IOException e = assertThrows(IOException.class,
                () -> new VerifiedFiles(null).verify(spec, Map.of("a.gz", plain)));
        assertEquals(plain + ": cannot be verified: it is the uncompressed form of a.gz, but toy is checked by the"
                + " sha256 of the gzip file as served; put a.gz there instead", e.getMessage());
    }

    /** Guard: content hashed after gunzip is capped (here at 1 MiB): a gzip bomb fails, it is not hashed on. */
    @Test
    void contentChecksumStopsAtTheBudget() throws IOException {
        Path bomb = tmp.resolve("bomb.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bomb))) {
            out.write(new byte[2 << 20]);
        }
        Checksum sum = new Checksum(Checksum.Kind.CONTENT_SHA256, "0".repeat(64));
        IOException e = assertThrows(IOException.class, () -> sum.digest(bomb, 1 << 20));
        assertEquals("unpacks to more than 1048576 bytes (1.0 MiB), more than any file of these data sets",
                e.getMessage());
        assertEquals(64, sum.digest(bomb, 2 << 20).length());
    }

    /**
     * Guard: the size cap of the memory file. One over {@value VerifiedFiles#MAX_BYTES} bytes is ignored,
     * even holding valid entries, and garbage is too: every file is hashed again, and the memory rewritten.
     */
    @Test
    void hostileMemoryFileIsIgnored() throws IOException {
        toy.load(options(), files());
        Path memory = home.resolve(".cache/synfire/" + VerifiedFiles.FILE_NAME);
        Files.writeString(memory, "#" + "x".repeat(VerifiedFiles.MAX_BYTES) + "\n", StandardCharsets.ISO_8859_1,
                java.nio.file.StandardOpenOption.APPEND);
        DataFiles files = files();
        toy.load(options(), files);
        assertEquals(4, files.verified().hashed(), "the oversized memory is not read");
        assertTrue(Files.size(memory) < 4096, "rewritten: " + Files.size(memory));
        Files.writeString(memory, "\\u12", StandardCharsets.ISO_8859_1); // a malformed escape
        DataFiles garbage = files();
        toy.load(options(), garbage);
        assertEquals(4, garbage.verified().hashed());
    }

    /** Guard: an embedded file is checked against its recorded SHA-256 as it is read. */
    @Test
    void embeddedFilesAreCheckedAgainstTheirRecordedSums() throws IOException, NoSuchAlgorithmException {
        byte[] bytes = "embedded".getBytes(StandardCharsets.US_ASCII);
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        List<Checksum> sums = List.of(new Checksum(Checksum.Kind.SHA256, sum));
        RawSource.checkEmbedded("resource x", bytes, sums);
        bytes[0] ^= 1;
        IOException e = assertThrows(IOException.class, () -> RawSource.checkEmbedded("resource x", bytes, sums));
        assertTrue(e.getMessage().startsWith("resource x: refused: its sha256 is "), e.getMessage());
        assertTrue(e.getMessage().endsWith(", but the datasets module recorded " + sum
                + " for it: the file is damaged or altered"), e.getMessage());
    }

    /** Guard: embedded files are checked at all: a source whose files have no recorded sum is refused. */
    @Test
    void embeddedSourceWithoutRecordedSumsIsRefused() {
        RawSource unrecorded = new RawSource("unrecorded-mini", 3, 2, true);
        IOException e = assertThrows(IOException.class, () -> unrecorded.load(DataOptions.offline(), files()));
        assertEquals("resource /org/synfire/datasets/embedded/unrecorded-mini/train-images-idx3-ubyte.gz: no"
                + " SHA-256 is recorded for it in the built-in sources.properties, so it is not used", e.getMessage());
    }

    private static java.util.Properties props(String... lines) {
        java.util.Properties p = new java.util.Properties();
        for (String line : lines) {
            int eq = line.indexOf('=');
            p.setProperty(line.substring(0, eq), line.substring(eq + 1));
        }
        return p;
    }

    private static byte[] pixels(int images) {
        byte[] px = new byte[images * 784];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 7);
        }
        return px;
    }

    private static String sha256Of(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contentSha256(Path file) throws IOException {
        return new Checksum(Checksum.Kind.CONTENT_SHA256, "0".repeat(64)).digest(file);
    }
}
