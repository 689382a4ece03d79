package org.synfire.chip.emulator.ideal;

import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Leaves out the tests of the Loihi-1 conformance kit that state the chip's finite arithmetic (rounding, wrap,
 * saturation, truncation, stochastic rounding), which the ideal machine does not have: each by its method name, with
 * the reason, which the test report shows beside the skipped test.
 */
final class NotOnIdeal implements ExecutionCondition {

    private final Map<String, String> reasons;

    private NotOnIdeal(Map<String, String> reasons) {
        this.reasons = Map.copyOf(reasons);
    }

    /** Skips the test methods named in {@code reasons}, each for its reason. */
    static NotOnIdeal skipping(Map<String, String> reasons) {
        return new NotOnIdeal(reasons);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> reasons.get(m.getName()))
                .map(why -> ConditionEvaluationResult.disabled("Loihi-1 arithmetic only: " + why))
                .orElse(ConditionEvaluationResult.enabled("holds on the ideal machine too"));
    }
}
