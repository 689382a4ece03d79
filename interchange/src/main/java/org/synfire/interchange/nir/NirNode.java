package org.synfire.interchange.nir;

import java.util.Objects;

/**
 * A node of a NIR graph (Neuromorphic Intermediate Representation 1.0), one record per node type Synfire
 * reads or writes, with NIR's parameter names; any other type is read as {@link Other}, so that what refuses
 * it can name it. Vectors and matrices are flat {@code double[]} (NIR files hold float32 or float64);
 * an {@code Affine} or {@code Linear} weight is {@code outputs x inputs}, row-major, as NIR's {@code weight}.
 * The records copy their arrays in and out.
 */
public sealed interface NirNode {

    /** The node's type as NIR spells it in a file's {@code type} dataset ({@code "Affine"}, ...). */
    String type();

    /** A graph input of {@code size} values (NIR's {@code shape}, one dimension). */
    record Input(int size) implements NirNode {
        public Input {
            positive("Input", size);
        }

        @Override
        public String type() {
            return "Input";
        }
    }

    /** A graph output of {@code size} values. */
    record Output(int size) implements NirNode {
        public Output {
            positive("Output", size);
        }

        @Override
        public String type() {
            return "Output";
        }
    }

    /** {@code y = W x + b}, W {@code outputs x inputs}. */
    record Affine(int outputs, int inputs, double[] weight, double[] bias) implements NirNode {
        public Affine {
            matrix("Affine", outputs, inputs, weight);
            vector("Affine bias", outputs, bias);
            weight = weight.clone();
            bias = bias.clone();
        }

        @Override
        public String type() {
            return "Affine";
        }

        @Override
        public double[] weight() {
            return weight.clone();
        }

        @Override
        public double[] bias() {
            return bias.clone();
        }
    }

    /** {@code y = W x}, W {@code outputs x inputs}. */
    record Linear(int outputs, int inputs, double[] weight) implements NirNode {
        public Linear {
            matrix("Linear", outputs, inputs, weight);
            weight = weight.clone();
        }

        @Override
        public String type() {
            return "Linear";
        }

        @Override
        public double[] weight() {
            return weight.clone();
        }
    }

    /** The Heaviside step: {@code z = [v > threshold]}, per unit; no state. */
    record Threshold(double[] threshold) implements NirNode {
        public Threshold {
            vector("Threshold", threshold.length, threshold);
            threshold = threshold.clone();
        }

        @Override
        public String type() {
            return "Threshold";
        }

        @Override
        public double[] threshold() {
            return threshold.clone();
        }
    }

    /** Integrate and fire: {@code dv/dt = r I}; spike when {@code v > v_threshold}, then {@code v = v_reset}. */
    record IF(double[] r, double[] vThreshold, double[] vReset) implements NirNode {
        public IF {
            vector("IF", r.length, r, vThreshold, vReset);
            r = r.clone();
            vThreshold = vThreshold.clone();
            vReset = vReset.clone();
        }

        @Override
        public String type() {
            return "IF";
        }

        @Override
        public double[] r() {
            return r.clone();
        }

        @Override
        public double[] vThreshold() {
            return vThreshold.clone();
        }

        @Override
        public double[] vReset() {
            return vReset.clone();
        }
    }

    /**
     * Leaky integrate and fire: {@code tau dv/dt = (v_leak - v) + r I}; spike when {@code v > v_threshold},
     * then {@code v = v_reset}.
     */
    record LIF(double[] tau, double[] r, double[] vLeak, double[] vThreshold, double[] vReset) implements NirNode {
        public LIF {
            vector("LIF", tau.length, tau, r, vLeak, vThreshold, vReset);
            tau = tau.clone();
            r = r.clone();
            vLeak = vLeak.clone();
            vThreshold = vThreshold.clone();
            vReset = vReset.clone();
        }

        @Override
        public String type() {
            return "LIF";
        }

        @Override
        public double[] tau() {
            return tau.clone();
        }

        @Override
        public double[] r() {
            return r.clone();
        }

        @Override
        public double[] vLeak() {
            return vLeak.clone();
        }

        @Override
        public double[] vThreshold() {
            return vThreshold.clone();
        }

        @Override
        public double[] vReset() {
            return vReset.clone();
        }
    }

    /**
     * Current-based LIF: {@code tau_syn dI/dt = -I + w_in S}, {@code tau_mem dv/dt = (v_leak - v) + r I};
     * spike when {@code v > v_threshold}, then {@code v = v_reset}.
     */
    record CubaLIF(double[] tauSyn, double[] tauMem, double[] r, double[] vLeak, double[] vThreshold,
            double[] vReset, double[] wIn) implements NirNode {
        public CubaLIF {
            vector("CubaLIF", tauSyn.length, tauSyn, tauMem, r, vLeak, vThreshold, vReset, wIn);
            tauSyn = tauSyn.clone();
            tauMem = tauMem.clone();
            r = r.clone();
            vLeak = vLeak.clone();
            vThreshold = vThreshold.clone();
            vReset = vReset.clone();
            wIn = wIn.clone();
        }

        @Override
        public String type() {
            return "CubaLIF";
        }

        @Override
        public double[] tauSyn() {
            return tauSyn.clone();
        }

        @Override
        public double[] tauMem() {
            return tauMem.clone();
        }

        @Override
        public double[] r() {
            return r.clone();
        }

        @Override
        public double[] vLeak() {
            return vLeak.clone();
        }

        @Override
        public double[] vThreshold() {
            return vThreshold.clone();
        }

        @Override
        public double[] vReset() {
            return vReset.clone();
        }

        @Override
        public double[] wIn() {
            return wIn.clone();
        }
    }

    /** A node of a type Synfire does not model (e.g. {@code Conv2d}), kept by its type name only. */
    record Other(String type) implements NirNode {
        public Other {
            Objects.requireNonNull(type, "type");
        }
    }

    private static void positive(String what, int size) {
        if (size < 1) {
            throw new IllegalArgumentException(what + " of size " + size + "; expected 1 or more");
        }
    }

    private static void matrix(String what, int outputs, int inputs, double[] weight) {
        if (outputs < 1 || inputs < 1 || weight.length != (long) outputs * inputs) {
            throw new IllegalArgumentException(what + " weight of " + weight.length + " values is not " + outputs
                    + " x " + inputs);
        }
    }

    private static void vector(String what, int size, double[]... parameters) {
        positive(what, size);
        for (double[] p : parameters) {
            if (p.length != size) {
                throw new IllegalArgumentException(what + ": parameters of " + size + " and " + p.length
                        + " values; expected one per unit, all of one shape");
            }
        }
    }
}
