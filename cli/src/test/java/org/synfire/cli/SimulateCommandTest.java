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

    /** README's relay on loihi2: one weight at exponent 0 is the same integer on both chips, so the same spikes. */
    @Test
    void runsOnLoihi2() throws IOException {
        Path out = temp.resolve("out2");

        CliRun run = CliRun.of("simulate", resource("relay.json").toString(), "--steps", "8", "--out", out.toString(),
                "--backend", "loihi2");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("timestep,0,1\n0,0,0\n1,1,0\n2,0,0\n3,0,0\n4,0,0\n5,0,0\n6,0,1\n7,0,0\n",
                Files.readString(out.resolve("spikes.csv")));
    }

    /**
     * docs/loihi2-semantics.md's example: three weights of 3 at exponent -1, twice. loihi2 floors the sum,
     * (3 + 3 + 3) >> 1 = 4, u = 256, v = 256 then 512 > 384: a spike at 3; loihi1 floors each weight, 3 * (3 >> 1) = 3,
     * u = 192, v = 192 then 384, not above 384: no spike.
     */
    @Test
    void loihi2AndLoihi1DifferWhereTheirArithmeticDoes() throws IOException {
        Path network = Files.writeString(temp.resolve("floor.json"), """
                {"format": "synfire-network/1",
                 "groups": [{"name": "n", "size": 1, "dV": 0, "vThMant": 6}],
                 "generators": [{"name": "in", "size": 3, "spikes": [[0, 0], [0, 1], [0, 2], [2, 0], [2, 1], [2, 2]]}],
                 "connections": [{"source": "in", "target": "n", "weights": 3, "exponent": -1, "signMode": "EXCITATORY"}],
                 "probes": [{"name": "v", "kind": "VOLTAGE", "target": "n"},
                            {"name": "s", "kind": "SPIKES", "target": "n"}]}
                """);
        for (String backend : new String[] {"loihi1", "loihi2"}) {
            CliRun run = CliRun.of("simulate", network.toString(), "--steps", "5", "--out",
                    temp.resolve(backend).toString(), "--backend", backend);
            assertEquals(0, run.exitCode(), run.err());
        }
        assertEquals("timestep,0\n0,0\n1,192\n2,192\n3,384\n4,384\n", Files.readString(temp.resolve("loihi1/v.csv")));
        assertEquals("timestep,0\n0,0\n1,0\n2,0\n3,0\n4,0\n", Files.readString(temp.resolve("loihi1/s.csv")));
        assertEquals("timestep,0\n0,0\n1,256\n2,256\n3,0\n4,0\n", Files.readString(temp.resolve("loihi2/v.csv")));
        assertEquals("timestep,0\n0,0\n1,0\n2,0\n3,1\n4,0\n", Files.readString(temp.resolve("loihi2/s.csv")));
    }
}
