package org.synfire.cli.internal.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Reads experiments from YAML: the packaged ones shipped in this jar, by name, and users' files, by
 * path. Unknown fields and values of the wrong type are errors that name the field and the value.
 */
public final class Experiments {

    /** The packaged experiments, in the order {@code synfire list} shows them. */
    public static final List<String> PACKAGED =
            List.of("quick", "paper-mnist20", "mnist28", "fashion-mnist28", "inference-mnist20");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private Experiments() {
    }

    /**
     * The experiment a command line names: a YAML file if the argument is the path of one, else a
     * packaged experiment. Defaults applied and validated.
     */
    public static Experiment resolve(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            try {
                String fileName = file.getFileName().toString();
                return parse(Files.readString(file), file.toString(), fileName.replaceFirst("\\.ya?ml$", ""));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read experiment file " + file, e);
            }
        }
        if (!PACKAGED.contains(nameOrFile)) {
            throw new ConfigurationException("unknown experiment '" + nameOrFile + "': neither a packaged experiment ("
                    + String.join(", ", PACKAGED) + ") nor a YAML file");
        }
        return packaged(nameOrFile);
    }

    /** A packaged experiment by name. */
    public static Experiment packaged(String name) {
        String resource = name + ".yaml";
        try (InputStream in = Experiments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("packaged experiment " + resource + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses one experiment.
     *
     * @param yaml        the text
     * @param source      where it came from, for messages
     * @param defaultName the name when the text gives none
     */
    public static Experiment parse(String yaml, String source, String defaultName) {
        Experiment read;
        try {
            read = YAML.readValue(yaml, Experiment.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            throw new ConfigurationException(source + lineOf(yaml, e.getPropertyName()) + ": unknown field '"
                    + e.getPropertyName() + "'; known fields: " + known, e);
        } catch (InvalidFormatException e) {
            throw new ConfigurationException(source + where(e.getLocation()) + ": field '" + field(e) + "' is '"
                    + e.getValue() + "'; expected " + expected(e.getTargetType()), e);
        } catch (JsonMappingException e) {
            String field = field(e);
            throw new ConfigurationException(source + where(e.getLocation()) + ": "
                    + (field.isEmpty() ? "" : "field '" + field + "': ") + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new ConfigurationException(source + where(e.getLocation()) + ": not valid YAML: "
                    + e.getOriginalMessage(), e);
        }
        if (read == null) {
            throw new ConfigurationException(source + ": the experiment is empty");
        }
        if (read.name() == null) {
            read = read.withName(defaultName);
        }
        return read.withDefaults().validate(source);
    }

    /** The experiment as YAML, every field written out: the run directory's record of it. */
    public static String toYaml(Experiment experiment) {
        try {
            return YAML.writeValueAsString(experiment);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Descriptions of the packaged experiments, by name. */
    public static Map<String, String> packagedDescriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        PACKAGED.forEach(name -> descriptions.put(name, packaged(name).description()));
        return descriptions;
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ")";
    }

    /** Where a top-level key stands in the text (the parser's own location is past it by then). */
    private static String lineOf(String yaml, String key) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*:.*")) {
                return " (line " + (i + 1) + ")";
            }
        }
        return "";
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        return "a value of type " + type.getSimpleName();
    }
}
