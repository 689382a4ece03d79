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
 * @param halveAfter     {@code lr-schedule}: the epochs after which the rule's step halves against the threshold
 *                       (every matrix doubled and its exponent lowered by one), ascending; empty ({@code none}, the
 *                       default): the paper's constant step
 * @param stage          {@code lr-stage}: how many halvings are done (set by the run at the schedule's epochs): every
 *                       matrix acts at its exponent less {@code stage}
 * @param outputOnly     {@code lr-schedule=halve-output@...}: the halvings double and lower the output matrix only
 */
record SbpOptions(boolean positiveOutput, int hiddenExponent, boolean hiddenInitScaled, int hiddenWindow,
        List<Integer> halveAfter, int stage, boolean outputOnly) {

    SbpOptions(boolean positiveOutput, int hiddenExponent, boolean hiddenInitScaled, int hiddenWindow) {
        this(positiveOutput, hiddenExponent, hiddenInitScaled, hiddenWindow, List.of(), 0, false);
    }

    SbpOptions {
        halveAfter = List.copyOf(halveAfter);
    }

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
    /** The description's parameters that take the exponents of W_1 and of the output matrix (0 but in a schedule). */
    static final String FIRST_EXPONENT_PARAMETER = "first_exponent";
    static final String OUTPUT_EXPONENT_PARAMETER = "output_exponent";
    /** The option that anneals the step, its default, and the option the run sets to the halvings done. */
    static final String LR_SCHEDULE = "lr-schedule";
    static final String LR_NONE = "none";
    static final String LR_HALVE = "halve@";
    static final String LR_HALVE_OUTPUT = "halve-output@";
    static final String LR_STAGE = "lr-stage";
    /** The most halvings: W_2 .. W_N at hidden-exponent -3 reach exponent -7, one above the chip's lowest, -8. */
    static final int MOST_HALVINGS = 4;

    /** Every option's value when a run does not give it; a run records them (CircuitProvider.optionDefaults). */
    static final java.util.Map<String, String> DEFAULTS = java.util.Map.of(SbpInitialWeights.OPTION,
            SbpInitialWeights.DEFAULT, HIDDEN_EXPONENT, DEFAULT_HIDDEN_EXPONENT, HIDDEN_INIT, DEFAULT_HIDDEN_INIT,
            HIDDEN_WINDOW, DEFAULT_HIDDEN_WINDOW, LR_SCHEDULE, LR_NONE);

    /**
     * The circuit before the deeper-network options existed (runs recorded without them): hidden-to-hidden matrices
     * at exponent 0, drawn as the specification says, the window (0, 1024] (CircuitProvider.optionsOfEarlierRuns).
     */
    static final java.util.Map<String, String> EARLIER_RUNS = java.util.Map.of(HIDDEN_EXPONENT, "0", HIDDEN_INIT,
            HIDDEN_INIT_SPEC, HIDDEN_WINDOW, "0");

    /** The options the settings give; an unknown option or value is refused naming the known ones. */
    static SbpOptions of(String circuit, CircuitSettings settings) {
        settings.requireOnly(circuit, Set.of(SbpInitialWeights.OPTION, HIDDEN_EXPONENT, HIDDEN_INIT,
                HIDDEN_WINDOW, LR_SCHEDULE, LR_STAGE));
        boolean positive = !settings.option(SbpInitialWeights.OPTION, SbpInitialWeights.DEFAULT,
                SbpInitialWeights.CHOICES).equals(SbpInitialWeights.SPEC);
        int exponent = Integer.parseInt(settings.option(HIDDEN_EXPONENT, DEFAULT_HIDDEN_EXPONENT, HIDDEN_EXPONENTS));
        boolean scaled = settings.option(HIDDEN_INIT, DEFAULT_HIDDEN_INIT, HIDDEN_INITS).equals(HIDDEN_INIT_SCALED);
        int window = Integer.parseInt(settings.option(HIDDEN_WINDOW, DEFAULT_HIDDEN_WINDOW, HIDDEN_WINDOWS));
        List<Integer> halveAfter = schedule(settings.options().getOrDefault(LR_SCHEDULE, LR_NONE));
        String stageText = settings.options().getOrDefault(LR_STAGE, "0");
        int stage;
        try {
            stage = Integer.parseInt(stageText);
        } catch (NumberFormatException e) {
            stage = -1;
        }
        if (stage < 0 || stage > MOST_HALVINGS) {
            throw new IllegalArgumentException("circuit option " + LR_STAGE + "=" + stageText + " is not known; expected"
                    + " 0 .. " + MOST_HALVINGS + " (the halvings of lr-schedule done, which the run sets)");
        }
        boolean outputOnly = settings.options().getOrDefault(LR_SCHEDULE, LR_NONE).startsWith(LR_HALVE_OUTPUT);
        return new SbpOptions(positive, exponent, scaled, window, halveAfter, stage, outputOnly);
    }

    /**
     * The epochs of an {@code lr-schedule} value: {@code none}, or {@code halve@E1,E2,...} (every matrix) or
     * {@code halve-output@E1,E2,...} (the output matrix only) with whole epochs 1 <= E1 < E2 < ..., at most
     * {@value #MOST_HALVINGS} of them, separated by ',' or '+' ({@code halve@40+50}: a sweep's {@code --set} splits
     * its values at commas, and joins a list within a value with '+', as it does a network's hidden layers);
     * anything else is a one-line error saying so.
     */
    static List<Integer> schedule(String value) {
        if (value.equals(LR_NONE)) {
            return List.of();
        }
        String expected = "; expected none, halve@E1,E2,... or halve-output@E1,E2,... (the epochs after which the step "
                + "halves, ascending, 1 or more, at most " + MOST_HALVINGS + ", separated by ',' or '+'), e.g. halve@20,40"
                + " or, in a sweep's --set, halve@20+40";
        String prefix = value.startsWith(LR_HALVE_OUTPUT) ? LR_HALVE_OUTPUT : LR_HALVE;
        if (!value.startsWith(prefix) || value.length() == prefix.length()) {
            throw new IllegalArgumentException("circuit option " + LR_SCHEDULE + "=" + value + " is not known" + expected);
        }
        String[] parts = value.substring(prefix.length()).split("[,+]", -1);
        List<Integer> epochs = new java.util.ArrayList<>();
        for (String part : parts) {
            int epoch;
            try {
                epoch = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("circuit option " + LR_SCHEDULE + "=" + value + ": '" + part
                        + "' is not a whole epoch" + expected);
            }
            if (epoch < 1 || (!epochs.isEmpty() && epoch <= epochs.get(epochs.size() - 1))) {
                throw new IllegalArgumentException("circuit option " + LR_SCHEDULE + "=" + value + ": epoch " + epoch
                        + (epoch < 1 ? " is below 1" : " does not follow the one before it") + expected);
            }
            epochs.add(epoch);
        }
        if (epochs.size() > MOST_HALVINGS) {
            throw new IllegalArgumentException("circuit option " + LR_SCHEDULE + "=" + value + " halves "
                    + epochs.size() + " times" + expected);
        }
        return List.copyOf(epochs);
    }

    /** The halvings of the schedule done before epoch {@code epoch} (0 for the first) begins. */
    int stageAt(int epoch) {
        int done = 0;
        for (int after : halveAfter) {
            done += epoch >= after ? 1 : 0;
        }
        return done;
    }

    /** The exponent of W_1's connections: 0 less the halvings done (0 if they halve the output matrix only). */
    int firstExponent() {
        return outputOnly ? 0 : -stage;
    }

    /** The exponent of the output matrix's connections: 0 less the halvings done. */
    int outputExponent() {
        return -stage;
    }

    /** The exponent of the hidden-to-hidden matrices' connections: hidden-exponent less the halvings done (of all). */
    int hiddenExponentNow() {
        return hiddenExponent - (outputOnly ? 0 : stage);
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
     * (l = 2 .. N), 0 for W_1 and the output matrix; each plus the halvings done ({@code lr-stage}; the output matrix's
     * only, with {@code halve-output@}).
     */
    int[] shifts(int layers) {
        int[] shift = new int[layers];
        for (int l = 1; l <= layers - 1; l++) {
            shift[l] = (outputOnly && l < layers - 1 ? 0 : stage) + (l >= 2 && l <= layers - 2 ? -hiddenExponent : 0);
        }
        return shift;
    }
}
