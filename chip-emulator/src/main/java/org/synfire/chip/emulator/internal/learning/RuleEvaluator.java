package org.synfire.chip.emulator.internal.learning;

import java.util.Arrays;

import org.synfire.chip.model.loihi1.learning.Rule;
import org.synfire.chip.model.loihi1.learning.StateVariable;
import org.synfire.chip.model.loihi1.learning.SynapticVariable;

/**
 * A learning rule compiled for one plastic connection group; {@link #applyEpoch} runs it over the
 * group's synapses at the end of an epoch.
 *
 * <p>Synapse layout: synapse {@code i} connects input axon {@code pre[i]} to compartment
 * {@code post[i]} and holds {@code weight[i]} (the weight mantissa), {@code delay[i]}, {@code tag[i]}.
 * For every synapse whose dependency holds, the three changes are computed from the values before
 * the epoch's update, then applied in the order weight, delay, tag (see {@link #update}); synapses
 * are visited in index order, so the generator's draws have a fixed order.
 */
public final class RuleEvaluator {

    private static final int OPERANDS = StateVariable.values().length;

    private final SynapseFormat format;
    private final CompiledSum dw;
    private final CompiledSum dd;
    private final CompiledSum dt;
    private final boolean useSpikeTables;
    private final boolean dependsOnPre;
    private final boolean dependsOnPost;
    private final int uMask;
    private final boolean[] reads = new boolean[OPERANDS];
    /** Synapses whose rule was evaluated in the epochs so far (for energy and time estimates). */
    private long synapseUpdates;
    private int[] inDegree;
    private boolean[] consecutiveRows;
    // scratch of the learning phase, kept between epochs so that it allocates nothing: an evaluator
    // belongs to one group and runs on one thread at a time
    private final int[] operands = new int[OPERANDS];
    private int[] candidates;
    private int candidateCount;
    private int[] spikedPosts;
    /** The row ranges of the last whole connection given to {@link #applyEpochByRows}, made once. */
    private int[] wholeRowStart;
    private int[] wholeRowFrom;
    private int[] wholeRowTo;
    private final long[][] epochTables = new long[3][8];

    private RuleEvaluator(Rule rule, SynapseFormat format, boolean useSpikeTables) {
        this.format = format;
        this.dw = new CompiledSum(rule.dw());
        this.dd = new CompiledSum(rule.dd());
        this.dt = new CompiledSum(rule.dt());
        this.useSpikeTables = useSpikeTables;
        this.dependsOnPre = dw.dependsOnPre() || dd.dependsOnPre() || dt.dependsOnPre();
        this.dependsOnPost = dw.dependsOnPost() || dd.dependsOnPost() || dt.dependsOnPost();
        this.uMask = dw.uMask() | dd.uMask() | dt.uMask();
        for (StateVariable v : StateVariable.values()) {
            reads[v.ordinal()] = dw.reads(v) || dd.reads(v) || dt.reads(v);
        }
        if (!dt.isEmpty() && format.tagBits() == 0) {
            throw new IllegalArgumentException("learning rule changes the tag (dt) but the group has 0 tag bits;"
                    + " give it 1 .. " + LearningConventions.MAX_TAG_BITS);
        }
    }

    /** Compiles {@code rule} for a group whose synapses have {@code format}. */
    public static RuleEvaluator compile(Rule rule, SynapseFormat format) {
        return new RuleEvaluator(rule, format, true);
    }

    /**
     * As {@link #compile}, on the reference path: given rows, it visits every synapse of them (in index order) and
     * evaluates the rule term by term where a dependency holds; no tables, no event-driven shortcuts.
     */
    public static RuleEvaluator compileReference(Rule rule, SynapseFormat format) {
        return new RuleEvaluator(rule, format, false);
    }

    /** True if the rule reads {@code v} (so the corresponding array or trace must be supplied). */
    public boolean reads(StateVariable v) {
        return reads[v.ordinal()];
    }

    /**
     * The learning phase of one epoch for one group: updates {@code weight}, {@code delay} and
     * {@code tag} in place.
     *
     * @param pre    input axon of each synapse
     * @param post   compartment of each synapse
     * @param weight weight mantissa of each synapse
     * @param delay  delay of each synapse; may be {@code null} if the rule neither reads nor changes it
     * @param tag    tag of each synapse; may be {@code null} if the rule neither reads nor changes it
     * @param in     the epoch's spikes and traces
     * @param random the core's generator, for fractional changes
     */
    public void applyEpoch(int[] pre, int[] post, int[] weight, int[] delay, int[] tag, EpochInputs in,
            LearningRandom random) {
        apply(null, null, pre, post, weight, delay, tag, in, random);
    }

    /**
     * As {@link #applyEpoch}, for synapses stored by presynaptic rows, and event-driven: synapse {@code k}
     * of row {@code i} ({@code rowStart[i] <= k < rowStart[i + 1]}) has {@code pre[k] == i}, and within a
     * row the {@code post} indices increase. It visits only the synapses whose change can be nonzero (if
     * every term that can act in the epoch has the factor x0, only the rows of axons that spiked; likewise
     * y0 and the compartments that spiked), in index order; a synapse left out would have changed nothing
     * and drawn nothing, so the result is that of {@link #applyEpoch}, bit for bit.
     */
    public void applyEpochByRows(int[] rowStart, int[] pre, int[] post, int[] weight, int[] delay, int[] tag,
            EpochInputs in, LearningRandom random) {
        if (rowStart.length == 0 || rowStart[rowStart.length - 1] != weight.length) {
            throw new IllegalArgumentException("plastic group: rows end at synapse "
                    + (rowStart.length == 0 ? "(no rows)" : rowStart[rowStart.length - 1]) + " but there are "
                    + weight.length + " synapses");
        }
        if (rowStart != wholeRowStart) {
            wholeRowStart = rowStart;
            wholeRowFrom = Arrays.copyOf(rowStart, rowStart.length - 1);
            wholeRowTo = Arrays.copyOfRange(rowStart, 1, rowStart.length);
        }
        apply(wholeRowFrom, wholeRowTo, pre, post, weight, delay, tag, in, random);
    }

    /**
     * As {@link #applyEpochByRows}, for the part of a connection that one core holds: the group's synapses of
     * row {@code i} are {@code rowFrom[i] .. rowTo[i] - 1} (a run of the row, post indices increasing); the
     * arrays {@code pre .. tag} are the whole connection's, and only the group's synapses are read or changed.
     */
    public void applyEpochByRowRanges(int[] rowFrom, int[] rowTo, int[] pre, int[] post, int[] weight, int[] delay,
            int[] tag, EpochInputs in, LearningRandom random) {
        if (rowFrom.length != rowTo.length) {
            throw new IllegalArgumentException("plastic group: " + rowFrom.length + " row starts but " + rowTo.length
                    + " row ends");
        }
        apply(rowFrom, rowTo, pre, post, weight, delay, tag, in, random);
    }

    private void apply(int[] rowFrom, int[] rowTo, int[] pre, int[] post, int[] weight, int[] delay, int[] tag,
            EpochInputs in, LearningRandom random) {
        int n = weight.length;
        if (pre.length != n || post.length != n) {
            throw new IllegalArgumentException("plastic group: " + pre.length + " pre, " + post.length + " post and "
                    + n + " weights; expected one of each per synapse");
        }
        require(delay, n, !dd.isEmpty() || reads(StateVariable.D), "delay");
        require(tag, n, !dt.isEmpty() || reads(StateVariable.T), "tag");
        int[] x1 = trace(in.x1(), StateVariable.X1);
        int[] x2 = trace(in.x2(), StateVariable.X2);
        int[] y1 = trace(in.y1(), StateVariable.Y1);
        int[] y2 = trace(in.y2(), StateVariable.Y2);
        int[] y3 = trace(in.y3(), StateVariable.Y3);
        int uBits = uBits(in.epoch());
        boolean everySynapse = (uMask & uBits) != 0;
        int r0 = in.reward() ? 1 : 0;
        long[] preBits = in.preSpikes();
        long[] postBits = in.postSpikes();
        int count = n;
        int[] order = null;
        int required = 0;
        if (rowFrom != null) {
            // the chip evaluates every synapse whose dependency holds, even where the change is zero; the
            // event-driven visit below leaves those out, so they are counted here
            synapseUpdates += dependencyCount(rowFrom, rowTo, post, preBits, postBits, everySynapse);
            if (!dw.active(uBits) && !dd.active(uBits) && !dt.active(uBits)) {
                return; // every term is off in this epoch: nothing changes
            }
            // the reference path requires nothing: every synapse of the rows is visited
            required = useSpikeTables ? dw.requiredSpikes(uBits) & dd.requiredSpikes(uBits) & dt.requiredSpikes(uBits)
                    : 0;
            if ((required & 1) != 0 && !any(preBits) || (required & 2) != 0 && !any(postBits)) {
                return; // every term that can act needs a spike of a side that sent none: nothing changes
            }
        }
        long[] wTable = table(dw, 0, in.rewardTrace(), uBits);
        // the common case (the sBP rule): a table for dw, nothing else to change or read per synapse
        boolean tabulated = wTable != null && dd.isEmpty() && dt.isEmpty();
        if (rowFrom != null) {
            if (required == 3 && !everySynapse && tabulated) {
                // the sBP rule's case: only synapses whose axon and compartment both spiked can change, and by
                // the same amount (their table entry differs only in r0, which is the same for all)
                applyToSpikedPairs(rowFrom, rowTo, post, weight, preBits, postBits, wTable[3 | r0 << 2], random);
                return;
            }
            order = candidates(rowFrom, rowTo, post, preBits, postBits, required);
            count = candidateCount;
        }
        int[] operands = this.operands;
        operands[StateVariable.R0.ordinal()] = r0;
        operands[StateVariable.R1.ordinal()] = in.rewardTrace();
        long[] dTable = table(dd, 1, in.rewardTrace(), uBits);
        long[] tTable = table(dt, 2, in.rewardTrace(), uBits);
        int shift = format.weightShift();
        for (int j = 0; j < count; j++) {
            int i = order == null ? j : order[j];
            int a = pre[i];
            int c = post[i];
            int x0 = (int) (preBits[a >>> 6] >>> a) & 1;
            int y0 = (int) (postBits[c >>> 6] >>> c) & 1;
            if (!everySynapse && !(x0 == 1 && dependsOnPre) && !(y0 == 1 && dependsOnPost)) {
                continue; // no term's dependency holds: the chip does not touch this synapse
            }
            if (order == null) {
                synapseUpdates++;
            }
            int spikes = x0 | y0 << 1 | r0 << 2;
            if (tabulated) {
                long changeW = wTable[spikes];
                if (changeW != 0) {
                    weight[i] = update(weight[i], changeW, shift, format.minWeight(), format.maxWeight(), random);
                }
                continue;
            }
            operands[StateVariable.X0.ordinal()] = x0;
            operands[StateVariable.Y0.ordinal()] = y0;
            operands[StateVariable.X1.ordinal()] = x1 == null ? 0 : x1[a];
            operands[StateVariable.X2.ordinal()] = x2 == null ? 0 : x2[a];
            operands[StateVariable.Y1.ordinal()] = y1 == null ? 0 : y1[c];
            operands[StateVariable.Y2.ordinal()] = y2 == null ? 0 : y2[c];
            operands[StateVariable.Y3.ordinal()] = y3 == null ? 0 : y3[c];
            operands[StateVariable.W.ordinal()] = weight[i];
            operands[StateVariable.D.ordinal()] = delay == null ? 0 : delay[i];
            operands[StateVariable.T.ordinal()] = tag == null ? 0 : tag[i];
            long changeW = wTable != null ? wTable[spikes] : dw.isEmpty() ? 0 : dw.change(operands, uBits);
            long changeD = dTable != null ? dTable[spikes] : dd.isEmpty() ? 0 : dd.change(operands, uBits);
            long changeT = tTable != null ? tTable[spikes] : dt.isEmpty() ? 0 : dt.change(operands, uBits);
            weight[i] = update(weight[i], changeW, shift, format.minWeight(), format.maxWeight(), random);
            if (changeD != 0) {
                delay[i] = update(delay[i], changeD, 0, 0, format.maxDelay(), random);
            }
            if (changeT != 0) {
                tag[i] = update(tag[i], changeT, 0, format.minTag(), format.maxTag(), random);
            }
        }
    }

    /**
     * Whether the dependency of some term can hold for some synapse in epoch {@code epoch}, given whether any
     * input axon ({@code anyPre}) and any compartment ({@code anyPost}) spiked in it. If not, {@link #applyEpoch}
     * would skip every synapse: it would change nothing and draw nothing, so a caller may leave it out.
     */
    public boolean anyDependencyCanHold(boolean anyPre, boolean anyPost, long epoch) {
        return (uMask & uBits(epoch)) != 0 || (anyPre && dependsOnPre) || (anyPost && dependsOnPost);
    }

    /**
     * Synapses of the rows whose dependency holds in the epoch: all of them if a u_k term holds; else those whose
     * axon spiked (for x0-dependent terms) and those whose compartment spiked (y0), each counted once.
     */
    private long dependencyCount(int[] rowFrom, int[] rowTo, int[] post, long[] preBits, long[] postBits,
            boolean all) {
        int rows = rowFrom.length;
        long count = 0;
        if (all) {
            for (int r = 0; r < rows; r++) {
                count += rowTo[r] - rowFrom[r];
            }
            return count;
        }
        // only the set bits are visited: a few spikes among hundreds of sources is the common case
        if (dependsOnPre) {
            for (int r = nextSetBit(preBits, 0, rows); r >= 0; r = nextSetBit(preBits, r + 1, rows)) {
                count += rowTo[r] - rowFrom[r];
            }
        }
        if (dependsOnPost) {
            int[] degree = inDegree(rowFrom, rowTo, post);
            for (int c = nextSetBit(postBits, 0, degree.length); c >= 0; c = nextSetBit(postBits, c + 1, degree.length)) {
                count += degree[c];
            }
            if (dependsOnPre) {
                // synapses whose axon and compartment both spiked were counted twice above
                boolean[] consecutive = consecutiveRows(rowFrom, rowTo, post);
                for (int r = nextSetBit(preBits, 0, rows); r >= 0; r = nextSetBit(preBits, r + 1, rows)) {
                    int from = rowFrom[r];
                    int to = rowTo[r];
                    if (consecutive[r]) {
                        count -= spikedBetween(postBits, post[from], post[to - 1]); // consecutive: count bits
                        continue;
                    }
                    for (int k = from; k < to; k++) {
                        int c = post[k];
                        count -= (int) (postBits[c >>> 6] >>> c) & 1;
                    }
                }
            }
        }
        return count;
    }

    /** Per row: not empty, and its compartments are consecutive ({@code post[k] = post[from] + k - from}); made once. */
    private boolean[] consecutiveRows(int[] rowFrom, int[] rowTo, int[] post) {
        if (consecutiveRows == null) {
            consecutiveRows = new boolean[rowFrom.length];
            for (int r = 0; r < rowFrom.length; r++) {
                boolean runs = rowFrom[r] < rowTo[r];
                for (int k = rowFrom[r] + 1; k < rowTo[r] && runs; k++) {
                    runs = post[k] == post[k - 1] + 1;
                }
                consecutiveRows[r] = runs;
            }
        }
        return consecutiveRows;
    }

    /** The set bits of {@code bits} from {@code lo} to {@code hi}, both included. */
    private static int spikedBetween(long[] bits, int lo, int hi) {
        int first = lo >>> 6;
        int last = hi >>> 6;
        long lowMask = -1L << lo;
        long highMask = -1L >>> (63 - (hi & 63));
        if (first == last) {
            return Long.bitCount(bits[first] & lowMask & highMask);
        }
        int n = Long.bitCount(bits[first] & lowMask) + Long.bitCount(bits[last] & highMask);
        for (int w = first + 1; w < last; w++) {
            n += Long.bitCount(bits[w]);
        }
        return n;
    }

    /** Synapses of the rows per postsynaptic index, made once: the synapse layout of a group never changes. */
    private int[] inDegree(int[] rowFrom, int[] rowTo, int[] post) {
        if (inDegree == null) {
            int size = 0;
            for (int r = 0; r < rowFrom.length; r++) {
                for (int k = rowFrom[r]; k < rowTo[r]; k++) {
                    size = Math.max(size, post[k] + 1);
                }
            }
            inDegree = new int[size];
            for (int r = 0; r < rowFrom.length; r++) {
                for (int k = rowFrom[r]; k < rowTo[r]; k++) {
                    inDegree[post[k]]++;
                }
            }
        }
        return inDegree;
    }

    /**
     * Bit {@code k} set if {@code u_k} holds in epoch {@code epoch} (k = 0 .. 9): {@code epoch} is a multiple of
     * {@code 2^k}, i.e. it has at least {@code k} trailing zero bits ({@link EpochClock#u}).
     */
    static int uBits(long epoch) {
        int zeros = Long.numberOfTrailingZeros(epoch); // 64 for epoch 0, a multiple of everything
        return (1 << (Math.min(zeros, 9) + 1)) - 1;
    }

    private static boolean any(long[] bits) {
        for (long word : bits) {
            if (word != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The eight changes of {@code sum} in this epoch by {@code x0 | y0 << 1 | r0 << 2} (its spike table, or
     * one made for the epoch in scratch {@code slot} if it reads only per-epoch values besides), or
     * {@code null} for the general path.
     */
    private long[] table(CompiledSum sum, int slot, int r1, int uBits) {
        if (!useSpikeTables) {
            return null;
        }
        if (sum.spikeTable() != null) {
            return sum.spikeTable();
        }
        if (!sum.epochTabulable()) {
            return null;
        }
        sum.tabulate(r1, uBits, epochTables[slot]);
        return epochTables[slot];
    }

    /**
     * The synapses of the rows whose change can be nonzero, in increasing index order, into {@link #candidates}
     * (their number into {@link #candidateCount}).
     *
     * @param required bit 0: only synapses whose axon spiked; bit 1: only those whose compartment spiked
     */
    private int[] candidates(int[] rowFrom, int[] rowTo, int[] post, long[] preBits, long[] postBits,
            int required) {
        int rows = rowFrom.length;
        int columns = 0;
        if ((required & 2) != 0) {
            spikedPosts = grow(spikedPosts, postBits.length * 64);
            columns = setBits(postBits, spikedPosts);
        }
        candidates = grow(candidates, post.length);
        int n = 0;
        int row = 0;
        while (row < rows) {
            int i;
            if ((required & 1) != 0) {
                i = nextSetBit(preBits, row, rows);
                if (i < 0) {
                    break;
                }
            } else {
                i = row;
            }
            row = i + 1;
            int from = rowFrom[i];
            int to = rowTo[i];
            if ((required & 2) == 0) {
                for (int k = from; k < to; k++) {
                    candidates[n++] = k;
                }
                continue;
            }
            for (int q = 0; q < columns; q++) {
                int c = spikedPosts[q];
                for (int k = firstOf(post, from, to, c); k < to && post[k] == c; k++) {
                    candidates[n++] = k;
                }
            }
        }
        candidateCount = n;
        return candidates;
    }

    /**
     * Adds {@code change} to the weight of every synapse of the rows whose axon and compartment both spiked, in
     * index order (the order {@link #candidates} gives, so any draws come in the same order).
     */
    private void applyToSpikedPairs(int[] rowFrom, int[] rowTo, int[] post, int[] weight, long[] preBits,
            long[] postBits, long change, LearningRandom random) {
        if (change == 0) {
            return;
        }
        spikedPosts = grow(spikedPosts, postBits.length * 64);
        int columns = setBits(postBits, spikedPosts);
        int shift = format.weightShift();
        int min = format.minWeight();
        int max = format.maxWeight();
        // a whole change (the sBP rule's +-2) is added and saturated without rounding, and draws nothing
        boolean whole = (change & ((1L << LearningConventions.FRACTION_BITS) - 1)) == 0;
        int delta = Math.clamp(change >> LearningConventions.FRACTION_BITS, Integer.MIN_VALUE / 2,
                Integer.MAX_VALUE / 2);
        boolean[] consecutive = consecutiveRows(rowFrom, rowTo, post);
        int rows = rowFrom.length;
        for (int i = nextSetBit(preBits, 0, rows); i >= 0; i = nextSetBit(preBits, i + 1, rows)) {
            int from = rowFrom[i];
            int to = rowTo[i];
            if (consecutive[i] && whole) {
                // compartment c of a consecutive row is synapse from + (c - post[from])
                int first = post[from];
                int last = post[to - 1];
                int offset = from - first;
                for (int q = 0; q < columns; q++) {
                    int c = spikedPosts[q];
                    if (c >= first && c <= last) {
                        int k = offset + c;
                        weight[k] = (Math.clamp((long) weight[k] + delta, min, max) >> shift) << shift;
                    }
                }
                continue;
            }
            for (int q = 0; q < columns; q++) {
                int c = spikedPosts[q];
                for (int k = firstOf(post, from, to, c); k < to && post[k] == c; k++) {
                    weight[k] = update(weight[k], change, shift, min, max, random);
                }
            }
        }
    }

    /** The first index in {@code from .. to - 1} whose post is {@code c} or more ({@code post} increases there). */
    private static int firstOf(int[] post, int from, int to, int c) {
        if (from >= to) {
            return to;
        }
        int k = from + c - post[from];
        if (k >= from && k < to && post[k] == c && (k == from || post[k - 1] < c)) {
            return k; // a run of consecutive compartments holds c at from + (c - post[from])
        }
        return firstAtLeast(post, from, to, c);
    }

    /** The first index in {@code from .. to - 1} whose post is {@code c} or more, else {@code to} (binary search). */
    public static int firstAtLeast(int[] post, int from, int to, int c) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (post[mid] < c) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Writes the indices of the set bits of {@code bits}, increasing, into {@code into}; returns how many. */
    private static int setBits(long[] bits, int[] into) {
        int n = 0;
        for (int w = 0; w < bits.length; w++) {
            for (long word = bits[w]; word != 0; word &= word - 1) {
                into[n++] = (w << 6) + Long.numberOfTrailingZeros(word);
            }
        }
        return n;
    }

    /** The first set bit at or after {@code from} and below {@code end}, or -1. */
    private static int nextSetBit(long[] bits, int from, int end) {
        int w = from >>> 6;
        if (w >= bits.length) {
            return -1;
        }
        long word = bits[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(word);
                return i < end ? i : -1;
            }
            if (++w >= bits.length) {
                return -1;
            }
            word = bits[w];
        }
    }

    private static int[] grow(int[] array, int size) {
        return array != null && array.length >= size ? array : new int[size];
    }

    /**
     * Adds a fixed-point change to a variable, rounds and saturates it (see
     * {@link LearningConventions}): {@code v' = ((clamp(round(v * 2^7 + change) / 2^7, min, max)) >> shift) << shift},
     * where {@code round} keeps the whole part and, under stochastic rounding, adds 1 if a 7-bit draw is
     * below the 7-bit fraction. A change of 0 leaves the variable alone and draws nothing.
     *
     * @param value  the variable
     * @param change the change in units of {@code 2^-FRACTION_BITS}
     * @param shift  the precision: the result is a multiple of {@code 2^shift}
     * @param min    the smallest value (a multiple of {@code 2^shift})
     * @param max    the largest value (a multiple of {@code 2^shift})
     */
    static int update(int value, long change, int shift, int min, int max, LearningRandom random) {
        if (change == 0) {
            return value;
        }
        long fixed = ((long) value << LearningConventions.FRACTION_BITS) + change;
        long whole = fixed >> LearningConventions.FRACTION_BITS;
        int fraction = (int) (fixed & ((1L << LearningConventions.FRACTION_BITS) - 1));
        if (fraction != 0 && LearningConventions.FRACTION_ROUNDING == LearningConventions.FractionRounding.STOCHASTIC
                && random.nextBelow(1 << LearningConventions.FRACTION_BITS) < fraction) {
            whole++;
        }
        int clamped = Math.clamp(whole, min, max);
        return (clamped >> shift) << shift;
    }

    private int[] trace(int[] values, StateVariable v) {
        if (values == null && reads(v)) {
            throw new IllegalArgumentException("learning rule reads " + v.symbol() + " but the epoch inputs have no "
                    + v.symbol() + " trace");
        }
        return values;
    }

    private static void require(int[] values, int n, boolean needed, String what) {
        if (needed && values == null) {
            throw new IllegalArgumentException("learning rule reads or changes the " + what + " but the group has no "
                    + what + " array");
        }
        if (values != null && values.length != n) {
            throw new IllegalArgumentException("plastic group: " + values.length + " " + what + " values for " + n
                    + " synapses");
        }
    }

    /** Synapses whose rule was evaluated so far (one per synapse and epoch whose dependency held). */
    public long synapseUpdates() {
        return synapseUpdates;
    }

    /** The synaptic variables the rule changes. */
    public boolean changes(SynapticVariable v) {
        return switch (v) {
            case WEIGHT -> !dw.isEmpty();
            case DELAY -> !dd.isEmpty();
            case TAG -> !dt.isEmpty();
        };
    }
}
