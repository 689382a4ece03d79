package org.synfire.chip.api.network;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A population of {@code size} neurons (compartments) of one model, laid out contiguously on the cores, that share
 * their prototype's parameters, except that each may have a bias of its own (as both Loihi chips hold a bias
 * mantissa and exponent in every compartment's configuration): {@code biasMants} and {@code biasExps} give one value
 * per compartment, or are empty when every compartment takes the prototype's. Which biases a compartment can hold
 * is the model's ({@link NeuronModel#checkBias}).
 *
 * <p>The form is canonical: a list whose values are all equal is folded into the prototype (the group then keeps
 * no list for it), and where a list is kept the prototype holds compartment 0's value. So two groups with the same
 * biases compare equal however they were written, and {@link #biasMant(int)} and {@link #biasExp(int)} are what a
 * backend reads; the prototype's bias is every compartment's only when {@link #hasBiasPerCompartment()} is false.
 *
 * @param name      unique among groups and generators
 * @param size      number of compartments, at least 1
 * @param prototype the neuron model and the parameters every compartment shares (bias: see above)
 * @param pin       cores the group must be placed on, if the user chose them
 * @param biasMants bias mantissa of each compartment, or empty: the prototype's for all
 * @param biasExps  bias exponent of each compartment, or empty: the prototype's for all
 */
public record CompartmentGroup(String name, int size, NeuronModel prototype, Optional<CoreRange> pin,
        int[] biasMants, int[] biasExps) {

    private static final int[] SHARED = new int[0];

    public CompartmentGroup {
        Check.name("group", name);
        String where = "group " + name;
        Check.range(where, "size", size, 1, Integer.MAX_VALUE);
        Objects.requireNonNull(prototype, where + ": prototype");
        Objects.requireNonNull(pin, where + ": pin");
        biasMants = perCompartment(where, "biasMant", biasMants, size);
        biasExps = perCompartment(where, "biasExp", biasExps, size);
        for (int i = 0; i < Math.max(biasMants.length, biasExps.length); i++) {
            int mant = biasMants.length > 0 ? biasMants[i] : prototype.biasMant();
            int exp = biasExps.length > 0 ? biasExps[i] : prototype.biasExp();
            prototype.checkBias(where + ", compartment " + i, mant, exp);
        }
        if (biasMants.length > 0 && allEqual(biasMants)) {
            prototype = prototype.withBias(biasMants[0], prototype.biasExp());
            biasMants = SHARED;
        }
        if (biasExps.length > 0 && allEqual(biasExps)) {
            prototype = prototype.withBias(prototype.biasMant(), biasExps[0]);
            biasExps = SHARED;
        }
        // where a list is kept, the prototype holds compartment 0's value
        int mant0 = biasMants.length > 0 ? biasMants[0] : prototype.biasMant();
        int exp0 = biasExps.length > 0 ? biasExps[0] : prototype.biasExp();
        if (mant0 != prototype.biasMant() || exp0 != prototype.biasExp()) {
            prototype = prototype.withBias(mant0, exp0);
        }
    }

    /** A group whose compartments all have the prototype's bias. */
    public CompartmentGroup(String name, int size, NeuronModel prototype, Optional<CoreRange> pin) {
        this(name, size, prototype, pin, SHARED, SHARED);
    }

    private static int[] perCompartment(String where, String field, int[] values, int size) {
        Objects.requireNonNull(values, where + ": " + field + " per compartment");
        if (values.length == 0) {
            return SHARED;
        }
        if (values.length != size) {
            throw new IllegalArgumentException(where + ": " + values.length + " " + field + " values given for "
                    + size + " compartments; expected one per compartment (or one for the group)");
        }
        return values.clone();
    }

    private static boolean allEqual(int[] values) {
        for (int value : values) {
            if (value != values[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * This group with bias mantissa {@code mantissas[i]} for compartment {@code i} (one per compartment; the
     * exponents stay as they are).
     */
    public CompartmentGroup withBiasMants(int... mantissas) {
        return new CompartmentGroup(name, size, prototype, pin, mantissas, biasExps);
    }

    /** This group with bias exponent {@code exponents[i]} for compartment {@code i} (one per compartment). */
    public CompartmentGroup withBiasExps(int... exponents) {
        return new CompartmentGroup(name, size, prototype, pin, biasMants, exponents);
    }

    /** Whether the compartments' biases are not all the prototype's (some mantissa or exponent differs). */
    public boolean hasBiasPerCompartment() {
        return biasMants.length > 0 || biasExps.length > 0;
    }

    /** The bias mantissa of compartment {@code i}. */
    public int biasMant(int i) {
        Objects.checkIndex(i, size);
        return biasMants.length == 0 ? prototype.biasMant() : biasMants[i];
    }

    /** The bias exponent of compartment {@code i}. */
    public int biasExp(int i) {
        Objects.checkIndex(i, size);
        return biasExps.length == 0 ? prototype.biasExp() : biasExps[i];
    }

    /** The bias mantissa of each compartment, or an empty array if all have the prototype's. */
    @Override
    public int[] biasMants() {
        return biasMants.clone();
    }

    /** The bias exponent of each compartment, or an empty array if all have the prototype's. */
    @Override
    public int[] biasExps() {
        return biasExps.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompartmentGroup g && g.name.equals(name) && g.size == size
                && g.prototype.equals(prototype) && g.pin.equals(pin) && Arrays.equals(g.biasMants, biasMants)
                && Arrays.equals(g.biasExps, biasExps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, size, prototype, pin, Arrays.hashCode(biasMants), Arrays.hashCode(biasExps));
    }

    @Override
    public String toString() {
        return "CompartmentGroup[" + name + ", size " + size + ", " + prototype + ", pin " + pin
                + (biasMants.length > 0 ? ", biasMants " + head(biasMants) : "")
                + (biasExps.length > 0 ? ", biasExps " + head(biasExps) : "") + "]";
    }

    /** The first values of a per-compartment list (a group may have thousands of compartments). */
    private static String head(int[] values) {
        int shown = Math.min(values.length, 8);
        String s = Arrays.toString(Arrays.copyOf(values, shown));
        return shown == values.length ? s : s.substring(0, s.length() - 1) + ", ... (" + values.length + ")]";
    }
}
