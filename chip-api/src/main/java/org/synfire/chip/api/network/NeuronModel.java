package org.synfire.chip.api.network;

/**
 * The neurons of a population: the name of their model and its parameters, which every neuron of a
 * {@link CompartmentGroup} shares. Each chip's model module defines its models as records implementing this
 * interface (Loihi 1's current-based LIF is {@code CompartmentPrototype} of the module
 * {@code org.synfire.chip.model.loihi1}); a backend runs the models its capabilities name
 * ({@code BackendCapabilities.neuronModels()}) and refuses the others.
 *
 * <p>Every model has a bias, {@code mantissa * 2^exponent}, which a group may set neuron by neuron (as both Loihi
 * chips hold one in each neuron's configuration); the model says which values it can hold.
 */
public interface NeuronModel {

    /** The model's name, as backends' capabilities list it, e.g. {@code loihi1-cuba-lif}. */
    String modelName();

    /** The bias mantissa of a neuron that has no bias of its own. */
    int biasMant();

    /** The bias exponent of a neuron that has no bias of its own. */
    int biasExp();

    /**
     * These parameters with the bias {@code mantissa * 2^exponent}.
     *
     * @throws IllegalArgumentException if the model cannot hold the bias, naming the field and its range
     */
    NeuronModel withBias(int mantissa, int exponent);

    /**
     * Checks that one neuron of this model can hold the bias {@code mantissa * 2^exponent}.
     *
     * @param where the place, for the message, e.g. {@code group h, compartment 3}
     * @throws IllegalArgumentException if it cannot, naming {@code where}, the field and its range
     */
    void checkBias(String where, int mantissa, int exponent);
}
