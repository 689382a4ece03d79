package org.synfire.cli.internal.run;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The one way the command writes a file, its own or one a user named: a reader, or a later run after a
 * crash, sees either the old content or the new one, never a part. The bytes go to a hidden temporary file
 * beside the target, are forced to the disk, and the file is then moved over the target in one atomic step.
 *
 * <p>What may be replaced so: a name not taken yet, or a regular file. A symbolic link is followed to the
 * regular file it names, which is replaced, so the link stays a link. Anything else that exists at the name
 * (a directory, a device such as {@code /dev/null} or {@code /dev/full}, a pipe, a socket, or a link to one
 * of them, e.g. {@code /dev/stdout}, or a link that leads nowhere) is refused before anything is written:
 * the formats written here are files to be read back, and renaming over a device node would replace it. A
 * failed write names the target and its cause in words: no space left on the device, a read-only file
 * system, permission denied.
 */
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a whole file at the path it is given (a library that opens the file itself, e.g. HDF5). */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Where a write to {@code target} lands: {@code target} itself if it is new or a regular file, the regular
     * file a symbolic link names.
     *
     * @param what how the target is named in a message, e.g. {@code --out out.nir}
     * @throws IllegalArgumentException in one line, for a target that exists and is not a regular file or a
     *                                  link to one
     */
    public static Path destination(String what, Path target) {
        if (Files.isSymbolicLink(target)) {
            Path real;
            try {
                real = target.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException(what + ": is a symbolic link to "
                        + readLink(target) + ", which does not exist; name a regular file or a new one");
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(what + ": is a symbolic link to " + real + ", which is "
                        + kind(real) + ", not a regular file; the command writes regular files only");
            }
            return real;
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(what + ": is " + kind(target) + ", not a regular file; the command"
                    + " writes regular files only (name a new file or an existing regular one)");
        }
        return target;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a place that cannot be read";
        }
    }

    /** What a path that exists is, in words. */
    private static String kind(Path path) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "a directory";
        }
        if (Files.isSymbolicLink(path)) {
            return "a symbolic link";
        }
        try {
            var attributes = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isOther()) {
                String name = path.getFileSystem().supportedFileAttributeViews().contains("unix")
                        ? unixKind(path) : null;
                return name != null ? name : "a device, pipe or socket";
            }
        } catch (IOException e) {
            return "something that cannot be read";
        }
        return "not a regular file";
    }

    private static String unixKind(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return switch (mode & 0170000) {
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0010000 -> "a named pipe";
                case 0140000 -> "a socket";
                default -> null;
            };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Replaces {@code target} with what {@code content} writes; on any failure the target is unchanged.
     *
     * @throws IllegalArgumentException for a target that is not a regular file (see the class comment)
     * @throws IOException              naming the target and the cause in words
     */
    public static void write(Path target, Content content) throws IOException {
        writeFile(target, file -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // writers that close their stream must not close the channel before force()
                    }
                });
                out.flush();
                channel.force(true);
            }
        });
    }

    /**
     * Replaces {@code target} with the file {@code content} writes at the (temporary) path it is given, under
     * the rules of {@link #write(Path, Content)}.
     */
    public static void writeFile(Path target, FileContent content) throws IOException {
        Path destination = destination(target.toString(), target);
        Path directory = destination.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + destination.getFileName(), ".partial");
            readableByAll(temporary);
            content.writeTo(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true); // a library may have closed the file without forcing it
            }
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw inWords(target, e);
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * A failed write in words, naming the target: the causes a user can act on (a full disk, a read-only file
     * system, a permission) are found through the whole chain of causes, since libraries wrap them (HDF5
     * says "Exception writing").
     */
    static IOException inWords(Path target, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left on device") || message.contains("disk quota exceeded")) {
                return new IOException(target + ": cannot write: no space left on device", e);
            }
            if (message.contains("read-only file system")) {
                return new IOException(target + ": cannot write: the file system is read-only", e);
            }
            if (t instanceof AccessDeniedException || message.contains("permission denied")) {
                return new IOException(target + ": cannot write: permission denied", e);
            }
        }
        if (e.getMessage() != null && e.getMessage().startsWith(target.toString())) {
            return e; // already names the target
        }
        String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() != null ? e.getMessage() : "an input or output error";
        return new IOException(target + ": cannot write: " + reason, e);
    }

    /** Temporary files are private to their owner; the files they become are ordinary, rw-r--r--. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Replaces {@code target} with a UTF-8 text. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
