package org.synfire.chip.api.cost;

/**
 * The static (leakage) power a cost table charges for the time a run takes, beside the dynamic energy of
 * its events: static energy is the power charged times the estimated time. The power charged is {@code watts}
 * for the whole run, or, when {@code coresPerChip} is more than 0, {@code watts} is a chip's and each core in use
 * is charged its share, {@code watts / coresPerChip}.
 *
 * @param watts        static power in W (of the chip when {@code coresPerChip > 0}); 0 when the table has none
 * @param source       where the figure comes from, or why the table has none
 * @param coresPerChip 0: charge {@code watts} whatever the cores in use; more: charge each core in use its share
 */
public record StaticPower(double watts, String source, int coresPerChip) {

    public StaticPower {
        if (!(watts >= 0) || Double.isInfinite(watts)) {
            throw new IllegalArgumentException("static power " + watts + " W: expected 0 or a positive number");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("static power " + watts + " W: expected its source, or why there is none");
        }
        if (coresPerChip < 0) {
            throw new IllegalArgumentException("static power " + watts + " W over " + coresPerChip
                    + " cores per chip: expected 0 (the whole power) or more");
        }
    }

    /** Static power charged whatever the cores in use. */
    public StaticPower(double watts, String source) {
        this(watts, source, 0);
    }

    /** The power charged with {@code cores} cores in use, W. */
    public double watts(int cores) {
        return coresPerChip == 0 ? watts : watts * cores / coresPerChip;
    }

    /** The static energy of {@code seconds} with {@code cores} cores in use. */
    public double joules(double seconds, int cores) {
        return watts(cores) * seconds;
    }

    /** No static power, for {@code reason}. */
    public static StaticPower none(String reason) {
        return new StaticPower(0, reason);
    }

    /** Whether the table charges any. */
    public boolean present() {
        return watts > 0;
    }

    /** The static energy of {@code seconds}, charged as a whole (the share of no core: see {@link #joules(double, int)}). */
    public double joules(double seconds) {
        return watts * seconds;
    }
}
