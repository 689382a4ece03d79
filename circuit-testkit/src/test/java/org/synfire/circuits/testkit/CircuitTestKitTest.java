package org.synfire.circuits.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.circuit.CircuitSettings;
import org.synfire.chip.api.circuit.Evaluation;
import org.synfire.chip.api.circuit.TrainingSession;
import org.synfire.chip.api.data.Samples;
import org.synfire.chip.api.spi.ChipBackend;
import org.synfire.chip.api.spi.CircuitProvider;

/** The kit passes the sBP circuit against its functional model, and names the sample where a model parts. */
class CircuitTestKitTest {

    private static CircuitProvider circuit(String id) {
        return ServiceLoader.load(CircuitProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static final CircuitSettings SMALL = CircuitSettings.layers(24, List.of(8), 4, 5, 1);

    @Test
    void theSbpCircuitEqualsItsFunctionalModelOnRandomData() {
        CircuitTestKit.assertChipEqualsModel(circuit("sbp"), circuit("sbp-functional"), SMALL,
                CircuitTestKit.randomSamples(12, 24, 4, 3));
    }

    /** The sBP functional model, except that it does not learn from the third sample. */
    private record SkipsThirdSample(CircuitProvider inner) implements CircuitProvider {

        @Override
        public String id() {
            return "sbp-skips";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public boolean needsBackend() {
            return false;
        }

        @Override
        public TrainingSession open(CircuitSettings settings, ChipBackend backend) {
            TrainingSession session = inner.open(settings, null);
            int[] seen = {0};
            return new TrainingSession() {
                @Override
                public void train(Samples samples, int index) {
                    if (++seen[0] != 3) {
                        session.train(samples, index);
                    }
                }

                @Override
                public Evaluation evaluate(Samples samples) {
                    return session.evaluate(samples);
                }

                @Override
                public Map<String, int[][]> weights() {
                    return session.weights();
                }

                @Override
                public List<String> matrices() {
                    return session.matrices();
                }

                @Override
                public void restore(Map<String, int[][]> weights) {
                    session.restore(weights);
                }

                @Override
                public void close() {
                    session.close();
                }
            };
        }
    }

    @Test
    void aModelThatPartsFailsAtThatSampleNamingTheMatrix() {
        Samples samples = CircuitTestKit.randomSamples(12, 24, 4, 3);
        AssertionError e = assertThrows(AssertionError.class, () -> CircuitTestKit.assertChipEqualsModel(
                circuit("sbp"), new SkipsThirdSample(circuit("sbp-functional")), SMALL, samples));

        // sBP learns from every sample (the output error of an untrained net is never all zero), so skipping the
        // third parts the model from the chip there, and not before
        assertTrue(e.getMessage().startsWith("after sample 3 of 12 (index 2, label " + samples.labels()[2]
                + "): sbp and its functional model sbp-skips part: matrix w"), e.getMessage());
    }

    @Test
    void randomSamplesAreBinaryWithAboutAQuarterActiveAndRepeatable() {
        Samples a = CircuitTestKit.randomSamples(200, 50, 10, 9);
        Samples b = CircuitTestKit.randomSamples(200, 50, 10, 9);

        assertEquals(java.util.Arrays.toString(a.inputs()), java.util.Arrays.toString(b.inputs()));
        long active = 0;
        for (byte v : a.inputs()) {
            assertTrue(v == 0 || v == 1);
            active += v;
        }
        // 10,000 inputs at p = 1/4: mean 2500, standard deviation 43; 6 deviations either side
        assertTrue(active > 2240 && active < 2760, "active inputs " + active);
    }

    @Test
    void anUnknownBackendNamesTheOnesThereAre() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CircuitTestKit.backend("truenorth"));
        assertTrue(e.getMessage().startsWith("no chip backend 'truenorth' on the test's path; found ["), e.getMessage());
        assertTrue(e.getMessage().contains("loihi1"), e.getMessage());
    }
}
