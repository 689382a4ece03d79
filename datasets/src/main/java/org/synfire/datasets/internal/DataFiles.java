package org.synfire.datasets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.synfire.chip.api.data.DataOptions;
import org.synfire.datasets.DataLimits;

/**
 * Finds the files of a raw data set, in this order: the directory given explicitly, the directory
 * in the environment variable {@value #DATA_VARIABLE}, the user cache
 * ({@code $XDG_CACHE_HOME/synfire/<name>}, by default {@code ~/.cache/synfire/<name>}); and if they are
 * in none of these and downloading is allowed, downloads the missing ones into the cache.
 *
 * <p>In the first two places both {@code <dir>/<name>/} and {@code <dir>/} itself are looked in; a
 * place counts only if it holds every file (as named, or without its {@code .gz} suffix). A download
 * goes to a temporary file next to its target, must match every configured checksum and is then
 * moved into place atomically, so the cache never holds a partial or unverified file, and a file in
 * the cache is never downloaded again. A download longer than {@link DataLimits#MAX_DATA_BYTES} is
 * cut off and rejected: no file of these data sets is that long.
 *
 * <p>Files with configured checksums are checked against them at every load ({@link #verify}), not
 * only when downloaded; {@link VerifiedFiles} remembers the files found good (in
 * {@value VerifiedFiles#FILE_NAME} in the {@code synfire} cache directory) so that each is hashed once.
 *
 * <p>Mirrors and checksums come from the {@link SourceCatalog}. Environment and home directory are given to the constructor, never read here from
 * {@link System}, so that tests can set them.
 */
public final class DataFiles {

    /** The environment variable naming a directory of data sets. */
    public static final String DATA_VARIABLE = "SYNFIRE_DATA";

    private final Map<String, String> env;
    private final Path home;
    private final HttpClient http;
    private final Consumer<String> log;
    private final VerifiedFiles verified;
    /** The longest download accepted: the memory budget (tests set less). */
    long downloadLimit = DataLimits.MAX_DATA_BYTES;

    /**
     * @param env     the environment variables
     * @param home    the user's home directory
     * @param log     receives one line per download, for the user to see
     */
    public DataFiles(Map<String, String> env, Path home, Consumer<String> log) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.log = log;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        this.verified = new VerifiedFiles(cacheRoot().resolve(VerifiedFiles.FILE_NAME));
    }

    /** Resolves against this process's environment and home directory, reporting downloads on stderr. */
    public static DataFiles system() {
        return new DataFiles(System.getenv(), Path.of(System.getProperty("user.home")), System.err::println);
    }

    /** The cache directory of the raw data set {@code name}. */
    public Path cache(String name) {
        return cacheRoot().resolve(name);
    }

    /** The {@code synfire} cache directory, which holds one directory per raw data set. */
    private Path cacheRoot() {
        String xdg = env.get("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return root.resolve("synfire");
    }

    /**
     * Checks the files of the raw data set {@code name} (as {@link #locate} found them) against the
     * checksums configured for them, hashing only those not remembered as checked.
     *
     * @return the SHA-256 of each file proved by one (see {@link VerifiedFiles#verify})
     * @throws IOException naming the first file that does not match, and how
     */
    public Map<Path, String> verify(String name, Map<String, Path> found) throws IOException {
        return verified.verify(SourceCatalog.load(env).spec(name, List.copyOf(found.keySet())), found);
    }

    /** The memory of checked files (for tests). */
    VerifiedFiles verified() {
        return verified;
    }

    /**
     * The paths of {@code files} of the raw data set {@code name}, found or downloaded.
     *
     * @return each file name mapped to an existing file, in the order given
     * @throws IOException saying which files are missing and where they were looked for, or why a
     *                     download failed
     */
    public Map<String, Path> locate(String name, List<String> files, DataOptions options) throws IOException {
        List<Place> places = new ArrayList<>();
        options.directory().ifPresent(dir -> {
            places.add(new Place(dir.resolve(name), "the directory given"));
            places.add(new Place(dir, "the directory given"));
        });
        String data = env.get(DATA_VARIABLE);
        if (data != null && !data.isBlank()) {
            places.add(new Place(Path.of(data).resolve(name), "$" + DATA_VARIABLE));
            places.add(new Place(Path.of(data), "$" + DATA_VARIABLE));
        }
        Path cache = cache(name);
        places.add(new Place(cache, "the user cache"));
        for (Place place : places) {
            Map<String, Path> found = find(place.dir(), files);
            if (found.size() == files.size()) {
                return found;
            }
            if (!found.isEmpty() && place != places.get(places.size() - 1)) {
                // a half-filled directory is skipped; say so, or the user wonders why their files are ignored
                List<String> lacking = new ArrayList<>(files);
                lacking.removeAll(found.keySet());
                log.accept(name + ": skipping " + place.dir() + " (" + place.what() + "): it lacks "
                        + String.join(", ", lacking));
            }
        }
        List<String> missing = new ArrayList<>(files);
        missing.removeAll(find(cache, files).keySet());
        if (!options.download()) {
            List<String> looked = new ArrayList<>();
            for (Place place : places) {
                looked.add(place.dir() + " (" + place.what() + ")");
            }
            throw new IOException(name + ": files missing from the cache: " + String.join(", ", missing)
                    + ". Looked for all of " + String.join(", ", files) + " in " + String.join(", ", looked)
                    + (data == null ? "; $" + DATA_VARIABLE + " is not set" : "")
                    + ". Put them into one of these (e.g. " + cache + ") or allow downloading.");
        }
        SourceSpec spec = SourceCatalog.load(env).spec(name, files);
        for (String file : missing) {
            download(spec, file, cache);
        }
        return find(cache, files);
    }

    private static Map<String, Path> find(Path dir, List<String> files) {
        Map<String, Path> found = new LinkedHashMap<>();
        for (String file : files) {
            Path exact = dir.resolve(file);
            Path plain = file.endsWith(".gz") ? dir.resolve(file.substring(0, file.length() - 3)) : exact;
            if (Files.isRegularFile(exact)) {
                found.put(file, exact);
            } else if (Files.isRegularFile(plain)) {
                found.put(file, plain);
            }
        }
        return found;
    }

    /** A directory looked in, and why. */
    private record Place(Path dir, String what) {
    }

    private void download(SourceSpec spec, String file, Path cache) throws IOException {
        List<Checksum> checksums = spec.checksums(file);
        if (checksums.isEmpty()) {
            throw new IOException(spec.name() + ": no checksum is configured for " + file
                    + ", so it is not downloaded; put it into " + cache + " by hand, or configure one (key "
                    + spec.name() + "." + file + ".sha256) in a file named by $" + SourceCatalog.CONFIG_VARIABLE);
        }
        if (spec.mirrors().isEmpty()) {
            throw new IOException(spec.name() + ": no mirror is configured to download " + file
                    + " from; put it into " + cache + " by hand");
        }
        Files.createDirectories(cache);
        Path target = cache.resolve(file);
        List<String> failures = new ArrayList<>();
        for (URI mirror : spec.mirrors()) {
            URI url = mirror.resolve(file);
            log.accept("Downloading " + url + " to " + target);
            Path part = Files.createTempFile(cache, file + ".", ".part");
            try {
                String problem = fetch(url, part, checksums);
                if (problem == null) {
                    move(part, target);
                    return;
                }
                failures.add(url + ": " + problem);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        throw new IOException(spec.name() + ": could not download " + file + ": " + String.join("; ", failures)
                + ". Put the file into " + cache + " by hand.");
    }

    /** Downloads {@code url} into {@code part}; null if it arrived and matches, else what went wrong. */
    private String fetch(URI url, Path part, List<Checksum> checksums) throws IOException {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url)
                    .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body(); OutputStream out = Files.newOutputStream(part)) {
                if (response.statusCode() != 200) {
                    return "HTTP status " + response.statusCode();
                }
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                for (int n; (n = body.read(buffer)) >= 0;) {
                    total += n;
                    if (total > downloadLimit) {
                        return "larger than " + Bounded.bytes(downloadLimit) + ", more than any file of these data"
                                + " sets (file rejected)";
                    }
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            String m = e.getMessage();
            return "the download failed: " + (m == null || m.isBlank() ? "no reason given"
                    : Bounded.quote(m.lines().findFirst().orElse(m), 200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        }
        for (Checksum checksum : checksums) {
            String actual;
            try {
                actual = checksum.digest(part);
            } catch (IOException e) {
                // a content checksum gunzips the file: damaged gzip data fails here
                return "cannot compute its " + checksum.kind().key() + ": the file " + Bounded.cause(e)
                        + " (file rejected)";
            }
            if (!actual.equals(checksum.hex())) {
                return checksum.kind().key() + " is " + actual + ", expected " + checksum.hex()
                        + " (file rejected)";
            }
        }
        return null;
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
