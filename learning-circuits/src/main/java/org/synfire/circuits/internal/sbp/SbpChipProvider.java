package org.synfire.circuits.internal.sbp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.EpochChange;
import org.synfire.circuits.dsl.CircuitDescriptions;
import org.synfire.circuits.dsl.DescribedCircuitProvider;

/**
 * {@code sbp}: the synfire-gated backprop circuit of Renner et al. 2024, trained entirely on a chip, with
 * any number of hidden layers: its description (sbp-training.yaml, sbp-inference.yaml) and {@link SbpModel}.
 */
public final class SbpChipProvider extends DescribedCircuitProvider {

    public static final String ID = "sbp";
    static final CircuitDescriptions.Template TRAINING = CircuitDescriptions.resource(SbpChipProvider.class,
            "/org/synfire/circuits/sbp/sbp-training.yaml");
    static final CircuitDescriptions.Template INFERENCE = CircuitDescriptions.resource(SbpChipProvider.class,
            "/org/synfire/circuits/sbp/sbp-inference.yaml");

    public SbpChipProvider() {
        super(ID, "Synfire-gated backprop (Renner et al. 2024): spiking circuit that learns on the chip (8 N + 4 "
                + "phases for N hidden layers)", TRAINING, Optional.of(INFERENCE), new SbpModel(ID));
    }

    @Override
    public java.util.Map<String, String> optionDefaults() {
        return SbpOptions.DEFAULTS;
    }

    @Override
    public java.util.Map<String, String> optionsOfEarlierRuns() {
        return SbpOptions.EARLIER_RUNS;
    }

    /** Set by the options hidden-exponent, hidden-window and lr-stage, which the functional model reads too. */
    @Override
    protected Set<String> parametersOfOptions() {
        return Set.of(SbpOptions.HIDDEN_EXPONENT_PARAMETER, SbpOptions.HIDDEN_WINDOW_PARAMETER,
                SbpOptions.FIRST_EXPONENT_PARAMETER, SbpOptions.OUTPUT_EXPONENT_PARAMETER);
    }

    /** The settings' parameters, and the weight exponents and hidden window its options set. */
    @Override
    protected Map<String, List<Long>> templateParameters(CircuitSettings settings) {
        Map<String, List<Long>> parameters = new LinkedHashMap<>(super.templateParameters(settings));
        SbpOptions options = SbpOptions.of(ID, settings);
        parameters.put(SbpOptions.HIDDEN_EXPONENT_PARAMETER, List.of((long) options.hiddenExponentNow()));
        parameters.put(SbpOptions.HIDDEN_WINDOW_PARAMETER, List.of((long) options.hiddenWindow()));
        parameters.put(SbpOptions.FIRST_EXPONENT_PARAMETER, List.of((long) options.firstExponent()));
        parameters.put(SbpOptions.OUTPUT_EXPONENT_PARAMETER, List.of((long) options.outputExponent()));
        return parameters;
    }

    /** With {@code lr-schedule}, the halvings done before the epoch ({@link SbpSchedule}). */
    @Override
    public CircuitSettings settingsAt(CircuitSettings settings, int epoch) {
        return SbpSchedule.settingsAt(ID, settings, epoch);
    }

    /** With {@code lr-schedule}, the halving at the start of this epoch ({@link SbpSchedule}). */
    @Override
    public Optional<EpochChange> epochChange(CircuitSettings settings, int epoch, Map<String, int[][]> weights,
            List<String> matrices) {
        return SbpSchedule.change(ID, settings, epoch, weights, matrices);
    }
}
