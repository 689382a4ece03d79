package org.synfire.interchange.nir;

import java.util.Arrays;

/**
 * A NIR neuron node in Loihi-1's terms, before quantisation: the decays, and per unit the gain from the
 * node's input to its voltage per timestep and the constant drive per timestep, with the thresholds
 * brought to one (Loihi has one threshold per group): a unit whose threshold is below the largest gets its
 * gain and drive scaled up by their ratio, which changes nothing about when it fires (its reset is 0).
 *
 * @param size      units
 * @param dU        current decay, 0 .. 4096
 * @param dV        voltage decay, 0 .. 4096
 * @param gain      per unit: voltage per unit of input (the Affine's output)
 * @param drive     per unit: voltage added every timestep, before the Affine's bias (v_leak dt / tau)
 * @param biasGain  per unit: voltage per timestep per unit of an Affine's bias
 * @param threshold the group's threshold, in the graph's units
 */
record LoihiNeurons(int size, int dU, int dV, double[] gain, double[] drive, double[] biasGain, double threshold) {

    /**
     * @throws IllegalArgumentException naming the node, for a reset other than 0, a time constant shorter than a
     *                                  timestep or differing between units, or thresholds that cannot be one
     */
    static LoihiNeurons of(String name, NirNode node, double dt) {
        String where = "node '" + name + "' (" + node.type() + "): ";
        return switch (node) {
            case NirNode.Threshold t -> normalised(where, t.threshold().length, 4096, 4096,
                    filled(t.threshold().length, 1), new double[t.threshold().length], filled(t.threshold().length, 1),
                    t.threshold());
            case NirNode.IF f -> {
                zeroReset(where, f.vReset());
                // dv/dt = r I: an Euler step adds r dt I, to the input and an Affine's bias alike
                double[] gain = new double[f.r().length];
                for (int j = 0; j < gain.length; j++) {
                    gain[j] = f.r()[j] * dt;
                }
                yield normalised(where, gain.length, 4096, 0, gain, new double[gain.length], gain, f.vThreshold());
            }
            case NirNode.LIF f -> {
                zeroReset(where, f.vReset());
                int dV = decay(where, "tau", f.tau(), dt);
                double[] gain = new double[f.tau().length];
                double[] drive = new double[gain.length];
                for (int j = 0; j < gain.length; j++) {
                    gain[j] = f.r()[j] * dt / f.tau()[j];
                    drive[j] = f.vLeak()[j] * dt / f.tau()[j];
                }
                yield normalised(where, gain.length, 4096, dV, gain, drive, gain, f.vThreshold());
            }
            case NirNode.CubaLIF f -> {
                zeroReset(where, f.vReset());
                int dU = decay(where, "tau_syn", f.tauSyn(), dt);
                int dV = decay(where, "tau_mem", f.tauMem(), dt);
                int n = f.tauMem().length;
                double[] gain = new double[n];
                double[] drive = new double[n];
                double[] biasGain = new double[n];
                for (int j = 0; j < n; j++) {
                    double toVoltage = f.r()[j] * dt / f.tauMem()[j];
                    gain[j] = f.wIn()[j] * dt / f.tauSyn()[j] * toVoltage;
                    // a constant input settles the current at w_in b: the chip's bias, which bypasses the current,
                    // gives that steady state from the first step on
                    biasGain[j] = f.wIn()[j] * toVoltage;
                    drive[j] = f.vLeak()[j] * dt / f.tauMem()[j];
                }
                yield normalised(where, n, dU, dV, gain, drive, biasGain, f.vThreshold());
            }
            default -> throw new IllegalArgumentException(where + "not a neuron node");
        };
    }

    private static LoihiNeurons normalised(String where, int size, int dU, int dV, double[] gain, double[] drive,
            double[] biasGain, double[] thresholds) {
        double top = Arrays.stream(thresholds).max().orElseThrow();
        double bottom = Arrays.stream(thresholds).min().orElseThrow();
        if (bottom < 0) {
            throw new IllegalArgumentException(where + "threshold " + bottom + " is below 0; loihi1's are 0 or more");
        }
        gain = gain.clone();
        drive = drive.clone();
        biasGain = biasGain.clone();
        if (top != bottom) {
            if (bottom == 0) {
                throw new IllegalArgumentException(where + "thresholds range from 0 to " + top
                        + "; loihi1 has one threshold per group, and a unit at 0 cannot be scaled to the others");
            }
            for (int j = 0; j < size; j++) {
                double ratio = top / thresholds[j];
                gain[j] *= ratio;
                drive[j] *= ratio;
                biasGain[j] *= ratio;
            }
        }
        return new LoihiNeurons(size, dU, dV, gain, drive, biasGain, top);
    }

    /** 4096 dt / tau, the same for every unit. */
    private static int decay(String where, String parameter, double[] tau, double dt) {
        double first = tau[0];
        for (double t : tau) {
            if (t != first) {
                throw new IllegalArgumentException(where + parameter + " differs between units (" + first + " and " + t
                        + "); loihi1 has one decay per group");
            }
        }
        if (!(first >= dt)) {
            throw new IllegalArgumentException(where + parameter + " " + first + " is shorter than a timestep (dt "
                    + dt + "); loihi1 decays by at most all of it per timestep");
        }
        return (int) Math.round(4096 * dt / first);
    }

    private static void zeroReset(String where, double[] reset) {
        for (int j = 0; j < reset.length; j++) {
            if (reset[j] != 0) {
                throw new IllegalArgumentException(where + "v_reset " + reset[j] + " of unit " + j
                        + " is not 0; loihi1 resets the voltage to 0");
            }
        }
    }

    private static double[] filled(int size, double value) {
        double[] d = new double[size];
        Arrays.fill(d, value);
        return d;
    }
}
