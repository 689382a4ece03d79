package org.synfire.cli.internal.run;

/** Words of a POSIX shell command line, as the commands Synfire prints or writes (resume hints, job scripts). */
public final class ShellWords {

    private ShellWords() {
    }

    /** {@code word} as a POSIX shell reads it back: unchanged when plain, else in single quotes. */
    public static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
