package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Error messages on hostile experiment files: one line, naming the file (and line or field) and the
 * cause in words; never "null", a Java type name, an index text or a parser's multi-line dump.
 * Guards: Experiments.readText/decode, the parse error mapping and oneLine, Main.oneLine.
 */
class MessagesHostileTest {

    @TempDir
    Path temp;

    private CliRun run(Path yaml) {
        return CliRun.withFakeData("run", yaml.toString(), "--runs", temp.resolve("runs").toString(), "--quiet");
    }

    private static void oneLineInWords(CliRun run, Path file) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("synfire: " + file), run.err());
        for (String bad : new String[] {"null", "java.", "Exception", "`", "Index ", "JsonToken", "START_"}) {
            assertFalse(run.err().contains(bad), "'" + bad + "' in " + run.err());
        }
    }

    @Test
    void aTabIsExplainedInOneLine() throws IOException {
        Path yaml = Files.writeString(temp.resolve("tab.yaml"), "dataset: tiny\n\tepochs: 2\n");

        CliRun run = run(yaml);

        oneLineInWords(run, yaml);
        assertTrue(run.err().contains("(line 2, column 1): a tab character; YAML indents with spaces, not tabs"),
                run.err());
    }

    @Test
    void invalidUtf8IsExplainedWithItsLine() throws IOException {
        byte[] head = "dataset: tiny\ndescription: ".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xff;
        bytes[head.length + 1] = '\n';
        Path yaml = Files.write(temp.resolve("latin.yaml"), bytes);

        CliRun run = run(yaml);

        oneLineInWords(run, yaml);
        assertEquals("synfire: " + yaml + " (line 2): not valid UTF-8 (byte 0xff at offset 27); save the file as "
                + "UTF-8\n", run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dataset: tiny\nepochs: {a: 1}\n",
        "dataset: tiny\nhidden: [1, [2]]\n",
        "dataset: tiny\ncircuit-options: [1, 2]\n",
        "dataset: tiny\nname: [a, b]\n",
        "- a\n- b\n",
        "just text\n",
        "dataset: \"unclosed\n",
        "dataset: tiny\n  epochs: 2\n",
        "a: &a [1]\nb: *a\n",
        "dataset: tiny\ndataset: tiny\n",
        "{{{{\n",
        "epochs: 99999999999999999999\ndataset: tiny\n"})
    void malformedFilesAreOneLineNamingTheFile(String text) throws IOException {
        Path yaml = Files.writeString(temp.resolve("bad.yaml"), text);

        oneLineInWords(run(yaml), yaml);
    }

    @Test
    void aParserMessageKeepsItsCauseWithoutTheExcerpt() throws IOException {
        Path yaml = Files.writeString(temp.resolve("quote.yaml"), "dataset: \"unclosed\n");

        CliRun run = run(yaml);

        oneLineInWords(run, yaml);
        assertTrue(run.err().contains("not valid YAML: while scanning a quoted scalar; found unexpected end of stream"),
                run.err());
    }

    @Test
    void anOversizedExperimentFileIsRefusedBeforeReading() throws IOException {
        Path yaml = Files.writeString(temp.resolve("big.yaml"), "dataset: tiny\n# " + "x".repeat(2 << 20) + "\n");

        CliRun run = run(yaml);

        oneLineInWords(run, yaml);
        assertTrue(run.err().contains("an experiment file may have at most 1048576 bytes"), run.err());
    }

    @Test
    void failuresWithoutWordsSaySoInsteadOfAClassName() {
        assertEquals("internal error (a value was missing); run again with --verbose for the details, and please "
                + "report it", Main.oneLine(new NullPointerException()));
        assertEquals("internal error (a size or position was out of range); run again with --verbose for the "
                + "details, and please report it", Main.oneLine(new ArrayIndexOutOfBoundsException(
                        "Index 5 out of bounds for length 3")));
        assertEquals("internal error (a size or position was out of range); run again with --verbose for the "
                + "details, and please report it", Main.oneLine(new NegativeArraySizeException("-849018880")));
        assertEquals("first line", Main.oneLine(new IllegalArgumentException("first line\nsecond line")));
        assertEquals("x.npz: truncated", Main.oneLine(new java.io.UncheckedIOException(
                new IOException("x.npz: truncated"))));
    }
}
