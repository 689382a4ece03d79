package org.synfire.cli.internal.runtime;

/**
 * Which model of which circuit a circuit provider is, as it said at load ({@code circuit()}, {@code model()} and
 * {@code needsBackend()}): asked once there, under the time limit and against every Throwable, and used afterwards
 * wherever a circuit is looked up or listed, so that a plugin's second answer (which might differ, throw or not
 * return) is never needed.
 *
 * @param circuit      the circuit the provider is a model of, e.g. {@code sbp}
 * @param model        which model of it, e.g. {@code chip} or {@code functional}
 * @param needsBackend whether the provider opens its sessions on a chip backend
 */
public record CircuitModel(String circuit, String model, boolean needsBackend) {

    /** The words {@code --circuit CIRCUIT --model MODEL} that name this model on the command line. */
    public String option() {
        return "--circuit " + circuit + " --model " + model;
    }
}
