package org.synfire.cli.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A SLURM command that hangs is given up after its time limit, not waited for forever. */
class SlurmExecTest {

    @Test
    void aCommandThatHangsIsGivenUp() {
        long began = System.nanoTime();
        IOException e = assertThrows(IOException.class,
                () -> SlurmExecutor.exec(List.of("sleep", "60"), Duration.ofMillis(300)));
        assertEquals("sleep did not answer within 0.3 s", e.getMessage());
        assertTrue(System.nanoTime() - began < Duration.ofSeconds(30).toNanos(), "given up long before sleep ends");
    }

    @Test
    void aCommandThatAnswersGivesItsOutputAndCode() throws IOException {
        SlurmExecutor.Result r = SlurmExecutor.exec(List.of("sh", "-c", "echo queued; echo oops >&2; exit 3"),
                Duration.ofSeconds(30));
        assertEquals(3, r.code());
        assertEquals("queued\noops\n", r.output());
    }
}
