package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

    @TempDir
    Path temp;

    @Test
    void listsTheBuiltInBackendUnderItsHeading() {
        CliRun run = CliRun.of("list", "--plugin-path", temp.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s)Backends:\n.*\n  loihi1 +Bit-exact emulator.*\nCircuits:\n.*Data sets:\n.*Cost models:\n  loihi1-davies2018 .*\n  loihi1-davies2018-blouw2019 .*"
                + "Experiments:\n  quick +The paper's circuit.*\n  paper-mnist20 +.*"),
                run.out());
    }

    @Test
    void listsTheReferenceBackendThatIsDeclaredAsAServiceOnly() {
        CliRun run = CliRun.of("list", "--plugin-path", temp.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s)Backends:\n.*\n  loihi1 +Bit-exact emulator.*\n  loihi1-reference +Loihi-1 as the plain"
                + " per-synapse reference model.*\nCircuits:\n.*"), run.out());
    }

    @Test
    void aBrokenPluginIsReportedOnStandardErrorAndListingGoesOn() throws IOException {
        Files.write(temp.resolve("broken.jar"), new byte[] {0});

        CliRun run = CliRun.of("--plugin-path", temp.toString(), "list");

        assertEquals(0, run.exitCode());
        assertTrue(run.err().startsWith("synfire: plugin left out: " + temp.resolve("broken.jar") + ": "), run.err());
        assertTrue(run.out().contains("loihi1"), run.out());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.of("fly");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unmatched argument at index 0: 'fly'"), run.err());
    }

    @Test
    void listsTheLoihi2Backend() {
        CliRun run = CliRun.of("list", "--plugin-path", temp.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s)Backends:\n.*\n  loihi2 +Loihi 2's LIF and Dense arithmetic as Lava's bit-accurate"
                + " models define it.*\nCircuits:\n.*"), run.out());
    }

    @Test
    void listsTheIdealBackend() {
        CliRun run = CliRun.of("list", "--plugin-path", temp.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s)Backends:\n  ideal +Ideal machine: Loihi-1 networks in float64, no wrap, "
                + "saturation, truncation or rounding\n.*\nCircuits:\n.*"), run.out());
    }
}
