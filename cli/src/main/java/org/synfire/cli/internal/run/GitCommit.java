package org.synfire.cli.internal.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The git commit Synfire runs from, read from the files of the checkout (no git needed): its
 * {@code .git/HEAD}, and the ref it names, loose or in {@code packed-refs}. A {@code .git} file (a work
 * tree of another checkout) is followed to its git directory and that one's common directory.
 */
public final class GitCommit {

    /** What is recorded when the commit cannot be told. */
    public static final String UNKNOWN = "unknown";

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    /** No file of .git that is read here is longer. */
    private static final long MAX_BYTES = 1 << 20;

    private GitCommit() {
    }

    /** The commit of the checkout at {@code synfire.home} (set by the launcher), or {@value #UNKNOWN}. */
    public static String ofHome() {
        String home = System.getProperty("synfire.home");
        return home == null || home.isBlank() ? UNKNOWN : of(Path.of(home));
    }

    /** The commit checked out in {@code root}, or {@value #UNKNOWN} if it is no git checkout or unreadable. */
    public static String of(Path root) {
        try {
            return find(root).orElse(UNKNOWN);
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    private static Optional<String> find(Path root) throws IOException {
        Path dotGit = root.resolve(".git");
        Path gitDir;
        if (Files.isDirectory(dotGit)) {
            gitDir = dotGit;
        } else if (Files.isRegularFile(dotGit)) {
            String line = firstLine(dotGit);
            if (!line.startsWith("gitdir:")) {
                return Optional.empty();
            }
            gitDir = root.resolve(line.substring("gitdir:".length()).strip()).normalize();
        } else {
            return Optional.empty();
        }
        Path common = gitDir;
        if (Files.isRegularFile(gitDir.resolve("commondir"))) {
            common = gitDir.resolve(firstLine(gitDir.resolve("commondir"))).normalize();
        }
        String head = firstLine(gitDir.resolve("HEAD"));
        if (SHA.matcher(head).matches()) {
            return Optional.of(head); // detached
        }
        if (!head.startsWith("ref:")) {
            return Optional.empty();
        }
        String ref = head.substring("ref:".length()).strip();
        if (ref.contains("..")) {
            return Optional.empty();
        }
        for (Path dir : new Path[] {gitDir, common}) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                String sha = firstLine(loose);
                return SHA.matcher(sha).matches() ? Optional.of(sha) : Optional.empty();
            }
        }
        for (Path dir : new Path[] {gitDir, common}) {
            Path packed = dir.resolve("packed-refs");
            if (Files.isRegularFile(packed) && Files.size(packed) <= 64 * MAX_BYTES) {
                for (String line : Files.readAllLines(packed)) {
                    String[] parts = line.strip().split(" ", 2);
                    if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) {
                        return Optional.of(parts[0]);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String firstLine(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is too long");
        }
        return Files.readString(file).lines().findFirst().orElse("").strip();
    }
}
