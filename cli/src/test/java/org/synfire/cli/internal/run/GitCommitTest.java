package org.synfire.cli.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit of a checkout, read from its .git files without git. */
class GitCommitTest {

    private static final String A = "1111111111111111111111111111111111111111";
    private static final String B = "2222222222222222222222222222222222222222";

    @TempDir
    Path temp;

    @Test
    void aBranchHeadIsReadFromItsLooseRefOrFromPackedRefs() throws IOException {
        Path git = Files.createDirectories(temp.resolve(".git/refs/heads"));
        Files.writeString(temp.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(temp.resolve(".git/packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n"
                + B + " refs/heads/main\n^" + A + "\n");
        assertEquals(B, GitCommit.of(temp));

        Files.writeString(git.resolve("main"), A + "\n");
        assertEquals(A, GitCommit.of(temp), "a loose ref is newer than packed-refs");
    }

    @Test
    void aDetachedHeadIsTheCommit() throws IOException {
        Files.createDirectories(temp.resolve(".git"));
        Files.writeString(temp.resolve(".git/HEAD"), A + "\n");
        assertEquals(A, GitCommit.of(temp));
    }

    @Test
    void aWorkTreeFollowsItsGitFileToTheCommonDirectory() throws IOException {
        Path main = temp.resolve("main");
        Path worktreeGit = Files.createDirectories(main.resolve(".git/worktrees/wt"));
        Files.createDirectories(main.resolve(".git/refs/heads"));
        Files.writeString(main.resolve(".git/refs/heads/topic"), B + "\n");
        Files.writeString(worktreeGit.resolve("HEAD"), "ref: refs/heads/topic\n");
        Files.writeString(worktreeGit.resolve("commondir"), "../..\n");
        Path wt = Files.createDirectories(temp.resolve("wt"));
        Files.writeString(wt.resolve(".git"), "gitdir: " + worktreeGit + "\n");

        assertEquals(B, GitCommit.of(wt));
    }

    @Test
    void noCheckoutOrAnUnreadableOneIsUnknown() throws IOException {
        assertEquals(GitCommit.UNKNOWN, GitCommit.of(temp));
        Files.createDirectories(temp.resolve(".git"));
        Files.writeString(temp.resolve(".git/HEAD"), "ref: refs/heads/gone\n");
        assertEquals(GitCommit.UNKNOWN, GitCommit.of(temp), "a branch without a commit yet");
        Files.writeString(temp.resolve(".git/HEAD"), "garbage\n");
        assertEquals(GitCommit.UNKNOWN, GitCommit.of(temp));
    }
}
