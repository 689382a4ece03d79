package org.synfire.chip.emulator.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads that runs one phase of a timestep at a time: {@link #run} hands the phase to every
 * member (the calling thread is member 0) and returns when all are done, a barrier per phase. Members wait
 * for the next phase spinning briefly, then parked; the caller waits for the others spinning, then yielding.
 * Each member does the share of the phase its number selects, so the work a member does never depends on
 * timing, and neither do the results.
 */
final class PhaseWorkers implements AutoCloseable {

    private static final int SPINS = 1 << 12;

    private final Thread[] helpers;
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile IntConsumer phase;
    private volatile boolean closed;

    /** A team of {@code threads} members (at least 2: with one, run phases directly instead). */
    PhaseWorkers(int threads) {
        if (threads < 2) {
            throw new IllegalArgumentException("phase workers: " + threads + " threads; a team needs 2 or more");
        }
        helpers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            int member = w;
            helpers[w - 1] = Thread.ofPlatform().daemon().name("loihi1-core-" + w).unstarted(() -> serve(member));
        }
        for (Thread t : helpers) {
            t.start();
        }
    }

    /** Team members, the caller included. */
    int threads() {
        return helpers.length + 1;
    }

    /** Runs {@code share.accept(member)} on every member at once; returns when every share is done. */
    void run(IntConsumer share) {
        if (closed) {
            throw new IllegalStateException("phase workers: already closed");
        }
        phase = share;
        done.set(0);
        generation.incrementAndGet(); // publishes phase
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
        Throwable own = null;
        try {
            share.accept(0);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        for (int spins = 0; done.get() < helpers.length; spins++) {
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        Throwable helper = failure.getAndSet(null);
        Throwable first = own != null ? own : helper;
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    private void serve(int member) {
        int seen = 0;
        while (true) {
            int spins = 0;
            while (generation.get() == seen) {
                if (closed) {
                    return;
                }
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = generation.get();
            if (closed) {
                return;
            }
            try {
                phase.accept(member);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
            done.incrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : helpers) {
            LockSupport.unpark(t);
        }
    }
}
