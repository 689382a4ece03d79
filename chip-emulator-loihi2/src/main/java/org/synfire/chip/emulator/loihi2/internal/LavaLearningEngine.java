package org.synfire.chip.emulator.loihi2.internal;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.synfire.chip.api.network.SignMode;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Factor;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Operand;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Product;
import org.synfire.chip.emulator.loihi2.internal.LavaRule.Trace;

/**
 * The learning of one plastic connection as Lava's {@code LearningConnectionModelBitApproximate} does it (lava-nc/lava
 * v0.10.0, {@code src/lava/magma/core/model/py/connection.py}, with {@code PyLearningDenseModelBitApproximate} of
 * {@code src/lava/proc/dense/models.py} and a two-factor rule, {@code Loihi2FLearningRule}).
 *
 * <p>Spiking phase, every timestep: a pre or post spike records its time within the epoch ({@code tx}, {@code ty},
 * 1 .. tEpoch); a second spike of the same neuron in the epoch adds the impulses to its traces at once (x traces with
 * random 0, y traces with the y impulse random), as Lava does. Learning phase, after the spiking phase of the epoch's
 * last timestep: the random numbers advance; each trace's history over the epoch is rebuilt from its value at the
 * epoch's start (one decay per timestep, the impulse at the recorded spike time); the traces take the history's last
 * value; each synapse's {@code dw} and {@code dt} are accumulated from the old weight and tag (shifted left by 7),
 * product by product, with factors read at the dependency's time ({@code x0}: the pre spike, {@code y0}: the post
 * spike, {@code u}: the epoch's end); the accumulator is rounded back stochastically and clipped; the spike times
 * are cleared.
 *
 * <p>The reward trace {@code r1} and the reward flag {@code r0} (ext) are one more post-like neuron shared by all
 * synapses, driven by the reinforcement channel, with the y traces' arithmetic and its own random numbers.
 *
 * <p>Random numbers (ours, not Lava's: Lava's numpy generators cannot be matched) come from one
 * {@link SplittableRandom} per connection, seeded from the run's seed. Like Lava, the engine holds one current number
 * per use and advances them all at the start of each learning phase, in this order: x decay, x impulse, y decay,
 * y impulse, r decay, r impulse, weight rounding. A result equals Lava's exactly wherever no rounding has a fraction.
 */
final class LavaLearningEngine {

    private static final int[] NONE = new int[0];
    private static final Operand[] OPERANDS = Operand.values();
    static final int G_X0 = 1;
    static final int G_Y0 = 2;
    static final int G_R0 = 4;
    static final int G_U = 8;

    private final int tEpoch;
    private final int decimateExponent;
    private final int preSize;
    private final int postSize;
    private final int[] synPre;
    private final int[] synPost;
    /** The connection's weights in mask order, learned in place (the simulation's stored weights). */
    private final int[] weights;
    private final int[] tags;
    private final SignMode mode;
    // traces: x[k][pre], y[k][post], r1; their settings
    private final Trace[] xTrace;
    private final Trace[] yTrace;
    private final Trace rTrace;
    private final int[][] x;
    private final int[][] y;
    private int r1;
    // the epoch's history: xHist[k][s * preSize + i], s = 0 .. tEpoch
    private final int[][] xHist;
    private final int[][] yHist;
    private final int[] rHist;
    private final boolean[] xUsed = new boolean[2];
    private final boolean[] yUsed = new boolean[3];
    private final boolean rUsed;
    // spike times within the epoch, 0: no spike
    private final int[] tx;
    private final int[] ty;
    private int tr;
    // compiled products: per product its dependency, mantissa, exponent, factor widths and factors
    private final int[][] dwCode;
    private final int[][] dtCode;
    /**
     * Per product of dw and dt, the gates it needs ({@link #G_X0} | {@link #G_Y0} | {@link #G_R0} | {@link #G_U}):
     * its dependency and its plain x0, y0, r0 factors. A synapse whose gates meet no product's is left as it is,
     * exactly (its accumulator holds the old value, which rounds back to itself).
     */
    private final int[] productGates;
    /** Synapses by pre neuron (CSR), if every product needs x0; else by post neuron if every one needs y0. */
    private final int[] listStart;
    private final int[] listSynapse;
    private final boolean byPre;
    // the neurons that spiked in the epoch, each once
    private final int[] preSpiked;
    private int preSpikedCount;
    private final int[] postSpiked;
    private int postSpikedCount;
    /** The synapses whose weight changed in the last learning phase. */
    final int[] changed;
    int changedCount;
    private final SplittableRandom random;
    private double xDecayRandom;
    private int xImpulseRandom;
    private double yDecayRandom;
    private int yImpulseRandom;
    private double rDecayRandom;
    private int rImpulseRandom;
    private double weightRandom;
    /** Per post neuron, the synapses into it whose rule was evaluated (the activity counts, by core). */
    final long[] updatesPerPost;

    /**
     * @param rule     the rule in Lava's form
     * @param preSize  neurons on the pre side
     * @param postSize neurons on the post side
     * @param synPre   per synapse (mask order), its pre neuron
     * @param synPost  per synapse, its post neuron
     * @param weights  per synapse, its stored weight; learned in place
     * @param tags     per synapse, its tag; learned in place
     * @param mode     the connection's sign mode
     * @param random   this connection's generator
     */
    LavaLearningEngine(LavaRule rule, int preSize, int postSize, int[] synPre, int[] synPost, int[] weights,
            int[] tags, SignMode mode, SplittableRandom random) {
        this.tEpoch = rule.tEpoch();
        this.decimateExponent = rule.decimateExponent();
        this.preSize = preSize;
        this.postSize = postSize;
        this.synPre = synPre;
        this.synPost = synPost;
        this.weights = weights;
        this.tags = tags;
        this.mode = mode;
        this.xTrace = new Trace[] {rule.x1(), rule.x2()};
        this.yTrace = new Trace[] {rule.y1(), rule.y2(), rule.y3()};
        this.rTrace = rule.r1();
        boolean reward = false;
        for (List<Product> sum : List.of(rule.dw(), rule.dt())) {
            for (Product p : sum) {
                for (Factor f : p.factors()) {
                    switch (f.operand()) {
                        case X1 -> xUsed[0] = true;
                        case X2 -> xUsed[1] = true;
                        case Y1 -> yUsed[0] = true;
                        case Y2 -> yUsed[1] = true;
                        case Y3 -> yUsed[2] = true;
                        case R1 -> reward = true;
                        default -> {
                            // not a trace
                        }
                    }
                }
            }
        }
        this.rUsed = reward;
        // traces no product reads are not kept: nothing else depends on them
        this.x = new int[2][];
        this.xHist = new int[2][];
        for (int k = 0; k < 2; k++) {
            x[k] = xUsed[k] ? new int[preSize] : NONE;
            xHist[k] = xUsed[k] ? new int[(tEpoch + 1) * preSize] : NONE;
        }
        this.y = new int[3][];
        this.yHist = new int[3][];
        for (int k = 0; k < 3; k++) {
            y[k] = yUsed[k] ? new int[postSize] : NONE;
            yHist[k] = yUsed[k] ? new int[(tEpoch + 1) * postSize] : NONE;
        }
        this.rHist = new int[tEpoch + 1];
        this.updatesPerPost = new long[postSize];
        this.tx = new int[preSize];
        this.ty = new int[postSize];
        this.dwCode = compile(rule.dw());
        this.dtCode = compile(rule.dt());
        this.productGates = gates(rule);
        int all = ~0;
        for (int g : productGates) {
            all &= g;
        }
        this.preSpiked = new int[preSize];
        this.postSpiked = new int[postSize];
        this.changed = new int[synPre.length];
        if ((all & (G_X0 | G_Y0)) != 0) {
            // every product needs a spike of one side: the phase visits only the synapses of the neurons that spiked
            byPre = (all & G_X0) != 0;
            int[] owner = byPre ? synPre : synPost;
            listStart = new int[(byPre ? preSize : postSize) + 1];
            for (int o : owner) {
                listStart[o + 1]++;
            }
            for (int k = 0; k + 1 < listStart.length; k++) {
                listStart[k + 1] += listStart[k];
            }
            listSynapse = new int[owner.length];
            int[] fill = Arrays.copyOf(listStart, listStart.length - 1);
            for (int q = 0; q < owner.length; q++) {
                listSynapse[fill[owner[q]]++] = q;
            }
        } else {
            byPre = false;
            listStart = null;
            listSynapse = null;
        }
        this.random = random;
        advance(); // Lava draws each generator's first number when it is made
    }

    /** The gates each product of dw, then of dt, needs. */
    private static int[] gates(LavaRule rule) {
        List<Product> products = new java.util.ArrayList<>(rule.dw());
        products.addAll(rule.dt());
        int[] gates = new int[products.size()];
        for (int p = 0; p < gates.length; p++) {
            Product product = products.get(p);
            int g = switch (product.dependency()) {
                case X0 -> G_X0;
                case Y0 -> G_Y0;
                case U -> G_U;
            };
            for (Factor f : product.factors()) {
                if (f.constant() == 0 && !f.sign()) {
                    g |= switch (f.operand()) {
                        case X0 -> G_X0;
                        case Y0 -> G_Y0;
                        case R0 -> G_R0;
                        default -> 0;
                    };
                }
            }
            gates[p] = g;
        }
        return gates;
    }

    /**
     * Code of one product: dependency, mantissa, exponent, sum of factor widths, then per factor its operand, constant
     * and sign flag.
     */
    private static int[][] compile(List<Product> sum) {
        int[][] code = new int[sum.size()][];
        for (int p = 0; p < code.length; p++) {
            Product product = sum.get(p);
            List<Factor> factors = product.factors();
            int[] c = new int[4 + 3 * factors.size()];
            c[0] = product.dependency().ordinal();
            c[1] = product.mantissa();
            c[2] = product.exponent();
            int widths = 0;
            for (int f = 0; f < factors.size(); f++) {
                Factor factor = factors.get(f);
                widths += factor.operand().width();
                c[4 + 3 * f] = factor.operand().ordinal();
                c[5 + 3 * f] = factor.constant();
                c[6 + 3 * f] = factor.sign() ? 1 : 0;
            }
            c[3] = widths;
            code[p] = c;
        }
        return code;
    }

    /** The within-epoch index of timestep {@code t}, 1 .. tEpoch (Lava's time_step is {@code t + 1}). */
    int withinEpoch(int t) {
        return t % tEpoch + 1;
    }

    /** True if timestep {@code t} ends an epoch: Lava's {@code lrn_guard}, {@code time_step % t_epoch == 0}. */
    boolean endsEpoch(int t) {
        return (t + 1) % tEpoch == 0;
    }

    /** A spike of pre neuron {@code i} in timestep {@code t}. */
    void preSpike(int i, int t) {
        if (tx[i] == 0) {
            preSpiked[preSpikedCount++] = i;
        } else {
            // Lava adds a repeated spike's impulse to x1 and x2 with random number 0
            for (int k = 0; k < 2; k++) {
                if (xUsed[k]) {
                    x[k][i] = LavaLearning.addImpulse(x[k][i], xTrace[k].impulse(), xTrace[k].fraction(), 0);
                }
            }
        }
        tx[i] = withinEpoch(t);
    }

    /** A spike of post neuron {@code j} in timestep {@code t}. */
    void postSpike(int j, int t) {
        if (ty[j] == 0) {
            postSpiked[postSpikedCount++] = j;
        } else {
            for (int k = 0; k < 3; k++) {
                if (yUsed[k]) {
                    y[k][j] = LavaLearning.addImpulse(y[k][j], yTrace[k].impulse(), yTrace[k].fraction(),
                            yImpulseRandom);
                }
            }
        }
        ty[j] = withinEpoch(t);
    }

    /** ext: a spike of the reinforcement channel in timestep {@code t}, handled as a post spike of its own neuron. */
    void rewardSpike(int t) {
        if (tr > 0 && rUsed) {
            r1 = LavaLearning.addImpulse(r1, rTrace.impulse(), rTrace.fraction(), rImpulseRandom);
        }
        tr = withinEpoch(t);
    }

    private void advance() {
        xDecayRandom = random.nextDouble();
        xImpulseRandom = random.nextInt(1 << LavaLearning.W_TRACE);
        yDecayRandom = random.nextDouble();
        yImpulseRandom = random.nextInt(1 << LavaLearning.W_TRACE);
        rDecayRandom = random.nextDouble();
        rImpulseRandom = random.nextInt(1 << LavaLearning.W_TRACE);
        weightRandom = random.nextDouble();
    }

    /**
     * The learning phase of the epoch that timestep {@code t} ends; the weights and tags change in place, and
     * {@link #changed} lists the synapses whose weight changed.
     *
     * @return true if a weight changed
     */
    boolean learn(int t) {
        advance();
        for (int k = 0; k < 2; k++) {
            if (xUsed[k]) {
                history(x[k], xHist[k], preSize, tx, xTrace[k], xDecayRandom, xImpulseRandom);
            }
        }
        for (int k = 0; k < 3; k++) {
            if (yUsed[k]) {
                history(y[k], yHist[k], postSize, ty, yTrace[k], yDecayRandom, yImpulseRandom);
            }
        }
        if (rUsed) {
            rHist[0] = r1;
            for (int s = 1; s <= tEpoch; s++) {
                int v = LavaLearning.decay(rHist[s - 1], rTrace.tau(), rDecayRandom);
                rHist[s] = s == tr
                        ? LavaLearning.addImpulse(v, rTrace.impulse(), rTrace.fraction(), rImpulseRandom)
                        : v;
            }
            r1 = rHist[tEpoch];
        }
        // Lava's u: 1 in the epochs whose number (time_step / t_epoch) is a multiple of 2^k
        int u = decimateExponent >= 0 && ((t + 1) / tEpoch) % (1 << decimateExponent) == 0 ? 1 : 0;
        int shared = (tr > 0 ? G_R0 : 0) | (u != 0 ? G_U : 0);
        changedCount = 0;
        if (listStart == null) {
            for (int q = 0; q < synPre.length; q++) {
                update(q, shared, u);
            }
        } else {
            int[] spiked = byPre ? preSpiked : postSpiked;
            int count = byPre ? preSpikedCount : postSpikedCount;
            for (int k = 0; k < count; k++) {
                int o = spiked[k];
                for (int s = listStart[o]; s < listStart[o + 1]; s++) {
                    update(listSynapse[s], shared, u);
                }
            }
        }
        // clear the spike times of the neurons that spiked (the others are 0 already)
        for (int k = 0; k < preSpikedCount; k++) {
            tx[preSpiked[k]] = 0;
        }
        for (int k = 0; k < postSpikedCount; k++) {
            ty[postSpiked[k]] = 0;
        }
        preSpikedCount = 0;
        postSpikedCount = 0;
        tr = 0;
        return changedCount > 0;
    }

    /** The learning of synapse {@code q}, if its gates meet some product's; {@code shared}: the r0 and u gates. */
    private void update(int q, int shared, int u) {
        int i = synPre[q];
        int j = synPost[q];
        int gates = shared | (tx[i] > 0 ? G_X0 : 0) | (ty[j] > 0 ? G_Y0 : 0);
        boolean any = false;
        for (int g : productGates) {
            if ((gates & g) == g) {
                any = true;
                break;
            }
        }
        if (!any) {
            return; // every product is 0: the accumulator holds the old value, which rounds back to itself
        }
        updatesPerPost[j]++;
        int w = weights[q];
        int tag = tags[q];
        if (dwCode.length > 0) {
            int acc = accumulate(dwCode, w << LavaLearning.VARIABLE_SHIFT, i, j, u, w, tag);
            acc = LavaLearning.saturateWeightAccumulator(acc, mode);
            int learned = LavaLearning.clipWeight(LavaLearning.roundToVariable(acc, weightRandom), mode);
            if (learned != w) {
                weights[q] = learned;
                changed[changedCount++] = q;
            }
        }
        if (dtCode.length > 0) {
            // Lava's dt reads the weights from before this learning phase, as dw reads the tags
            int acc = accumulate(dtCode, tag << LavaLearning.VARIABLE_SHIFT, i, j, u, w, tag);
            tags[q] = LavaLearning.clipTag(LavaLearning.roundToVariable(acc, weightRandom));
        }
    }

    /**
     * For tests: the state a learning phase reads, as if its spiking phase and histories had produced it. {@code x}
     * and {@code y} are the histories of x1, x2 and y1, y2, y3 ({@code [s * size + neuron]}, null to leave one).
     */
    void load(int[] preTimes, int[] postTimes, int[][] xHistories, int[][] yHistories) {
        System.arraycopy(preTimes, 0, tx, 0, preSize);
        System.arraycopy(postTimes, 0, ty, 0, postSize);
        for (int k = 0; k < 2; k++) {
            if (xHistories[k] != null) {
                System.arraycopy(xHistories[k], 0, xHist[k], 0, xHist[k].length);
            }
        }
        for (int k = 0; k < 3; k++) {
            if (yHistories[k] != null) {
                System.arraycopy(yHistories[k], 0, yHist[k], 0, yHist[k].length);
            }
        }
    }

    /** For tests: synapse {@code q}'s weight accumulator after every dw product, from {@code acc}, with {@code u}. */
    int accumulateWeight(int q, int acc, int u) {
        return accumulate(dwCode, acc, synPre[q], synPost[q], u, weights[q], tags[q]);
    }

    /** One trace's history over the epoch, from its value at the start; the trace takes the last value. */
    private void history(int[] trace, int[] hist, int n, int[] spikeTime, Trace settings, double decayRandom,
            int impulseRandom) {
        System.arraycopy(trace, 0, hist, 0, n);
        for (int s = 1; s <= tEpoch; s++) {
            int from = (s - 1) * n;
            int to = s * n;
            for (int i = 0; i < n; i++) {
                int v = LavaLearning.decay(hist[from + i], settings.tau(), decayRandom);
                hist[to + i] = spikeTime[i] == s
                        ? LavaLearning.addImpulse(v, settings.impulse(), settings.fraction(), impulseRandom)
                        : v;
            }
        }
        System.arraycopy(hist, tEpoch * n, trace, 0, n);
    }

    /** The accumulator of one synapse after every product of {@code code}, from {@code acc}. */
    private int accumulate(int[][] code, int acc, int i, int j, int u, int w, int tag) {
        for (int[] c : code) {
            int time;
            int dep;
            switch (c[0]) {
                case 0 -> { // x0
                    time = tx[i];
                    dep = time > 0 ? 1 : 0;
                }
                case 1 -> { // y0
                    time = ty[j];
                    dep = time > 0 ? 1 : 0;
                }
                default -> { // u
                    time = tEpoch;
                    dep = u;
                }
            }
            if (dep == 0) {
                continue; // Lava multiplies by 0: the product adds 0
            }
            int mac = 1;
            for (int f = 4; f < c.length; f += 3) {
                int value = operand(c[f], time, i, j, w, tag) + c[f + 1];
                if (c[f + 2] != 0) {
                    value = Integer.signum(value);
                }
                mac *= LavaLearning.clipFactor(value, OPERANDS[c[f]].width());
            }
            mac *= c[1];
            acc = LavaLearning.clipAccumulator((long) acc + LavaLearning.scaleProduct(mac, c[3], c[2]));
        }
        return acc;
    }

    /** The value an operand reads for synapse (i, j) at within-epoch time {@code time} (0: the epoch's start). */
    private int operand(int operand, int time, int i, int j, int w, int tag) {
        return switch (OPERANDS[operand]) {
            case X0 -> tx[i] > 0 ? 1 : 0;
            case Y0 -> ty[j] > 0 ? 1 : 0;
            case X1 -> xHist[0][time * preSize + i];
            case X2 -> xHist[1][time * preSize + i];
            case Y1 -> yHist[0][time * postSize + j];
            case Y2 -> yHist[1][time * postSize + j];
            case Y3 -> yHist[2][time * postSize + j];
            case W -> w;
            case T -> tag;
            case C -> 0;
            case R0 -> tr > 0 ? 1 : 0;
            case R1 -> rHist[time];
        };
    }
}
