package org.synfire.chip.api.cost;

/**
 * A published measurement of a circuit on the real chip, to report an estimate beside.
 *
 * @param circuit the circuit's id
 * @param mode    {@code training} or {@code inference}
 * @param joules  energy per sample
 * @param seconds time per sample
 * @param source  where it was published
 */
public record Measurement(String circuit, String mode, double joules, double seconds, String source) {

    public Measurement {
        if (!mode.equals("training") && !mode.equals("inference")) {
            throw new IllegalArgumentException("measurement of " + circuit + ": mode '" + mode
                    + "', expected training or inference");
        }
        if (!(joules > 0) || !(seconds > 0)) {
            throw new IllegalArgumentException("measurement of " + circuit + " " + mode + ": " + joules + " J and "
                    + seconds + " s, expected positive values");
        }
    }
}
