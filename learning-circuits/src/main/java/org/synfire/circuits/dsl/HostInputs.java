package org.synfire.circuits.dsl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The built-in kinds of host input, by the name a description gives them in {@code emits}. */
public final class HostInputs {

    /** Each neuron once, before the first sample (compiled into the network; the host sends nothing). */
    public static final String ONCE = "once";

    private HostInputs() {
    }

    /** Every built-in kind that the host sends each sample. */
    public static Map<String, HostInput> builtIn() {
        Map<String, HostInput> kinds = new LinkedHashMap<>();
        kinds.put("sample-input", (generator, size, neurons) ->
                (chip, input, offset, label) -> chip.injectPattern(generator, input, offset, size));
        kinds.put("sample-target", (generator, size, neurons) -> (chip, input, offset, label) -> {
            if (label < 0 || label >= size) {
                throw new IllegalArgumentException("generator " + generator + ": class " + label
                        + " has no neuron (the generator has " + size + ")");
            }
            chip.inject(generator, label);
        });
        kinds.put("every-sample", (generator, size, neurons) -> (chip, input, offset, label) -> {
            for (int i = 0; i < size; i++) {
                chip.inject(generator, i);
            }
        });
        kinds.put("pattern", HostInputs::pattern);
        return kinds;
    }

    private static HostInput.Emitter pattern(String generator, int size, List<Integer> neurons) {
        if (neurons.isEmpty()) {
            throw new IllegalArgumentException("generator " + generator + ": a pattern needs 'neurons', e.g. [0, 3]");
        }
        int[] list = neurons.stream().mapToInt(Integer::intValue).toArray();
        for (int n : list) {
            if (n < 0 || n >= size) {
                throw new IllegalArgumentException("generator " + generator + ": neuron " + n + " is outside 0 .. "
                        + (size - 1));
            }
        }
        return (chip, input, offset, label) -> {
            for (int n : list) {
                chip.inject(generator, n);
            }
        };
    }
}
