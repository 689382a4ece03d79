package org.synfire.circuits.internal.sbp;

import java.util.List;
import java.util.Set;

import org.synfire.chip.api.circuit.CircuitSettings;

/**
 * The sBP circuit's options ({@code --circuit-option KEY=VALUE}), read once for the chip circuit and the
 * functional model alike, so both learn the same.
 *
 * @param positiveOutput {@code init}: the last matrix drawn with a positive mean ({@code positive-output}, the
 *                       default) rather than as the specification says ({@code spec}); see {@link SbpInitialWeights}
 * @param hiddenExponent {@code hidden-exponent}: the weight exponent of the hidden-to-hidden matrices W_2 .. W_N
 *                       (0 .. -3, default -2: the step of the rule against the window as in the first layer);
 *                       with one hidden layer there is none, so it changes nothing there (docs/sbp-circuit.md,
 *                       "Deeper networks")
 * @param hiddenInitScaled {@code hidden-init}: the initial hidden-to-hidden mantissas drawn with their standard
 *                       deviation times {@code 2^-hiddenExponent} ({@code exponent-scaled}, the default) rather than
 *                       as the specification says ({@code spec})
 * @param hiddenWindow   {@code hidden-window}: hidden layers 2 .. N take the derivative window
 *                       {@code (-hiddenWindow, 1024 + hiddenWindow]} instead of (0, 1024] (0, 128, 256 or 512)
 */
record SbpOptions(boolean positiveOutput, int hiddenExponent, boolean hiddenInitScaled, int hiddenWindow) {

    /** The option that sets the exponent of the hidden-to-hidden matrices, and its values. */
    static final String HIDDEN_EXPONENT = "hidden-exponent";
    static final String DEFAULT_HIDDEN_EXPONENT = "-2";
    static final List<String> HIDDEN_EXPONENTS = List.of("0", "-1", "-2", "-3");
    /** The option that scales the initial hidden-to-hidden mantissas with the exponent, and its values. */
    static final String HIDDEN_INIT = "hidden-init";
    static final String HIDDEN_INIT_SPEC = "spec";
    static final String HIDDEN_INIT_SCALED = "exponent-scaled";
    static final String DEFAULT_HIDDEN_INIT = HIDDEN_INIT_SCALED;
    static final List<String> HIDDEN_INITS = List.of(HIDDEN_INIT_SCALED, HIDDEN_INIT_SPEC);
    /** The description's parameter that takes the exponent. */
    static final String HIDDEN_EXPONENT_PARAMETER = "hidden_exponent";
    /** The option that widens the derivative window of hidden layers 2 .. N, its values, and its parameter. */
    static final String HIDDEN_WINDOW = "hidden-window";
    static final String DEFAULT_HIDDEN_WINDOW = "0";
    static final List<String> HIDDEN_WINDOWS = List.of("0", "128", "256", "512");
    static final String HIDDEN_WINDOW_PARAMETER = "hidden_window";

    /** Every option's value when a run does not give it; a run records them (CircuitProvider.optionDefaults). */
    static final java.util.Map<String, String> DEFAULTS = java.util.Map.of(SbpInitialWeights.OPTION,
            SbpInitialWeights.DEFAULT, HIDDEN_EXPONENT, DEFAULT_HIDDEN_EXPONENT, HIDDEN_INIT, DEFAULT_HIDDEN_INIT,
            HIDDEN_WINDOW, DEFAULT_HIDDEN_WINDOW);

    /**
     * The circuit before the deeper-network options existed (runs recorded without them): hidden-to-hidden matrices
     * at exponent 0, drawn as the specification says, the window (0, 1024] (CircuitProvider.optionsOfEarlierRuns).
     */
    static final java.util.Map<String, String> EARLIER_RUNS = java.util.Map.of(HIDDEN_EXPONENT, "0", HIDDEN_INIT,
            HIDDEN_INIT_SPEC, HIDDEN_WINDOW, "0");

    /** The options the settings give; an unknown option or value is refused naming the known ones. */
    static SbpOptions of(String circuit, CircuitSettings settings) {
        settings.requireOnly(circuit, Set.of(SbpInitialWeights.OPTION, HIDDEN_EXPONENT, HIDDEN_INIT,
                HIDDEN_WINDOW));
        boolean positive = !settings.option(SbpInitialWeights.OPTION, SbpInitialWeights.DEFAULT,
                SbpInitialWeights.CHOICES).equals(SbpInitialWeights.SPEC);
        int exponent = Integer.parseInt(settings.option(HIDDEN_EXPONENT, DEFAULT_HIDDEN_EXPONENT, HIDDEN_EXPONENTS));
        boolean scaled = settings.option(HIDDEN_INIT, DEFAULT_HIDDEN_INIT, HIDDEN_INITS).equals(HIDDEN_INIT_SCALED);
        int window = Integer.parseInt(settings.option(HIDDEN_WINDOW, DEFAULT_HIDDEN_WINDOW, HIDDEN_WINDOWS));
        return new SbpOptions(positive, exponent, scaled, window);
    }

    /**
     * How far the derivative window of each layer reaches past (0, 1024] on either side, at index l = 1 .. N+1 of a
     * circuit with {@code layers} = N + 2 layers: {@code hiddenWindow} for hidden layers 2 .. N, else 0.
     */
    int[] windows(int layers) {
        int[] window = new int[layers];
        for (int l = 2; l <= layers - 2; l++) {
            window[l] = hiddenWindow;
        }
        return window;
    }

    /**
     * The factor on the standard deviation of the initial hidden-to-hidden mantissas: 1, or with
     * {@code hidden-init=exponent-scaled} {@code 2^-hiddenExponent}, so that the weights act at the start as the
     * specification's do at exponent 0.
     */
    int hiddenInitScale() {
        return hiddenInitScaled ? 1 << -hiddenExponent : 1;
    }

    /**
     * The right shift each matrix's mantissas take in the forward pass, at index l = 1 .. N+1 (index 0 unused) of a
     * circuit with {@code layers} = N + 2 layers: {@code -hiddenExponent} for the hidden-to-hidden matrices
     * (l = 2 .. N), 0 for W_1 and the output matrix.
     */
    int[] shifts(int layers) {
        int[] shift = new int[layers];
        for (int l = 2; l <= layers - 2; l++) {
            shift[l] = -hiddenExponent;
        }
        return shift;
    }
}
