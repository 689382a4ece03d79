package org.synfire.cli.internal.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.synfire.cli.internal.experiment.Experiment;
import org.synfire.datasets.DataLimits;

/**
 * A run directory packed into one {@code .tar.gz} file, which {@code synfire eval} and
 * {@code synfire plot} accept in place of the directory.
 */
public final class RunBundle {

    private RunBundle() {
    }

    /** Packs every file of {@code runDirectory} (but an older bundle) into {@code bundle}, atomically. */
    public static void pack(Path runDirectory, Path bundle) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(runDirectory)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".tar.gz"))
                    .filter(f -> !f.getFileName().toString().endsWith(".partial"))
                    .sorted()
                    .toList();
        }
        String root = runDirectory.getFileName().toString();
        AtomicFiles.write(bundle, out -> {
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                    new GzipCompressorOutputStream(new BufferedOutputStream(out)))) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                for (Path file : files) {
                    String name = root + "/" + runDirectory.relativize(file).toString().replace('\\', '/');
                    TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), name);
                    tar.putArchiveEntry(entry);
                    Files.copy(file, tar);
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
        });
    }

    /** Work on a run directory. */
    @FunctionalInterface
    public interface RunWork<T> {
        T apply(Path runDirectory) throws IOException;
    }

    /**
     * Runs {@code work} on a run: {@code source} itself if it is a directory (or any other file), or
     * the run unpacked from it into a temporary directory, deleted afterwards, if it is a bundle.
     */
    public static <T> T withRun(Path source, RunWork<T> work) throws IOException {
        if (!source.getFileName().toString().endsWith(".tar.gz")) {
            return work.apply(source);
        }
        Path temporary = Files.createTempDirectory("synfire-run");
        try {
            return work.apply(unpack(source, temporary));
        } finally {
            try (Stream<Path> files = Files.walk(temporary)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The most bytes a bundle may unpack to, all entries together: the data sets' memory budget. */
    public static final long MAX_UNPACKED_BYTES = DataLimits.MAX_DATA_BYTES;
    /** The most entries a bundle may hold (a run has a few dozen files). */
    public static final int MAX_ENTRIES = 10_000;
    /** The largest ratio of unpacked bytes to the bundle's size, past {@link #RATIO_GRACE_BYTES}. */
    public static final int MAX_RATIO = DataLimits.MAX_NPZ_RATIO;
    /** Unpacked bytes allowed before {@link #MAX_RATIO} applies. */
    public static final long RATIO_GRACE_BYTES = DataLimits.NPZ_RATIO_GRACE_BYTES;

    /**
     * Unpacks a bundle into {@code target} and returns the run directory inside it. Refused, naming the
     * entry: names that are absolute, hold {@code ..} or control characters, or repeat an earlier entry;
     * symbolic links, hard links and anything else but files and directories. The whole bundle may unpack
     * to at most {@link #MAX_UNPACKED_BYTES} in at most {@link #MAX_ENTRIES} entries, and to at most
     * {@link #MAX_RATIO} times its own size past {@link #RATIO_GRACE_BYTES} (counted while unpacking, so
     * size fields that lie do not help). A bundle that ends early is reported as truncated.
     */
    public static Path unpack(Path bundle, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Path runDirectory = null;
        long packed = Files.size(bundle);
        long unpacked = 0;
        int entries = 0;
        Set<String> seen = new HashSet<>();
        String current = null;
        try (InputStream file = Files.newInputStream(bundle);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new GzipCompressorInputStream(new BufferedInputStream(file)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName();
                current = name;
                if (++entries > MAX_ENTRIES) {
                    throw new IOException(bundle + ": more than " + MAX_ENTRIES + " entries; a run bundle has far"
                            + " fewer");
                }
                String shown = Experiment.printable(name);
                String plain = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
                if (plain.isEmpty() || name.startsWith("/") || name.startsWith("\\")
                        || (name.length() > 1 && name.charAt(1) == ':')) {
                    throw new IOException(bundle + ": entry '" + shown + "' has an absolute or empty name");
                }
                for (String part : plain.split("[/\\\\]")) {
                    if (part.equals("..")) {
                        throw new IOException(bundle + ": entry '" + shown + "' holds '..'");
                    }
                }
                if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    throw new IOException(bundle + ": entry '" + shown + "' has a control character in its name");
                }
                if (entry.isSymbolicLink()) {
                    throw new IOException(bundle + ": entry '" + shown + "' is a symbolic link (to '"
                            + Experiment.printable(entry.getLinkName()) + "'); a run bundle holds only files");
                }
                if (entry.isLink()) {
                    throw new IOException(bundle + ": entry '" + shown + "' is a hard link (to '"
                            + Experiment.printable(entry.getLinkName()) + "'); a run bundle holds only files");
                }
                if (!entry.isDirectory() && !entry.isFile()) {
                    throw new IOException(bundle + ": entry '" + shown + "' is neither a file nor a directory");
                }
                Path destination = root.resolve(plain).normalize();
                if (!destination.startsWith(root) || destination.equals(root)) {
                    throw new IOException(bundle + ": entry '" + shown + "' points outside the bundle");
                }
                if (!seen.add(root.relativize(destination).toString())) {
                    throw new IOException(bundle + ": entry '" + shown + "' appears twice");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                if (entry.getSize() > MAX_UNPACKED_BYTES - unpacked) {
                    throw new IOException(bundle + ": entry '" + shown + "' claims " + entry.getSize()
                            + " bytes; the bundle may unpack to at most " + MAX_UNPACKED_BYTES + " bytes (512 MiB)");
                }
                Files.createDirectories(destination.getParent());
                if (Files.exists(destination, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(bundle + ": entry '" + shown + "' appears twice");
                }
                try (OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = tar.read(buffer); n > 0; n = tar.read(buffer)) {
                        unpacked += n;
                        if (unpacked > MAX_UNPACKED_BYTES) {
                            throw new IOException(bundle + ": unpacks to more than " + MAX_UNPACKED_BYTES
                                    + " bytes (512 MiB), the limit for a run bundle (at entry '" + shown + "')");
                        }
                        if (unpacked > RATIO_GRACE_BYTES && unpacked > (long) MAX_RATIO * packed) {
                            throw new IOException(bundle + ": unpacks to more than " + MAX_RATIO + " times its size of "
                                    + packed + " bytes (at entry '" + shown + "'); refused as a likely archive bomb");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                Path top = root.resolve(root.relativize(destination).getName(0));
                if (runDirectory == null) {
                    runDirectory = top;
                }
            }
        } catch (EOFException e) {
            throw truncated(bundle, current);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith(bundle.toString())) {
                throw e;
            }
            if (message.toLowerCase(java.util.Locale.ROOT).contains("truncated")
                    || message.contains("Unexpected end")) {
                throw truncated(bundle, current);
            }
            if (message.contains("not in the gzip format") || message.contains("Input is not in the .gz format")) {
                throw new IOException(bundle + ": not a gzip file; a run bundle is a .tar.gz", e);
            }
            throw new IOException(bundle + ": not a readable run bundle (.tar.gz)"
                    + (current == null ? "" : " at entry '" + Experiment.printable(current) + "'")
                    + ": damaged tar or gzip data", e);
        }
        if (runDirectory == null) {
            throw new IOException(bundle + ": the bundle is empty");
        }
        return runDirectory;
    }

    private static IOException truncated(Path bundle, String entry) {
        return new IOException(bundle + ": the bundle is truncated"
                + (entry == null ? "" : " (it ends inside or after entry '" + Experiment.printable(entry) + "')"));
    }
}
