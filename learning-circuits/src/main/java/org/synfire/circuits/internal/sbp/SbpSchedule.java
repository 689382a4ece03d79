package org.synfire.circuits.internal.sbp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.EpochChange;

/**
 * The annealed step ({@code lr-schedule=halve@E1,E2,...}), the chip circuit's and the functional model's alike: after
 * epoch E the host doubles every matrix and each copy of it (saturating at -256 .. 254) and lowers every matrix's
 * weight exponent by one. The forward pass and the error signs are unchanged (up to the saturated weights); the rule
 * still moves a mantissa by 2, which is now half as much against the threshold.
 */
final class SbpSchedule {

    private SbpSchedule() {
    }

    /** The settings of epoch {@code epoch}: the options with {@code lr-stage} set to the halvings done before it. */
    static CircuitSettings settingsAt(String circuit, CircuitSettings settings, int epoch) {
        SbpOptions options = SbpOptions.of(circuit, settings);
        if (options.halveAfter().isEmpty()) {
            return settings;
        }
        Map<String, String> changed = new LinkedHashMap<>(settings.options());
        changed.put(SbpOptions.LR_STAGE, Integer.toString(options.stage() + options.stageAt(epoch)));
        return new CircuitSettings(settings.parameters(), settings.seed(), settings.threads(), changed);
    }

    /** The halving at the start of epoch {@code epoch}, if the schedule has one there. */
    static Optional<EpochChange> change(String circuit, CircuitSettings settings, int epoch,
            Map<String, int[][]> weights, List<String> matrices) {
        SbpOptions options = SbpOptions.of(circuit, settings);
        int halvings = options.stageAt(epoch) - options.stageAt(epoch - 1);
        if (halvings == 0) {
            return Optional.empty();
        }
        Map<String, int[][]> doubled = new LinkedHashMap<>();
        long saturated = 0;
        String output = SbpWeights.name(settings.layerSizes().length - 1);
        for (Map.Entry<String, int[][]> m : weights.entrySet()) {
            if (options.outputOnly() && !ofMatrix(m.getKey(), output)) {
                doubled.put(m.getKey(), m.getValue());
                continue;
            }
            boolean own = matrices.contains(m.getKey());
            int[][] rows = new int[m.getValue().length][];
            for (int i = 0; i < rows.length; i++) {
                int[] row = m.getValue()[i].clone();
                for (int j = 0; j < row.length; j++) {
                    int w = row[j] << halvings;
                    row[j] = SbpWeights.clamp(w);
                    saturated += own && row[j] != w ? 1 : 0;
                }
                rows[i] = row;
            }
            doubled.put(m.getKey(), rows);
        }
        CircuitSettings next = settingsAt(circuit, settings, epoch);
        SbpOptions now = SbpOptions.of(circuit, next);
        return Optional.of(new EpochChange(next, doubled, saturated, options.outputOnly()
                ? "step of the output matrix halved: it and its copies doubled, its weight exponent lowered by "
                        + halvings + " (to " + now.outputExponent() + ")"
                : "step halved: every matrix doubled, its weight exponent lowered by " + halvings
                        + " (W_1 and the output at " + now.firstExponent() + ")"));
    }

    /** Whether a weights entry is matrix {@code name}, a transposed copy of it or a chip's copy of either. */
    private static boolean ofMatrix(String key, String name) {
        String base = key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
        return base.equals(name) || base.equals(name + "Tp") || base.equals(name + "Tm");
    }
}
