package org.synfire.cli.internal.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

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

    /**
     * Unpacks a bundle into {@code target} and returns the run directory inside it. Entries that
     * would land outside {@code target} are refused.
     */
    public static Path unpack(Path bundle, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Path runDirectory = null;
        try (InputStream file = Files.newInputStream(bundle);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new GzipCompressorInputStream(new BufferedInputStream(file)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root) || entry.getName().isEmpty()) {
                    throw new IOException(bundle + ": entry '" + entry.getName() + "' points outside the bundle");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                Files.copy(tar, destination);
                Path top = root.resolve(root.relativize(destination).getName(0));
                if (runDirectory == null) {
                    runDirectory = top;
                }
            }
        }
        if (runDirectory == null) {
            throw new IOException(bundle + ": the bundle is empty");
        }
        return runDirectory;
    }
}
