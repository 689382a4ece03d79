package org.synfire.cli.internal.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The sweeps shipped in this jar, by name: an experiment, its seeds and settings. */
public final class PackagedSweeps {

    /** The packaged sweeps, in the order {@code synfire list} shows them. */
    public static final List<String> PACKAGED = List.of("table1", "table1-annealed");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * A packaged sweep.
     *
     * @param description one line for listings
     * @param experiment  the packaged experiment it runs
     * @param seeds       its seeds, as {@code --seeds} takes them
     * @param set         its settings, as {@code --set} takes them (values by key)
     */
    public record Definition(@JsonProperty("description") String description,
            @JsonProperty("experiment") String experiment, @JsonProperty("seeds") String seeds,
            @JsonProperty("set") LinkedHashMap<String, List<String>> set) {
    }

    private PackagedSweeps() {
    }

    /** The packaged sweep of this name, if there is one. */
    public static Optional<Definition> find(String name) {
        if (!PACKAGED.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = PackagedSweeps.class.getResourceAsStream(name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("packaged sweep " + name + ".yaml is missing from the jar");
            }
            return Optional.of(YAML.readValue(in, Definition.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Descriptions of the packaged sweeps, by name. */
    public static Map<String, String> descriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        PACKAGED.forEach(n -> d.put(n, find(n).orElseThrow().description()));
        return d;
    }
}
