package org.synfire.chip.api.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.synfire.chip.api.network.LearningRule;
import org.synfire.chip.api.network.Network;
import org.synfire.chip.api.network.NeuronModel;
import org.synfire.chip.api.spi.BackendCapabilities.Feature;
import org.synfire.chip.api.spi.BackendCapabilities.Resource;
import org.synfire.chip.api.spi.BackendCapabilities.WeightFormat;

/** A backend's capabilities refuse, in one line naming backend, feature and place, what a network asks beyond them. */
class BackendCapabilitiesTest {

    /** A neuron model of this test's own, with any bias. */
    private record Toy(String modelName, int biasMant, int biasExp) implements NeuronModel {
        @Override
        public NeuronModel withBias(int mantissa, int exponent) {
            return new Toy(modelName, mantissa, exponent);
        }

        @Override
        public void checkBias(String where, int mantissa, int exponent) {
            if (mantissa > 10) {
                throw new IllegalArgumentException(where + ": biasMant " + mantissa + " is above 10");
            }
        }
    }

    /** A rule of this test's own dialect. */
    private record ToyRule(String dialect) implements LearningRule {
        @Override
        public Optional<String> rewardChannel() {
            return Optional.empty();
        }
    }

    private static final BackendCapabilities TOY_CHIP = new BackendCapabilities("Toy",
            List.of(new Feature("toy-lif", "a test model")), new WeightFormat(1, 8, -2, 3), 5, 0, false,
            List.of(new Feature("toy-rules", "a test dialect")),
            List.of(Resource.of("compartments", 16, "", "this test")),
            List.of(Resource.unknown("cores", "", "no figure")));

    private static Network.Builder net(String model) {
        return Network.builder().generator("in", 1).group("h", 2, new Toy(model, 0, 0));
    }

    private static String refusal(Network network) {
        return assertThrows(IllegalArgumentException.class, () -> TOY_CHIP.check(network, "toy")).getMessage();
    }

    @Test
    void whatTheChipHasPasses() {
        assertDoesNotThrow(() -> TOY_CHIP.check(net("toy-lif").connect("in", "h").exponent(3).delay(5)
                .learning(new ToyRule("toy-rules")).add().build(), "toy"));
    }

    @Test
    void eachFeatureBeyondTheChipIsNamed() {
        assertEquals("backend toy: neuron model loihi1-cuba-lif is not supported (group h); it runs toy-lif",
                refusal(net("loihi1-cuba-lif").build()));
        assertEquals("backend toy: weight exponent 4 is out of range -2..3 (connection in->h)",
                refusal(net("toy-lif").connect("in", "h").exponent(4).add().build()));
        assertEquals("backend toy: delay 6 is longer than its longest, 5 (connection in->h)",
                refusal(net("toy-lif").connect("in", "h").delay(6).add().build()));
        assertEquals("backend toy: rule dialect nxsdk is not supported (connection in->h); it learns with toy-rules",
                refusal(net("toy-lif").connect("in", "h").learning(new ToyRule("nxsdk")).add().build()));
        BackendCapabilities noLearning = new BackendCapabilities("Toy", TOY_CHIP.neuronModels(), TOY_CHIP.weights(),
                5, 0, false, List.of(), List.of(), List.of());
        assertEquals("backend toy: learning rules are not supported (connection in->h)",
                assertThrows(IllegalArgumentException.class, () -> noLearning.check(net("toy-lif").connect("in", "h")
                        .learning(new ToyRule("toy-rules")).add().build(), "toy")).getMessage());
    }

    @Test
    void theModelSaysWhichBiasANeuronCanHold() {
        assertEquals("group h, compartment 1: biasMant 11 is above 10", assertThrows(IllegalArgumentException.class,
                () -> net("toy-lif").build().groups().get(0).withBiasMants(0, 11)).getMessage());
    }

    @Test
    void resourcesAreFoundByName() {
        assertEquals(OptionalLong.of(16), TOY_CHIP.core("compartments").orElseThrow().value());
        assertTrue(TOY_CHIP.chipResource("cores").orElseThrow().value().isEmpty());
        assertTrue(TOY_CHIP.core("no such thing").isEmpty());
        assertEquals("toy-lif: a test model", TOY_CHIP.neuronModels().get(0).toString());
    }

    @Test
    void invalidFiguresAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WeightFormat(0, 8, -8, 7));
        assertThrows(IllegalArgumentException.class, () -> new WeightFormat(1, 8, 7, -8));
        assertThrows(IllegalArgumentException.class, () -> new BackendCapabilities("x", List.of(),
                new WeightFormat(1, 8, 0, 0), -1, 0, false, List.of(), List.of(), List.of()));
    }
}
