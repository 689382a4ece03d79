package org.synfire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synfire simulate on the README's example network, and on networks it must refuse. */
class SimulateCommandTest {

    @TempDir
    Path temp;

    private Path resource(String name) throws IOException {
        Path file = temp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/networks/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    /**
     * in[0] spikes at 0 and reaches n[0] at 1 (delay 0); in[1] spikes at 3 and reaches n[1] at
     * 3 + 1 + 2 = 6. Weight 200 * 64 = 12800 exceeds the threshold 100 * 64 = 6400.
     */
    @Test
    void writesEveryProbeAsCsv() throws IOException {
        Path out = temp.resolve("out");

        CliRun run = CliRun.of("simulate", resource("relay.json").toString(), "--steps", "8", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("timestep,0,1\n0,0,0\n1,1,0\n2,0,0\n3,0,0\n4,0,0\n5,0,0\n6,0,1\n7,0,0\n",
                Files.readString(out.resolve("spikes.csv")));
        assertTrue(Files.size(out.resolve("spikes.npy")) > 0);
        assertTrue(Files.isRegularFile(out.resolve("v.csv")));
    }

    @Test
    void aNetworkOverACoreLimitIsRefusedNamingTheLimit() throws IOException {
        Path network = Files.writeString(temp.resolve("big.json"), """
                {"format": "synfire-network/1",
                 "groups": [{"name": "big", "size": 1025, "vThMant": 100, "pin": [0, 0]}]}
                """);

        CliRun run = CliRun.of("simulate", network.toString(), "--steps", "1", "--out", temp.resolve("o").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("big") && run.err().contains("1024 compartments"), run.err());
    }

    @Test
    void aMalformedFileNamesWhere() throws IOException {
        Path network = Files.writeString(temp.resolve("bad.json"), """
                {"format": "synfire-network/1", "groups": [{"name": "n", "size": "many", "vThMant": 1}]}
                """);

        CliRun run = CliRun.of("simulate", network.toString(), "--steps", "1", "--out", temp.resolve("o").toString());

        assertEquals(2, run.exitCode());
        assertEquals("synfire: bad.json: groups[0].size: expected an integer, got \"many\"\n", run.err());
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliRun run = CliRun.of("simulate", temp.resolve("none.json").toString(), "--steps", "1", "--out",
                temp.resolve("o").toString());

        assertEquals(2, run.exitCode());
        assertEquals("synfire: no such file: " + temp.resolve("none.json") + "\n", run.err());
    }
}
