package org.synfire.chip.emulator.internal.learning;

/**
 * Counts timesteps into learning epochs of {@code tEpoch} timesteps (1 .. 63). Epochs are numbered
 * from 1: the epoch that ends with the {@code tEpoch}-th timestep is epoch 1. The spike latches
 * ({@link SpikeLatch}) and the reward flag of a group collect everything emitted in one epoch and are
 * cleared after its learning phase, so with {@code tEpoch = 1} a pre, a post and a reward spike of
 * the same timestep pair with each other and with nothing else.
 */
public final class EpochClock {

    private final int tEpoch;
    private int step;
    private long epoch;

    /** A clock for epochs of {@code tEpoch} timesteps. */
    public EpochClock(int tEpoch) {
        if (tEpoch < 1 || tEpoch > LearningConventions.MAX_T_EPOCH) {
            throw new IllegalArgumentException("learning epoch of " + tEpoch + " timesteps, expected 1 .. "
                    + LearningConventions.MAX_T_EPOCH);
        }
        this.tEpoch = tEpoch;
    }

    /** Counts one timestep; true if it closes an epoch (then {@link #epoch()} is that epoch's number). */
    public boolean tick() {
        if (++step == tEpoch) {
            step = 0;
            epoch++;
            return true;
        }
        return false;
    }

    /** The number of epochs closed so far: the number of the last one, from 1 (0 before the first). */
    public long epoch() {
        return epoch;
    }

    /** The epoch length in timesteps. */
    public int tEpoch() {
        return tEpoch;
    }

    /**
     * Whether {@code u_k} holds in epoch {@code epoch}: every {@code 2^k}-th epoch, i.e. when
     * {@code epoch} is a multiple of {@code 2^k} [convention: counted from epoch 1, so u0 holds in every
     * epoch and u1 in epochs 2, 4, 6, ...].
     */
    public static boolean u(int k, long epoch) {
        return (epoch & ((1L << k) - 1)) == 0;
    }
}
