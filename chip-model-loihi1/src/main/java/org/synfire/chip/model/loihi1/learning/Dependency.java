package org.synfire.chip.model.loihi1.learning;

/**
 * What must hold in an epoch for the learning engine to evaluate a term for a synapse: a presynaptic
 * spike ({@code x0}), a postsynaptic spike ({@code y0}), or the epoch counter ({@code u_k}, true
 * every {@code 2^k} epochs). As on the chip (and in NxSDK and Lava), a term's dependency is its first
 * factor that is a plain {@code x0}, {@code y0} or {@code u_k}; later ones are ordinary factors.
 */
public sealed interface Dependency {

    /** The presynaptic spike {@code x0}. */
    record PreSpike() implements Dependency {
        @Override
        public String toString() {
            return "x0";
        }
    }

    /** The postsynaptic spike {@code y0}. */
    record PostSpike() implements Dependency {
        @Override
        public String toString() {
            return "y0";
        }
    }

    /** The epoch counter {@code u_k}: holds in every {@code 2^k}-th epoch. */
    record Decimated(int k) implements Dependency {
        public Decimated {
            Factor.U.checkK(k);
        }

        @Override
        public String toString() {
            return "u" + k;
        }
    }
}
