package org.synfire.chip.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The thread team that runs the emulator's phases: every task of a phase once, a barrier after each phase. */
class PhaseWorkersTest {

    @Test
    void everyTaskRunsOncePerPhaseAndTheCallerSeesAllWrites() {
        int phases = 2_000;
        try (PhaseWorkers team = new PhaseWorkers(3)) {
            for (int p = 1; p <= phases; p++) {
                int phase = p;
                int tasks = 1 + p % 7; // fewer tasks than members, as many, and more
                // plain (non-atomic) writes: run() must publish every task's writes to the caller
                int[] calls = new int[tasks];
                int[] lastPhase = new int[tasks];
                team.run(tasks, k -> {
                    calls[k]++;
                    lastPhase[k] = phase;
                });
                int[] once = new int[tasks];
                int[] thisPhase = new int[tasks];
                Arrays.fill(once, 1);
                Arrays.fill(thisPhase, phase);
                assertArrayEquals(once, calls, "calls in phase " + phase);
                assertArrayEquals(thisPhase, lastPhase, "writes of phase " + phase);
            }
        }
    }

    @Test
    void aMemberBusyWithOneTaskLeavesTheOthersToTheRestOfTheTeam() {
        // task 0 returns only once the nine others are done: a team that shared tasks out in advance (by member)
        // would wait forever, one that lets members claim what is left finishes
        try (PhaseWorkers team = new PhaseWorkers(2)) {
            for (int round = 0; round < 20; round++) {
                AtomicInteger others = new AtomicInteger();
                assertTrue(firstTaskSawTheOthersDone(team, 10, others), "round " + round
                        + ": the other tasks were left waiting");
                assertEquals(9, others.get());
            }
        }
    }

    @Test
    void aMemberParkedWhileTheTeamWasIdleIsWokenForTheNextPhase() throws InterruptedException {
        try (PhaseWorkers team = new PhaseWorkers(2)) {
            for (int round = 0; round < 5; round++) {
                Thread.sleep(20); // idle far longer than a member keeps looking: it parks
                // the caller claims task 0 first and waits in it for the other three: only the woken member can do them
                assertTrue(firstTaskSawTheOthersDone(team, 4, new AtomicInteger()), "round " + round
                        + ": nobody ran the other tasks");
            }
        }
    }

    /**
     * Runs {@code tasks} tasks in which task 0 returns only once all the others have run (counted in
     * {@code others}), or after 10 s; returns whether it saw them done.
     */
    private static boolean firstTaskSawTheOthersDone(PhaseWorkers team, int tasks, AtomicInteger others) {
        CountDownLatch othersDone = new CountDownLatch(tasks - 1);
        boolean[] sawThem = new boolean[1];
        team.run(tasks, k -> {
            if (k == 0) {
                try {
                    sawThem[0] = othersDone.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                others.incrementAndGet();
                othersDone.countDown();
            }
        });
        return sawThem[0];
    }

    @Test
    void aFailingTaskFailsTheRunAfterTheOthersAndTheTeamGoesOn() {
        try (PhaseWorkers team = new PhaseWorkers(2)) {
            AtomicInteger ran = new AtomicInteger();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(6, k -> {
                ran.incrementAndGet();
                if (k == 3) {
                    throw new IllegalStateException("task 3 failed");
                }
            }));
            assertEquals("task 3 failed", e.getMessage());
            assertEquals(6, ran.get(), "every task runs although one failed");
            int[] seen = new int[4];
            team.run(4, k -> seen[k] = 1);
            assertArrayEquals(new int[] {1, 1, 1, 1}, seen);
        }
    }

    @Test
    void needsTwoMembersAndRefusesWorkWhenClosed() {
        assertEquals("phase workers: 1 threads; a team needs 2 or more",
                assertThrows(IllegalArgumentException.class, () -> new PhaseWorkers(1)).getMessage());
        PhaseWorkers team = new PhaseWorkers(2);
        assertEquals("phase workers: -1 tasks; at most " + PhaseWorkers.MAX_TASKS,
                assertThrows(IllegalArgumentException.class, () -> team.run(-1, k -> { })).getMessage());
        team.run(0, k -> {
            throw new AssertionError("no task to run");
        });
        team.close();
        assertThrows(IllegalStateException.class, () -> team.run(1, k -> { }));
    }
}
