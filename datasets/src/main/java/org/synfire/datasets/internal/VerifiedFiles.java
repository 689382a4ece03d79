package org.synfire.datasets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Checks the files of a raw data set against their configured checksums on every load, remembering
 * the files found good so that each is hashed once, not at every load.
 *
 * <p>A file is remembered in a small properties file (at most {@value #MAX_ENTRIES} entries, at most
 * {@value #MAX_BYTES} bytes; a larger or unreadable one is ignored and started afresh) by its absolute
 * path and a stamp: its size, modification time, status-change time (where the file system has one;
 * {@code touch} cannot set it back) and file key (device and inode), the checksums it matched, and the
 * SHA-256 of its bytes as stored (a run's provenance records it). A
 * file whose stamp differs in any part, or that is checked against other checksums, is hashed again.
 * Who can write the memory file can also write the data files beside it, so it is trusted as much.
 * A memory file that cannot be written (a read-only home) costs a hash per load, nothing else.
 */
public final class VerifiedFiles {

    /** The name of the memory file, in the {@code synfire} cache directory. */
    public static final String FILE_NAME = "verified-files.properties";

    static final int MAX_ENTRIES = 64;
    /** Between a file's stamp and the SHA-256 of its bytes as stored, in the memory file. */
    private static final String STORED = " stored-sha256:";
    static final int MAX_BYTES = 64 * 1024;

    private final Path memory;
    private int hashed;

    /** @param memory the memory file; null to remember nothing */
    public VerifiedFiles(Path memory) {
        this.memory = memory;
    }

    /** The number of files hashed so far (the others were remembered). */
    int hashed() {
        return hashed;
    }

    /**
     * Checks every file that has checksums in {@code spec}; files without any are left alone.
     *
     * @param files file names as configured mapped to the files found
     * @return the SHA-256 of the bytes as stored of each file it proved (absolute path to hexadecimal), the sum
     *         it was checked by or one taken when it was hashed, and remembered with it: a run's provenance need
     *         not hash the files again
     * @throws IOException naming the file, the checksum that fails, its value and the expected one
     */
    public Map<Path, String> verify(SourceSpec spec, Map<String, Path> files) throws IOException {
        Properties known = load();
        boolean changed = false;
        Map<Path, String> stored = new HashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            List<Checksum> sums = spec.checksums(e.getKey());
            if (sums.isEmpty()) {
                continue;
            }
            Path file = e.getValue().toAbsolutePath().normalize();
            String key = file.toString();
            String before = stamp(file, sums);
            String remembered = known.getProperty(key, "");
            if (remembered.startsWith(before + STORED)) {
                stored.put(file, remembered.substring(before.length() + STORED.length()));
                continue;
            }
            check(spec.name(), e.getKey(), file, sums);
            hashed++;
            String sha256 = sums.stream().filter(c -> c.kind() == Checksum.Kind.SHA256).map(Checksum::hex)
                    .findFirst().orElse(null);
            if (sha256 == null) {
                sha256 = RawSource.sha256(file);
            }
            stored.put(file, sha256);
            if (before.equals(stamp(file, sums))) { // unchanged while it was hashed
                if (known.size() >= MAX_ENTRIES) {
                    known.clear();
                }
                known.setProperty(key, before + STORED + sha256);
                changed = true;
            }
        }
        if (changed) {
            save(known);
        }
        return stored;
    }

    private static void check(String source, String name, Path file, List<Checksum> sums) throws IOException {
        boolean plain = name.endsWith(".gz") && !file.getFileName().toString().endsWith(".gz");
        for (Checksum c : sums) {
            if (plain && c.kind() != Checksum.Kind.CONTENT_SHA256) {
                throw new IOException(file + ": cannot be verified: it is the uncompressed form of " + name
                        + ", but " + source + " is checked by the " + c.kind().key() + " of the gzip file as served;"
                        + " put " + name + " there instead");
            }
            String actual;
            try {
                actual = c.digest(file);
            } catch (IOException problem) {
                throw new IOException(file + ": cannot compute its " + c.kind().key() + ": "
                        + Bounded.cause(problem).replaceFirst("^cannot be read: ", ""), problem);
            }
            if (!actual.equals(c.hex())) {
                throw new IOException(file + ": refused: its " + c.kind().key() + " is " + actual + ", but " + source
                        + "'s " + name + " has " + c.hex() + ": the file is damaged or altered; replace it");
            }
        }
    }

    /** What identifies this state of {@code file}, and what it was checked against. */
    private static String stamp(Path file, List<Checksum> sums) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Object ctime;
        try {
            ctime = Files.getAttribute(file, "unix:ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            ctime = "-";
        }
        return a.size() + " " + a.lastModifiedTime().toInstant() + " " + ctime + " " + a.fileKey() + " "
                + sums.stream().map(c -> c.kind().key() + ":" + c.hex()).collect(Collectors.joining(","));
    }

    private Properties load() {
        Properties p = new Properties();
        if (memory == null) {
            return p;
        }
        try {
            if (Files.isRegularFile(memory) && Files.size(memory) <= MAX_BYTES) {
                try (InputStream in = Files.newInputStream(memory)) {
                    p.load(in);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            p.clear(); // unreadable or malformed: start afresh; every file is hashed again
        }
        return p;
    }

    private void save(Properties known) {
        if (memory == null) {
            return;
        }
        try {
            Files.createDirectories(memory.getParent());
            Path part = Files.createTempFile(memory.getParent(), FILE_NAME + ".", ".part");
            try {
                try (OutputStream out = Files.newOutputStream(part)) {
                    known.store(out, "Files found to match their checksums (see org.synfire.datasets.internal"
                            + ".VerifiedFiles); delete this file to have them hashed again");
                }
                try {
                    Files.move(part, memory, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, memory, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            // not remembered: the next load hashes again, which is slower but as safe
        }
    }
}
