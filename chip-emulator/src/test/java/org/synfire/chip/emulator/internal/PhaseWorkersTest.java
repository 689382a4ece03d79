package org.synfire.chip.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The thread team that runs the emulator's phases: every member once per phase, a barrier after each. */
class PhaseWorkersTest {

    @Test
    void everyMemberRunsItsShareOncePerPhaseAndTheCallerSeesAllWrites() {
        int phases = 2_000;
        try (PhaseWorkers team = new PhaseWorkers(3)) {
            // plain (non-atomic) writes: run() must publish each member's writes to the caller
            int[][] calls = new int[3][1];
            int[] lastPhase = new int[3];
            for (int p = 1; p <= phases; p++) {
                int phase = p;
                team.run(member -> {
                    calls[member][0]++;
                    lastPhase[member] = phase;
                });
                assertArrayEquals(new int[] {phase, phase, phase}, lastPhase, "after phase " + phase);
            }
            for (int m = 0; m < 3; m++) {
                assertEquals(phases, calls[m][0], "member " + m);
            }
        }
    }

    @Test
    void aFailingShareFailsTheRunAndTheTeamGoesOn() {
        try (PhaseWorkers team = new PhaseWorkers(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(member -> {
                if (member == 1) {
                    throw new IllegalStateException("member 1 failed");
                }
            }));
            assertEquals("member 1 failed", e.getMessage());
            int[] seen = new int[2];
            team.run(member -> seen[member] = 1);
            assertArrayEquals(new int[] {1, 1}, seen);
        }
    }

    @Test
    void needsTwoMembersAndRefusesWorkWhenClosed() {
        assertEquals("phase workers: 1 threads; a team needs 2 or more",
                assertThrows(IllegalArgumentException.class, () -> new PhaseWorkers(1)).getMessage());
        PhaseWorkers team = new PhaseWorkers(2);
        team.close();
        assertThrows(IllegalStateException.class, () -> team.run(member -> { }));
    }
}
