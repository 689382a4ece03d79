package org.synfire.circuits.internal.sbp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.EpochChange;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;

/** {@code sbp-functional}: the sBP circuit's computation without spikes, integer for integer. */
public final class SbpFunctionalProvider implements CircuitProvider {

    public static final String ID = "sbp-functional";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Functional model of the sBP circuit: the same integer learning without spikes (oracle and baseline)";
    }

    @Override
    public boolean needsBackend() {
        return false;
    }

    @Override
    public java.util.Map<String, String> optionDefaults() {
        return SbpOptions.DEFAULTS;
    }

    @Override
    public java.util.Map<String, String> optionsOfEarlierRuns() {
        return SbpOptions.EARLIER_RUNS;
    }

    @Override
    public TrainingSession open(CircuitSettings settings, ChipBackend backend) {
        SbpOptions options = SbpOptions.of(ID, settings);
        int layers = settings.layerSizes().length;
        return new SbpFunctionalSession(SbpInitialWeights.draw(ID, settings), options.shifts(layers),
                options.windows(layers));
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
