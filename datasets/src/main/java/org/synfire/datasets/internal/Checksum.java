package org.synfire.datasets.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.synfire.datasets.DataLimits;

/**
 * A checksum a downloaded file must match.
 *
 * @param kind what is hashed, and how
 * @param hex  the expected digest, lower-case hexadecimal
 */
public record Checksum(Kind kind, String hex) {

    /** What is hashed, and how. */
    public enum Kind {
        /** SHA-256 of the file as served. */
        SHA256("sha256", "SHA-256", false, 64),
        /** SHA-256 of the content after gunzip (of the file itself if it is not gzip). */
        CONTENT_SHA256("content-sha256", "SHA-256", true, 64),
        /** MD5 of the file as served; only where no SHA-256 is known. */
        MD5("md5", "MD5", false, 32);

        private final String key;
        private final String algorithm;
        private final boolean content;
        private final int hexLength;

        Kind(String key, String algorithm, boolean content, int hexLength) {
            this.key = key;
            this.algorithm = algorithm;
            this.content = content;
            this.hexLength = hexLength;
        }

        /** The name of this kind in configuration keys, e.g. {@code content-sha256}. */
        public String key() {
            return key;
        }
    }

    public Checksum {
        Objects.requireNonNull(kind, "kind");
        hex = hex.strip().toLowerCase(Locale.ROOT);
        if (hex.length() != kind.hexLength || !hex.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException(kind.key + " checksum '" + hex + "' is not "
                    + kind.hexLength + " hexadecimal digits");
        }
    }

    /**
     * The digest of {@code file} this checksum compares against. Content after gunzip is hashed up to
     * {@link DataLimits#MAX_DATA_BYTES}; a file that unpacks to more is no file of these data sets
     * (and may be a gzip bomb), and fails.
     */
    public String digest(Path file) throws IOException {
        return digest(file, DataLimits.MAX_DATA_BYTES);
    }

    /** As {@link #digest(Path)}, hashing at most {@code limit} bytes of content (tests use small ones). */
    String digest(Path file, long limit) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(kind.algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(kind.algorithm + " is missing from this JDK", e);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                InputStream in = new DigestInputStream(kind.content ? content(raw) : raw, md)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0;) {
                total += n;
                if (kind.content && total > limit) {
                    throw new IOException("unpacks to more than " + Bounded.bytes(limit)
                            + (limit == DataLimits.MAX_DATA_BYTES ? " (DataLimits.MAX_DATA_BYTES)" : "")
                            + ", more than any file of these data sets");
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Whether {@code file} matches. */
    public boolean matches(Path file) throws IOException {
        return hex.equals(digest(file));
    }

    private static InputStream content(InputStream raw) throws IOException {
        raw.mark(2);
        byte[] signature = raw.readNBytes(2);
        raw.reset();
        return GzipCompressorInputStream.matches(signature, signature.length)
                ? GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get()
                : raw;
    }
}
