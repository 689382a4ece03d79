package org.synfire.chip.emulator.loihi2;

import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Leaves out the tests of the Loihi-1 conformance kit that state Loihi 1's arithmetic where Lava's differs: each by
 * its method name, with the reason, which the test report shows beside the skipped test.
 */
final class NotOnLoihi2 implements ExecutionCondition {

    private final Map<String, String> reasons;

    private NotOnLoihi2(Map<String, String> reasons) {
        this.reasons = Map.copyOf(reasons);
    }

    /** Skips the test methods named in {@code reasons}, each for its reason. */
    static NotOnLoihi2 skipping(Map<String, String> reasons) {
        return new NotOnLoihi2(reasons);
    }

    /** The methods this condition skips. */
    Map<String, String> reasons() {
        return reasons;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> reasons.get(m.getName()))
                .map(why -> ConditionEvaluationResult.disabled("Loihi-1 only: " + why))
                .orElse(ConditionEvaluationResult.enabled("chip-neutral"));
    }
}
