package org.synfire.circuits.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads circuit descriptions from YAML; unknown fields and missing required ones are errors. */
public final class CircuitDescriptions {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CircuitDescriptions() {
    }

    /**
     * Parses a description.
     *
     * @param source where the text came from, for messages
     * @throws IllegalArgumentException naming the source, the place and what is wrong
     */
    public static CircuitDescription parse(String yaml, String source) {
        try {
            return YAML.readValue(yaml, CircuitDescription.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(source + ": unknown field '" + e.getPropertyName() + "' in "
                    + e.getReferringClass().getSimpleName() + "; known fields: " + e.getKnownPropertyIds(), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
        }
    }

    /** Reads a description shipped as a resource beside {@code anchor}'s class. */
    public static CircuitDescription resource(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("circuit description " + name + " is missing beside "
                        + anchor.getName());
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
