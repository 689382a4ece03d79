package org.synfire.datasets.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synfire.chip.api.data.DataOptions;

/** The search order, the offline error, and downloads from an HTTP server on 127.0.0.1 started here. */
class DataFilesTest {

    private static final List<String> FILES = List.of("a.gz", "b.gz");

    @TempDir
    Path tmp;

    private Path home;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> log = new ArrayList<>();

    private HttpServer server;
    /** What the server serves, by path; absent paths are 404. */
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private DataFiles files() {
        return new DataFiles(env, home, log::add);
    }

    private String mirror(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void configure(String... lines) throws IOException {
        Path config = Files.write(tmp.resolve("sources.properties"), String.join("\n", lines).getBytes(
                StandardCharsets.ISO_8859_1));
        env.put(SourceCatalog.CONFIG_VARIABLE, config.toString());
    }

    private static Path put(Path dir, String... names) throws IOException {
        Files.createDirectories(dir);
        for (String n : names) {
            Files.writeString(dir.resolve(n), n);
        }
        return dir;
    }

    @Test
    void explicitDirectoryComesFirst() throws IOException {
        Path given = put(tmp.resolve("given"), "a.gz", "b.gz");
        put(tmp.resolve("env").resolve("toy"), "a.gz", "b.gz");
        env.put(DataFiles.DATA_VARIABLE, tmp.resolve("env").toString());
        Map<String, Path> found = files().locate("toy", FILES, DataOptions.offline().withDirectory(given));
        assertEquals(given.resolve("a.gz"), found.get("a.gz"));
        assertEquals(given.resolve("b.gz"), found.get("b.gz"));
    }

    @Test
    void environmentVariableComesBeforeTheCacheAndItsSubdirectoryBeforeItself() throws IOException {
        Path data = put(tmp.resolve("env"), "a.gz", "b.gz");
        put(data.resolve("toy"), "a.gz", "b");
        put(home.resolve(".cache/synfire/toy"), "a.gz", "b.gz");
        env.put(DataFiles.DATA_VARIABLE, data.toString());
        Map<String, Path> found = files().locate("toy", FILES, DataOptions.offline());
        assertEquals(data.resolve("toy/a.gz"), found.get("a.gz"));
        assertEquals(data.resolve("toy/b"), found.get("b.gz"), "an uncompressed file stands in for its .gz");
    }

    @Test
    void incompletePlacesAreSkipped() throws IOException {
        Path given = put(tmp.resolve("given"), "a.gz");
        Path cache = put(home.resolve(".cache/synfire/toy"), "a.gz", "b.gz");
        Map<String, Path> found = files().locate("toy", FILES, DataOptions.offline().withDirectory(given));
        assertEquals(cache.resolve("a.gz"), found.get("a.gz"));
        assertEquals(List.of("toy: skipping " + given + " (the directory given): it lacks b.gz"), log);
    }

    @Test
    void cacheFollowsXdgCacheHome() throws IOException {
        env.put("XDG_CACHE_HOME", tmp.resolve("xdg").toString());
        assertEquals(tmp.resolve("xdg/synfire/toy"), files().cache("toy"));
        env.remove("XDG_CACHE_HOME");
        assertEquals(home.resolve(".cache/synfire/toy"), files().cache("toy"));
    }

    @Test
    void offlineWithNothingFoundSaysWhatIsMissingAndWhere() throws IOException {
        put(home.resolve(".cache/synfire/toy"), "a.gz");
        IOException e = assertThrows(IOException.class,
                () -> files().locate("toy", FILES, DataOptions.offline().withDirectory(tmp.resolve("given"))));
        String m = e.getMessage();
        assertTrue(m.startsWith("toy: files missing from the cache: b.gz."), m);
        assertTrue(m.contains(tmp.resolve("given/toy") + " (the directory given)"), m);
        assertTrue(m.contains(home.resolve(".cache/synfire/toy") + " (the user cache)"), m);
        assertTrue(m.contains("SYNFIRE_DATA is not set"), m);
        assertEquals(0, requests.get(), "offline means no request");
    }

    @Test
    void downloadsVerifiedFilesIntoTheCacheOnce() throws Exception {
        byte[] a = gzip("alpha content");
        byte[] b = "beta, not compressed".getBytes(StandardCharsets.US_ASCII);
        served.put("/m/a.gz", a);
        served.put("/m/b.gz", b);
        // a is checked by the SHA-256 of its gunzipped content, b by SHA-256 and MD5 of the file itself
        configure("toy.mirrors=" + mirror("/m/"),
                "toy.a.gz.content-sha256=" + hex("SHA-256", "alpha content".getBytes(StandardCharsets.US_ASCII)),
                "toy.b.gz.sha256=" + hex("SHA-256", b),
                "toy.b.gz.md5=" + hex("MD5", b));
        Map<String, Path> found = files().locate("toy", FILES, DataOptions.defaults());
        Path cache = home.resolve(".cache/synfire/toy");
        assertEquals(cache.resolve("a.gz"), found.get("a.gz"));
        assertArrayEquals(a, Files.readAllBytes(found.get("a.gz")), "stored as served, still compressed");
        assertEquals("beta, not compressed", Files.readString(found.get("b.gz")));
        assertEquals(2, requests.get());
        assertEquals(List.of("a.gz", "b.gz"), listing(cache), "no temporary file is left behind");

        files().locate("toy", FILES, DataOptions.defaults());
        assertEquals(2, requests.get(), "files in the cache are never downloaded again");
    }

    @Test
    void downloadsOnlyWhatTheCacheLacks() throws Exception {
        Path cache = put(home.resolve(".cache/synfire/toy"), "a.gz");
        byte[] b = "b".getBytes(StandardCharsets.US_ASCII);
        served.put("/m/b.gz", b);
        configure("toy.mirrors=" + mirror("/m/"), "toy.b.gz.sha256=" + hex("SHA-256", b),
                "toy.a.gz.sha256=" + hex("SHA-256", new byte[0]));
        files().locate("toy", FILES, DataOptions.defaults());
        assertEquals(1, requests.get());
        assertEquals("a.gz", Files.readString(cache.resolve("a.gz")), "the cached file is kept as it was");
    }

    @Test
    void triesTheNextMirrorAfterAFailure() throws Exception {
        byte[] a = "a".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "b".getBytes(StandardCharsets.US_ASCII);
        served.put("/second/a.gz", a);
        served.put("/second/b.gz", b);
        configure("toy.mirrors=" + mirror("/first/") + " " + mirror("/second/"),
                "toy.a.gz.sha256=" + hex("SHA-256", a), "toy.b.gz.sha256=" + hex("SHA-256", b));
        files().locate("toy", FILES, DataOptions.defaults());
        assertEquals(4, requests.get(), "404 from the first mirror, then the second, for each file");
    }

    @Test
    void checksumMismatchIsRejectedAndLeavesNothingInTheCache() throws Exception {
        byte[] a = "a".getBytes(StandardCharsets.US_ASCII);
        served.put("/m/a.gz", a);
        served.put("/m/b.gz", "tampered".getBytes(StandardCharsets.US_ASCII));
        String expected = hex("SHA-256", "b".getBytes(StandardCharsets.US_ASCII));
        configure("toy.mirrors=" + mirror("/m/"), "toy.a.gz.sha256=" + hex("SHA-256", a),
                "toy.b.gz.sha256=" + expected);
        IOException e = assertThrows(IOException.class, () -> files().locate("toy", FILES, DataOptions.defaults()));
        String actual = hex("SHA-256", "tampered".getBytes(StandardCharsets.US_ASCII));
        assertTrue(e.getMessage().contains("could not download b.gz: " + mirror("/m/b.gz") + ": sha256 is "
                + actual + ", expected " + expected + " (file rejected)"), e.getMessage());
        Path cache = home.resolve(".cache/synfire/toy");
        assertEquals(List.of("a.gz"), listing(cache), "the rejected file is neither in place nor left as a part");
    }

    @Test
    void damagedGzipFailsTheContentChecksumAndIsRejected() throws Exception {
        byte[] a = gzip("alpha content");
        byte[] cut = java.util.Arrays.copyOf(a, a.length - 6);
        served.put("/m/a.gz", cut);
        configure("toy.mirrors=" + mirror("/m/"),
                "toy.a.gz.content-sha256=" + hex("SHA-256", "alpha content".getBytes(StandardCharsets.US_ASCII)),
                "toy.b.gz.sha256=" + hex("SHA-256", new byte[0]));
        IOException e = assertThrows(IOException.class, () -> files().locate("toy", FILES, DataOptions.defaults()));
        assertTrue(e.getMessage().contains("could not download a.gz: " + mirror("/m/a.gz")
                + ": cannot compute its content-sha256"), e.getMessage());
        assertEquals(List.of(), listing(home.resolve(".cache/synfire/toy")));
    }

    /** Guard: a mirror serving more than the limit (here 1,000 bytes) is cut off, and nothing is kept. */
    @Test
    void overlongDownloadIsCutOffAndRejected() throws Exception {
        byte[] endless = new byte[5_000];
        served.put("/m/a.gz", endless);
        configure("toy.mirrors=" + mirror("/m/"), "toy.a.gz.sha256=" + hex("SHA-256", endless),
                "toy.b.gz.sha256=" + hex("SHA-256", new byte[0]));
        DataFiles files = files();
        files.downloadLimit = 1_000;
        IOException e = assertThrows(IOException.class, () -> files.locate("toy", FILES, DataOptions.defaults()));
        assertTrue(e.getMessage().contains("could not download a.gz: " + mirror("/m/a.gz") + ": larger than 1000"
                + " bytes, more than any file of these data sets (file rejected)"), e.getMessage());
        assertEquals(List.of(), listing(home.resolve(".cache/synfire/toy")));
    }

    @Test
    void missingConfigurationFileIsSaidInWords() {
        env.put(SourceCatalog.CONFIG_VARIABLE, tmp.resolve("nowhere.properties").toString());
        IOException e = assertThrows(IOException.class, () -> SourceCatalog.load(env));
        assertEquals(SourceCatalog.CONFIG_VARIABLE + "=" + tmp.resolve("nowhere.properties") + ": no such file",
                e.getMessage());
    }

    @Test
    void refusesToDownloadWithoutAChecksum() throws Exception {
        served.put("/m/a.gz", new byte[] {1});
        configure("toy.mirrors=" + mirror("/m/"));
        IOException e = assertThrows(IOException.class, () -> files().locate("toy", FILES, DataOptions.defaults()));
        assertTrue(e.getMessage().contains("no checksum is configured for a.gz"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void builtInCatalogueChecksEveryFileBySha256() throws IOException {
        SourceSpec mnist = SourceCatalog.load(Map.of()).spec("mnist", RawSource.FILES);
        assertFalse(mnist.mirrors().isEmpty());
        for (String file : RawSource.FILES) {
            assertEquals(Checksum.Kind.CONTENT_SHA256, mnist.checksums(file).get(0).kind(), file);
        }
        SourceSpec fashion = SourceCatalog.load(Map.of()).spec("fashion-mnist", RawSource.FILES);
        for (String file : RawSource.FILES) {
            assertEquals(List.of(Checksum.Kind.SHA256, Checksum.Kind.MD5),
                    fashion.checksums(file).stream().map(Checksum::kind).sorted().toList(), file);
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    private static String hex(String algorithm, byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}
