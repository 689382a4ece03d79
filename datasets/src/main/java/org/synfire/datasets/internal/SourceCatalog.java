package org.synfire.datasets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The download sources of the raw data sets, read from the built-in {@code sources.properties} and
 * optionally overridden key by key by a file named in the environment variable
 * {@value #CONFIG_VARIABLE}.
 */
public final class SourceCatalog {

    /** The environment variable naming a properties file whose keys override the built-in ones. */
    public static final String CONFIG_VARIABLE = "SYNFIRE_DATASETS_CONFIG";

    private final Properties properties;

    private SourceCatalog(Properties properties) {
        this.properties = properties;
    }

    /** The built-in catalogue, overridden by the file {@value #CONFIG_VARIABLE} names in {@code env}, if any. */
    public static SourceCatalog load(Map<String, String> env) throws IOException {
        Properties p = builtIn().properties;
        String override = env.get(CONFIG_VARIABLE);
        if (override != null && !override.isBlank()) {
            Path file = Path.of(override);
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new IOException(CONFIG_VARIABLE + "=" + override + ": " + (e instanceof NoSuchFileException
                        ? "no such file" : Bounded.cause(e)), e);
            }
        }
        return new SourceCatalog(p);
    }

    /** The built-in catalogue alone, which nothing overrides (the checksums of the embedded files). */
    public static SourceCatalog builtIn() throws IOException {
        Properties p = new Properties();
        try (InputStream in = SourceCatalog.class.getResourceAsStream("sources.properties")) {
            if (in == null) {
                throw new IllegalStateException("sources.properties is missing from the datasets module");
            }
            p.load(in);
        }
        return new SourceCatalog(p);
    }

    /** A catalogue of exactly these properties (for tests and tools). */
    public static SourceCatalog of(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return new SourceCatalog(copy);
    }

    /** The mirrors and checksums of the raw data set {@code name} and its {@code files}. */
    public SourceSpec spec(String name, List<String> files) {
        List<URI> mirrors = new ArrayList<>();
        for (String base : properties.getProperty(name + ".mirrors", "").trim().split("\\s+")) {
            if (!base.isEmpty()) {
                try {
                    mirrors.add(new URI(base.endsWith("/") ? base : base + "/"));
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException(name + ".mirrors: '" + base + "' is not a URL: "
                            + e.getMessage(), e);
                }
            }
        }
        Map<String, List<Checksum>> checksums = new HashMap<>();
        for (String file : files) {
            List<Checksum> sums = new ArrayList<>();
            for (Checksum.Kind kind : Checksum.Kind.values()) {
                String hex = properties.getProperty(name + "." + file + "." + kind.key());
                if (hex != null && !hex.isBlank()) {
                    sums.add(new Checksum(kind, hex));
                }
            }
            checksums.put(file, sums);
        }
        return new SourceSpec(name, mirrors, checksums);
    }
}
