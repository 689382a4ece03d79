package org.synfire.cli.internal.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of where a command will write, made before the work starts: a directory option that names
 * an existing file, or lies under one, and a file option that names a directory, a device or a link to
 * one fail at once rather than after the simulation or training. The writes themselves go through
 * {@link AtomicFiles}, which applies the same rule again.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Checks that {@code directory} is, or can be made as, a writable directory.
     *
     * @param option the option that named it, e.g. {@code --runs}
     * @throws IllegalArgumentException naming the option, the path and the cause
     */
    public static void requireDirectory(String option, Path directory) {
        requireWritableDirectory(option + " " + directory, directory);
    }

    /** As {@link #requireDirectory(String, Path)}, the messages starting with {@code what}. */
    private static void requireWritableDirectory(String what, Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IllegalArgumentException(what + ": no part of the path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException(what + ": "
                    + (existing.equals(absolute) ? "is a file, not a directory" : existing + " is a file, not a directory"));
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException(what + ": " + existing + (readOnly(existing)
                    ? " is on a read-only file system" : " is not writable (permission denied)"));
        }
    }

    /**
     * Checks that {@code file} can be written by {@link AtomicFiles}: a new name or a regular file (a link is
     * followed to the regular file it names), in a directory that is, or can be made, writable.
     *
     * @param option the option that named it, e.g. {@code --out}
     * @throws IllegalArgumentException naming the option, the path and what is wrong
     */
    public static void requireFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory; name the file to write");
        }
        Path destination = AtomicFiles.destination(option + " " + file, file);
        Path parent = destination.toAbsolutePath().normalize().getParent();
        if (parent != null) {
            requireWritableDirectory(option + " " + file, parent);
        }
    }

    private static boolean readOnly(Path existing) {
        try {
            return Files.getFileStore(existing).isReadOnly();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Checks that {@code name}, taken from an input file, is one plain file name: the file made from it
     * stays in its directory.
     *
     * @param what what the name is, for the message, e.g. {@code net.json: probe name}
     */
    public static void requirePlainName(String what, String name) {
        boolean plain = !name.isEmpty() && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && !name.contains("..")
                && !name.equals(".") && !(name.length() > 1 && name.charAt(1) == ':')
                && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f) && name.length() <= 100;
        if (!plain) {
            throw new IllegalArgumentException(what + " '"
                    + org.synfire.cli.internal.experiment.Experiment.printable(name)
                    + "' is not a plain file name (no path separators, '..' or control characters, at most 100"
                    + " characters)");
        }
    }
}
