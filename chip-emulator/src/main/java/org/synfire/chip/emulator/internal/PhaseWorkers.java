package org.synfire.chip.emulator.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that runs one phase of a timestep at a time. A phase is a number of independent tasks
 * (in the emulator: one per core); {@link #run} publishes them, every member (the calling thread is member 0)
 * claims tasks one at a time until none is left, and {@code run} returns when every task is done: a barrier per
 * phase. A member that the operating system has not scheduled yet claims nothing, so the others do its share
 * instead of waiting for it. Which member runs a task depends on timing; the tasks of a phase must therefore
 * not depend on one another (each core touches only its own state), and then neither do the results.
 * <p>
 * An idle member yields its processor in a loop for a while, then parks; the caller waits for the last task
 * spinning, then yielding. Idle members yield rather than spin on {@link Thread#onSpinWait}: on a 2-vCPU virtual
 * machine a member spinning that way slowed the other's work by ~40% (docs/benchmarks.md, third round), while a
 * yield is a system call that leaves the processor to whoever needs it and returns at once if nobody does.
 */
final class PhaseWorkers implements AutoCloseable {

    /** How long an idle member keeps looking before it parks: longer than the host's work between two phases. */
    private static final long IDLE_NANOS = 1_000_000;
    /** Tasks a phase may have: the count shares the claim word with the next task. */
    static final int MAX_TASKS = (1 << 24) - 1;

    private final Thread[] helpers;
    /** Per helper: 1 while it is about to park or parked, so the caller knows to wake it. */
    private final AtomicIntegerArray parking;
    /**
     * The phase's claim word: its generation (bits 48..63), its task count (bits 24..47) and the next unclaimed
     * task (bits 0..23). A claim is a compare-and-set of the whole word, so it succeeds only if the word is the
     * current phase's (even after the generation wrapped), and the phase cannot end, nor the next be set up,
     * while a claimed task runs: what a member reads after its claim is the phase's.
     */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** The phase's task, written before its claim word is published, read only after a claim succeeded. */
    private IntConsumer task;
    /** The generation of the last phase published (16 bits, wrapping). */
    private int generation;
    private volatile boolean closed;

    /** A team of {@code threads} members (at least 2: with one, run phases directly instead). */
    PhaseWorkers(int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("phase workers: " + threads + " threads; a team needs 2 or more");
        }
        helpers = new Thread[threads - 1];
        parking = new AtomicIntegerArray(threads - 1);
        for (int w = 1; w < threads; w++) {
            int member = w - 1;
            helpers[member] = Thread.ofPlatform().daemon().name("loihi1-core-" + w).unstarted(() -> serve(member));
        }
        for (Thread t : helpers) {
            t.start();
        }
    }

    /** Team members, the caller included. */
    int threads() {
        return helpers.length + 1;
    }

    /**
     * Runs {@code task.accept(k)} for every {@code k} in {@code 0 .. tasks - 1}, each once, spread over the
     * members; returns when all are done, and rethrows the first failure of a task (after all are done).
     */
    void run(int tasks, IntConsumer task) {
        if (closed) {
            throw new IllegalStateException("phase workers: already closed");
        }
        if (tasks < 0 || tasks > MAX_TASKS) {
            throw new IllegalArgumentException("phase workers: " + tasks + " tasks; at most " + MAX_TASKS);
        }
        if (tasks == 0) {
            return;
        }
        this.task = task;
        finished.set(0);
        generation = (generation + 1) & 0xFFFF;
        claims.set((long) generation << 48 | (long) tasks << 24); // publishes the task
        for (int h = 0; h < helpers.length; h++) {
            if (parking.get(h) != 0) {
                LockSupport.unpark(helpers[h]);
            }
        }
        claimAll(generation);
        for (int spins = 0; finished.get() < tasks; spins++) {
            if (spins < 1 << 16) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // the last task's member may be waiting for a processor
            }
        }
        Throwable first = failure.getAndSet(null);
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    /** Claims and runs tasks of phase {@code phase} until none is left. */
    private void claimAll(int phase) {
        while (true) {
            long word = claims.get();
            int next = (int) (word & MAX_TASKS);
            if (generationOf(word) != phase || next >= (int) (word >>> 24 & MAX_TASKS)) {
                return;
            }
            if (!claims.compareAndSet(word, word + 1)) {
                continue;
            }
            try {
                task.accept(next);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                finished.incrementAndGet();
            }
        }
    }

    private void serve(int helper) {
        int seen = 0;
        long idleSince = System.nanoTime();
        for (int rounds = 0; !closed; rounds++) {
            int phase = generationOf(claims.get());
            if (phase != seen) {
                seen = phase;
                claimAll(phase);
                idleSince = System.nanoTime();
                rounds = 0;
            } else if ((rounds & 63) != 0 || System.nanoTime() - idleSince < IDLE_NANOS) {
                Thread.yield();
            } else {
                parking.set(helper, 1);
                // the caller publishes, then looks for parked members; this member says so, then looks again
                if (generationOf(claims.get()) == seen && !closed) {
                    LockSupport.park(this);
                }
                parking.set(helper, 0);
                idleSince = System.nanoTime();
            }
        }
    }

    private static int generationOf(long word) {
        return (int) (word >>> 48);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
    }
}
