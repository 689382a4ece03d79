package org.synfire.chip.api.spi;

import java.util.Set;

import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.TrainingSession;

/**
 * Extension point for learning circuits: a circuit that trains and evaluates a network, either on a
 * chip backend or as a functional model that needs none.
 */
public interface CircuitProvider extends Extension {

    /** The {@link #model()} of a circuit that runs on a chip backend. */
    String CHIP = "chip";
    /** The {@link #model()} that computes what the chip circuit computes, integer for integer, without spikes. */
    String FUNCTIONAL = "functional";

    /** Whether {@link #open} needs a chip backend. */
    boolean needsBackend();

    /**
     * Opens a training session with fresh weights drawn from the settings' seed.
     *
     * @param backend the chip backend to run on; ignored (may be null) when {@link #needsBackend()} is false
     */
    TrainingSession open(CircuitSettings settings, ChipBackend backend);

    /**
     * The names of the {@link CircuitSettings#parameters() parameters} this circuit reads; the command line
     * shows only these (a circuit without hidden layers is not said to have any). By default the layered
     * network's {@link CircuitSettings#INPUTS}, {@link CircuitSettings#HIDDEN} and {@link CircuitSettings#OUTPUTS}.
     */
    default Set<String> parameters() {
        return Set.of(CircuitSettings.INPUTS, CircuitSettings.HIDDEN, CircuitSettings.OUTPUTS);
    }

    /**
     * Refuses a number of hidden layers the circuit cannot be built with, before anything of that depth is made:
     * the command line asks it of {@code --hidden}, an experiment's {@code hidden} and a sweep's values. By
     * default every number is taken.
     *
     * @param layers the number of hidden layers asked for
     * @throws IllegalArgumentException in one line: the most hidden layers the circuit takes, and why
     */
    default void requireHiddenLayers(int layers) {
    }

    /**
     * The values its {@link #parameters()} take when a run does not set them, by name (the platform always sets
     * {@link CircuitSettings#INPUTS} and {@link CircuitSettings#OUTPUTS} from the data). By default one hidden layer
     * of 400 units; a described circuit's are those its description declares.
     */
    default java.util.Map<String, java.util.List<Integer>> parameterDefaults() {
        return java.util.Map.of(CircuitSettings.HIDDEN, java.util.List.of(400));
    }

    /**
     * The circuit this provider is a model of: one id for a circuit and all its models, so that
     * {@code --circuit sbp --model functional} names the provider {@code sbp-functional}. By default the
     * provider's id, less {@code -}{@link #model()} where it ends so.
     */
    default String circuit() {
        String suffix = "-" + model();
        return id().endsWith(suffix) && id().length() > suffix.length()
                ? id().substring(0, id().length() - suffix.length()) : id();
    }

    /**
     * Which model of its {@link #circuit()} this provider is: {@value #CHIP} for the spiking circuit on a chip
     * backend, {@value #FUNCTIONAL} for its functional model (the oracle the chip circuit must equal). By default
     * {@value #CHIP} if it {@link #needsBackend() needs a backend}, else {@value #FUNCTIONAL}.
     */
    default String model() {
        return needsBackend() ? CHIP : FUNCTIONAL;
    }

    /**
     * The values its options ({@link CircuitSettings#option}) take when a run does not give them, by name. A run
     * records them with the options it was given, so that a later change of a default does not change what a
     * recorded run means. None by default.
     */
    default java.util.Map<String, String> optionDefaults() {
        return java.util.Map.of();
    }

    /**
     * What an option meant for a run recorded without it, by name: the circuit's behaviour before the option
     * existed, which may differ from {@link #optionDefaults()} (sBP's {@code hidden-exponent} was 0 before it became
     * an option with default -2). Reopening a recorded run (resume, eval, export, plot) puts these under the
     * options it recorded. None by default.
     */
    default java.util.Map<String, String> optionsOfEarlierRuns() {
        return java.util.Map.of();
    }

    /**
     * The settings with which the run trains epoch {@code epoch} (0 for the first): {@code settings} unless the
     * circuit changes between epochs (a schedule of its options). A run resumed in the middle of an epoch opens its
     * session with these.
     */
    default CircuitSettings settingsAt(CircuitSettings settings, int epoch) {
        return settings;
    }

    /**
     * What changes as the run begins epoch {@code epoch} (1 or later), given the weights after the epoch before and
     * the names of the circuit's own matrices among them (those whose saturation counts): empty if nothing does. The
     * change's settings are {@link #settingsAt} {@code epoch}.
     */
    default java.util.Optional<org.synfire.chip.api.circuit.EpochChange> epochChange(CircuitSettings settings,
            int epoch, java.util.Map<String, int[][]> weights, java.util.List<String> matrices) {
        return java.util.Optional.empty();
    }
}
