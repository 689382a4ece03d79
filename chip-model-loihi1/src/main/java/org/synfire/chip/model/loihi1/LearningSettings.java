package org.synfire.chip.model.loihi1;

import org.synfire.chip.api.network.Check;
import org.synfire.chip.api.network.ConnectionGroup;
import org.synfire.chip.api.network.LearningRule;

import java.util.Objects;
import java.util.Optional;

/**
 * Loihi 1's rule dialect, {@value #DIALECT}: the learning rule of a plastic connection and the settings of its
 * learning engine. The rule is kept as NxSDK text (e.g. {@code dw = y0*x0*r1*4 - y0*x0*2}); the learning engine
 * parses and checks it ({@link org.synfire.chip.model.loihi1.learning.RuleParser}).
 *
 * @param rule          the rule text, one line per synaptic variable ({@code dw}, {@code dd}, {@code dt})
 * @param tEpoch        learning epoch in timesteps, 1 .. 63
 * @param rewardChannel the reinforcement channel that drives {@code r0}/{@code r1}, if the rule uses one
 * @param x1            presynaptic trace 1
 * @param x2            presynaptic trace 2
 * @param y1            postsynaptic trace 1
 * @param y2            postsynaptic trace 2
 * @param y3            postsynaptic trace 3
 * @param r1            reward trace
 */
public record LearningSettings(String rule, int tEpoch, Optional<String> rewardChannel, TraceSettings x1,
        TraceSettings x2, TraceSettings y1, TraceSettings y2, TraceSettings y3, TraceSettings r1)
        implements LearningRule {

    /** The dialect's name, as backends' capabilities list it. */
    public static final String DIALECT = "nxsdk";

    public static final int MAX_T_EPOCH = 63;

    public LearningSettings {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("learning settings: rule text is empty; expected e.g. 'dw = y0*x0*2'");
        }
        Check.range("learning settings", "tEpoch", tEpoch, 1, MAX_T_EPOCH);
        Objects.requireNonNull(rewardChannel, "learning settings: rewardChannel");
        Objects.requireNonNull(x1, "learning settings: x1");
        Objects.requireNonNull(x2, "learning settings: x2");
        Objects.requireNonNull(y1, "learning settings: y1");
        Objects.requireNonNull(y2, "learning settings: y2");
        Objects.requireNonNull(y3, "learning settings: y3");
        Objects.requireNonNull(r1, "learning settings: r1");
    }

    /** A rule with the given epoch, no reward channel and no traces. */
    public static LearningSettings of(String rule, int tEpoch) {
        return new LearningSettings(rule, tEpoch, Optional.empty(), TraceSettings.NONE, TraceSettings.NONE,
                TraceSettings.NONE, TraceSettings.NONE, TraceSettings.NONE, TraceSettings.NONE);
    }

    /** These settings with a reward channel and reward trace. */
    public LearningSettings withReward(String channel, TraceSettings rewardTrace) {
        return new LearningSettings(rule, tEpoch, Optional.of(channel), x1, x2, y1, y2, y3, rewardTrace);
    }

    @Override
    public String dialect() {
        return DIALECT;
    }

    /**
     * The NxSDK settings of plastic connection {@code connection}.
     *
     * @param reader who reads them, for the message, e.g. {@code backend loihi1}
     * @throws IllegalArgumentException if its rule is of another dialect, naming the reader
     * @throws java.util.NoSuchElementException if the connection is not plastic
     */
    public static LearningSettings of(ConnectionGroup connection, String reader) {
        LearningRule rule = connection.learning().orElseThrow();
        if (rule instanceof LearningSettings s) {
            return s;
        }
        throw new IllegalArgumentException(reader + ": rule dialect " + rule.dialect() + " is not supported "
                + "(connection " + connection.name() + "); it takes " + DIALECT);
    }
}
