package org.synfire.datasets.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

import org.synfire.datasets.DataLimits;

/**
 * Reading untrusted data in bounded steps, and saying what went wrong in words: the helpers the
 * readers of this module share (see {@link DataLimits}).
 */
public final class Bounded {

    /** The first step of {@link #read}: what is allocated before any data has arrived. */
    static final int FIRST_STEP = 1 << 16;

    private Bounded() {
    }

    /**
     * Up to {@code n} bytes of {@code in}: exactly {@code n}, or fewer if the stream ends first. The
     * array grows (doubling from 64 KiB) as data arrives, so a stream that claims much and holds
     * little costs about what it holds.
     */
    public static byte[] read(InputStream in, int n) throws IOException {
        byte[] b = new byte[Math.min(n, FIRST_STEP)];
        int filled = 0;
        while (filled < n) {
            if (filled == b.length) {
                b = Arrays.copyOf(b, (int) Math.min(n, 2L * b.length));
            }
            int got = in.read(b, filled, b.length - filled);
            if (got < 0) {
                return Arrays.copyOf(b, filled);
            }
            filled += got;
        }
        return b;
    }

    /** A size in words, e.g. {@code 536870912 bytes (512.0 MiB)}. */
    public static String bytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%d bytes (%.1f GiB)", bytes, bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%d bytes (%.1f MiB)", bytes, bytes / (double) (1L << 20));
        }
        return bytes + " bytes";
    }

    /** The memory budget in words, for errors. */
    public static String budget() {
        return "the limit of " + bytes(DataLimits.MAX_DATA_BYTES) + " (DataLimits.MAX_DATA_BYTES)";
    }

    /**
     * Text taken from a file, fit for a one-line message: control and non-ASCII characters escaped
     * as {@code \xNN} or {@code \\uNNNN}, cut after {@code max} characters with "...".
     */
    public static String quote(String text, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < text.length() && s.length() < max; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                s.append(c);
            } else if (c < 0x100) {
                s.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return s.length() < max ? s.toString() : s + "...";
    }

    /**
     * What an I/O failure means, in words: never {@code null}, never an exception class name, one line.
     * A stream that ends early (an {@link EOFException}, or a decompressor that says so) is "truncated".
     */
    public static String cause(IOException e) {
        String m = e.getMessage();
        if (e instanceof EOFException || m != null && m.toLowerCase(Locale.ROOT).contains("truncated")
                || m != null && m.toLowerCase(Locale.ROOT).contains("unexpected end")) {
            return "is truncated: the data ends early";
        }
        if (m == null || m.isBlank()) {
            return "cannot be read (a read error that gives no reason)";
        }
        return "cannot be read: " + quote(m.lines().findFirst().orElse(m), 200);
    }
}
