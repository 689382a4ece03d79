package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synfire --version} prints the artifact's version, the one run.json records. */
class VersionTest {

    @TempDir
    Path temp;

    @Test
    void versionIsTheArtifactsAndRunJsonsVersion() throws IOException {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode(), version.err());
        assertEquals("synfire 0.1.0\n", version.out());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), FakeDataset.module(), "train",
                "--circuit", "sbp-functional", "--dataset", "tiny", "--hidden", "12", "--runs", temp.toString(),
                "--quiet");
        assertEquals(0, code, err.toString());
        Path dir;
        try (Stream<Path> runs = Files.list(temp)) {
            dir = runs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String recorded = new ObjectMapper().readTree(dir.resolve("run.json").toFile()).get("synfire").asText();
        assertEquals("synfire " + recorded + "\n", version.out());
    }
}
